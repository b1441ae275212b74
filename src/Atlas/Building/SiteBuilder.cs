using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Model;

namespace Atlas.Building;

/// <summary>
/// The build, as a fixed flow: load the site (<see cref="SiteLoader"/>) → render the pages in parallel → write them
/// with the assets and the generated files → keep what the next incremental build needs. Each stage reports every
/// problem it finds; the flow stops before writing anything if any stage found an error. These are the engine's
/// entry points: a full build, an incremental build after any change, and a re-render after a change to prose.
/// </summary>
public static class SiteBuilder
{
    /// <summary>A full build: everything is rendered into a staging folder that replaces the output on success.</summary>
    /// <param name="caches">Work kept from earlier builds in this process; null to start from nothing.</param>
    public static BuildResult Build(BuildOptions options, SiteCaches? caches = null, CancellationToken cancellation = default)
    {
        using var run = new BuildRun(options, null, cancellation);
        return FullBuild.Run(run, SiteLoader.Load(options.Load, run.Diagnostics, caches, run.Stages), caches);
    }

    /// <summary>
    /// A full build of a site already loaded (by <see cref="SiteLoader.Load"/> with <paramref name="diagnostics"/>,
    /// which the build reports with its own): a command that needs the loaded site too loads it once.
    /// </summary>
    public static BuildResult Build(BuildOptions options, LoadedSite site, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        using var run = new BuildRun(options, diagnostics, cancellation);
        return FullBuild.Run(run, site, null);
    }

    /// <summary>
    /// An incremental build: re-renders only the pages whose inputs changed since <paramref name="previous"/> (or the
    /// state saved beside the output) and rewrites only files whose bytes changed. The result is byte-identical to a
    /// full build. Falls back to a full build when there is no usable previous state.
    /// </summary>
    public static BuildResult BuildIncremental(BuildOptions options, BuildSnapshot? previous = null, SiteCaches? caches = null,
        CancellationToken cancellation = default)
    {
        using var run = new BuildRun(options, null, cancellation);
        return IncrementalBuild.Run(run, SiteLoader.Load(options.Load, run.Diagnostics, caches, run.Stages), previous, caches);
    }

    /// <summary>
    /// Re-renders after a change to the prose of some entities and nothing else: <paramref name="replaced"/> are the
    /// entities read again (<see cref="SiteLoader.ReloadEntity"/>), with the same files and data as in
    /// <paramref name="previous"/>. Only the pages that read their prose and the generated files that show prose are
    /// made again. Null when that does not hold or the re-render gave up (any diagnostic): the output is then as it
    /// was, and <see cref="BuildIncremental"/> is the way.
    /// </summary>
    public static BuildResult? RebuildProse(BuildOptions options, BuildSnapshot previous, IReadOnlyCollection<Entity> replaced, SiteCaches? caches = null,
        CancellationToken cancellation = default)
    {
        using var run = new BuildRun(options, null, cancellation);
        return ProseRebuild.Run(run, previous, replaced, caches, cancellation);
    }
}
