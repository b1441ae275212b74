using Atlas.Content;
using Atlas.Model;

namespace Atlas.Building;

/// <summary>
/// What a build hands to the next one in the same process (the preview server keeps one across rebuilds): parsed
/// content files and validated entities. A full build without a cache gives the same output; the cache only skips
/// work whose result cannot have changed.
/// </summary>
public sealed class BuildCache
{
    private readonly Lock _gate = new();
    private (long Length, DateTime Time)? _siteFile;

    public ParsedFileCache Files { get; } = new();

    public EntityCache Entities { get; } = new();

    public Exports.SearchDocuments Search { get; } = new();

    /// <summary>Starts a build: after a change to site.yml (collections, fields, languages, Markdown settings), nothing is reused.</summary>
    internal void BeginBuild(string siteFile)
    {
        var info = new FileInfo(siteFile);
        (long, DateTime)? stamp = info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        lock (_gate)
        {
            if (stamp is null || _siteFile != stamp)
            {
                Files.Clear();
                Entities.Clear();
                Search.Clear();
            }

            _siteFile = stamp;
            Files.ResetCounts();
            Entities.ResetCounts();
        }
    }
}
