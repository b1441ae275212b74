using Atlas.Building;

namespace Atlas.Preview;

/// <summary>One rebuild of the preview: why it ran, how it went and how long it took.</summary>
public sealed record RebuildReport(IReadOnlyList<string> ChangedFiles, PreviewBuild Build)
{
    /// <summary>The engine's report of the rebuild.</summary>
    public BuildResult Result => Build.Report;

    /// <summary>
    /// When open pages were told to reload, from the start of the rebuild: the affected pages were written then, the
    /// rest of the rebuild (search index, data, feeds) followed. Null for a full build (its output appears at once).
    /// </summary>
    public TimeSpan? ReloadedAfter { get; init; }

    /// <summary>
    /// From the first change the watcher saw to the start of the rebuild: the settle time (changes that come together
    /// make one rebuild), or longer when an earlier rebuild was still running. Null for the first build.
    /// </summary>
    public TimeSpan? StartedAfterChange { get; init; }

    /// <summary>
    /// How many rebuilds before this one a newer change cut short after they had written their pages (their search
    /// index, data and feeds out of date before they were done); their changed files are in <see cref="ChangedFiles"/>.
    /// </summary>
    public int Superseded { get; init; }

    /// <summary>How long the runtime's garbage collector paused the process during the rebuild.</summary>
    public TimeSpan GcPauses { get; init; }
}
