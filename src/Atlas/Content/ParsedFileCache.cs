using System.Collections.Concurrent;
using Atlas.Yaml;

namespace Atlas.Content;

/// <summary>
/// Content files as parsed by an earlier build in the same process, reused while the file's size and modification
/// time are the same. Only files that parsed without a diagnostic are kept, so a problem is reported by every build
/// until it is fixed. Thread-safe.
/// </summary>
public sealed class ParsedFileCache
{
    private readonly ConcurrentDictionary<string, ParsedFile> _files = new(StringComparer.Ordinal);
    private int _hits;

    /// <summary>How many files the lookups since the last <see cref="Clear"/> or <see cref="ResetCounts"/> reused.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public void Clear()
    {
        _files.Clear();
        ResetCounts();
    }

    public void ResetCounts() => Interlocked.Exchange(ref _hits, 0);

    internal bool TryGet(FileInfo file, out YamlMapping? data, out EntityDocument? document)
    {
        if (_files.TryGetValue(file.FullName, out var entry) && entry.Length == file.Length && entry.Time == file.LastWriteTimeUtc)
        {
            Interlocked.Increment(ref _hits);
            (data, document) = (entry.Data, entry.Document);
            return true;
        }

        (data, document) = (null, null);
        return false;
    }

    internal void Set(FileInfo file, YamlMapping? data, EntityDocument? document) =>
        _files[file.FullName] = new ParsedFile(file.Length, file.LastWriteTimeUtc, data, document);

    private sealed record ParsedFile(long Length, DateTime Time, YamlMapping? Data, EntityDocument? Document);
}
