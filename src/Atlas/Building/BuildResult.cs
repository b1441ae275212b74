using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Building;

/// <summary>
/// The report of a build: whether it succeeded, its diagnostics, what it wrote (pages per language), how long it
/// took and where. What a later incremental build can start from is <see cref="Snapshot"/>, a separate object.
/// </summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> PagesPerLanguage,
    int FilesWritten,
    TimeSpan Elapsed,
    string OutputDirectory)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public int PageCount => PagesPerLanguage.Values.Sum();

    /// <summary>How many pages this build rendered (all of them in a full build; the affected ones in an incremental build).</summary>
    public int PagesRendered { get; init; }

    /// <summary>How long each stage took, for <c>build --timings</c>.</summary>
    public ImmutableArray<(string Stage, TimeSpan Time)> Timings { get; init; } = [];

    /// <summary>The pages that took longest to render, slowest first (for <c>--timings</c>).</summary>
    public ImmutableArray<(string Path, TimeSpan Time)> SlowestPages { get; init; } = [];

    /// <summary>What the output was made from, for the next incremental build in this process; null when the build failed.</summary>
    public BuildSnapshot? Snapshot { get; init; }

    /// <summary>
    /// The output files a failed incremental build had already rewritten: for them the output no longer holds what
    /// the previous snapshot says (see <see cref="BuildSnapshot.Forget"/>).
    /// </summary>
    public ImmutableArray<string> RewrittenFiles { get; init; } = [];

    /// <summary>
    /// True when a failed build could not leave the previous output as it was (a copy into a mount point that stopped
    /// half-way, files an incremental build could not put back); its diagnostics say what changed.
    /// </summary>
    public bool OutputChanged { get; init; }

    /// <summary>
    /// True when the output folder is a mount point and the site was copied into it file by file instead of swapped in
    /// whole (a failure during such a copy can leave a mix of old and new files).
    /// </summary>
    public bool CopiedIntoMountPoint { get; init; }
}
