using Atlas.Building;
using Atlas.Loading;

namespace Atlas.Preview;

/// <summary>
/// The preview's rebuild after changed files, over the engine's incremental API: an edit that changes only the
/// prose of existing entities (their Markdown bodies) takes <see cref="ProseEdit"/>; an edit to existing entities'
/// data first writes their own pages (<see cref="DataEditFirstLook"/>); anything else, and those after the first
/// look, is an ordinary incremental build from the previous build's snapshot. Either way the output equals a full
/// build of the same input.
/// </summary>
public static class PreviewRebuilder
{
    /// <param name="previous">The last successful build (with its snapshot), or null for the first build.</param>
    /// <param name="changedFiles">Relative to the site folder; null when not known (the first build, or the file
    /// watcher lost events).</param>
    public static PreviewBuild Rebuild(BuildOptions options, SiteCaches caches, BuildResult? previous, IReadOnlyCollection<string>? changedFiles,
        CancellationToken cancellation = default)
    {
        var known = previous is { Succeeded: true, Snapshot: not null } && changedFiles is { Count: > 0 };
        if (known && ProseEdit.TryApply(options, caches, previous!, changedFiles!, cancellation) is { } prose)
        {
            return new PreviewBuild(prose) { ProseOnly = true };
        }

        var firstLook = known ? DataEditFirstLook.TryWrite(options, caches, previous!, changedFiles!, cancellation) : null;
        BuildResult built;
        try
        {
            built = SiteBuilder.BuildIncremental(options, previous?.Snapshot, caches, cancellation);
        }
        catch
        {
            firstLook?.Undo();
            throw;
        }

        if (!built.Succeeded)
        {
            firstLook?.Undo();
        }

        if (built.Snapshot is { } snapshot)
        {
            // Off the rebuild's path: the next edit needs the index and the shared views (and waits for them if it
            // comes sooner).
            ThreadPool.QueueUserWorkItem(_ => snapshot.Prepare());
        }

        return new PreviewBuild(built) { FirstLookPages = built.Succeeded ? firstLook?.PagesWritten ?? 0 : 0 };
    }

    /// <summary>
    /// What the preview keeps after <paramref name="failed"/>: the last good build, its snapshot without the records
    /// of the pages the failed build had already rewritten, so the next rebuild renders those again whatever it
    /// changes (reverting the edit that failed included). A snapshot missing records also keeps the next rebuild off
    /// the fast paths.
    /// </summary>
    public static BuildResult AfterFailure(BuildResult previous, BuildResult failed) =>
        failed.RewrittenFiles.IsEmpty || previous.Snapshot is not { } snapshot
            ? previous
            : previous with { Snapshot = snapshot.Forget(failed.RewrittenFiles) };
}
