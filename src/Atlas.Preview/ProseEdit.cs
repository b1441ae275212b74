using Atlas.Building;
using Atlas.Loading;
using Atlas.Model;

namespace Atlas.Preview;

/// <summary>
/// The preview's fast path for the most common edit: the Markdown body of an entity, saved again. The edited
/// entities are read and validated again on their own; when each comes out with the same data (names, summaries,
/// values), the engine re-renders only the pages that read their prose and the search index
/// (<see cref="SiteBuilder.RebuildProse"/>). Everything else goes through the ordinary incremental build, which is
/// what this returns null for: a data file, a new or deleted file, front matter that changes a name or summary, any
/// diagnostic but the previous build's warnings about files outside content/ (<see cref="CarriedWarnings"/>, carried
/// into the result), anything outside content/.
/// </summary>
internal static class ProseEdit
{
    public static BuildResult? TryApply(BuildOptions options, SiteCaches caches, BuildResult previous, IReadOnlyCollection<string> changedFiles,
        CancellationToken cancellation)
    {
        if (CarriedWarnings.Of(previous) is not { } carried || previous.Snapshot is not { } snapshot)
        {
            return null; // diagnostics of the previous build would have to be worked out again: the ordinary build does that
        }

        if (EditedEntities.Find(snapshot.Site, changedFiles, dataFiles: false) is not { Count: > 0 } edited)
        {
            return null;
        }

        var rebuilt = new List<Entity>(edited.Count);
        foreach (var entity in edited)
        {
            if (SiteLoader.ReloadEntity(snapshot.Site, entity, options.Load, caches) is not { } again)
            {
                return null;
            }

            rebuilt.Add(again);
        }

        return SiteBuilder.RebuildProse(options, snapshot, rebuilt, caches, cancellation) is { } result
            ? result with { Diagnostics = [.. carried, .. result.Diagnostics] }
            : null;
    }
}
