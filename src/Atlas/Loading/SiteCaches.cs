using Atlas.Content;
using Atlas.Exports;
using Atlas.Model;

namespace Atlas.Loading;

/// <summary>
/// Work one build can hand to the next in the same process (a caller that keeps a session passes the same instance
/// to each load and build): parsed content files, validated entities and search index entries. A build without
/// caches gives the same output; the caches only skip work whose result cannot have changed.
/// </summary>
public sealed class SiteCaches
{
    private readonly Lock _gate = new();
    private (long Length, DateTime Time)? _siteFile;

    public ParsedFileCache Files { get; } = new();

    public EntityCache Entities { get; } = new();

    public SearchDocuments Search { get; } = new();

    /// <summary>Starts a load: after a change to site.yml (collections, fields, languages, Markdown settings), nothing is reused.</summary>
    internal void BeginLoad(string siteFile)
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
