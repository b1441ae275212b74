using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Building;

/// <summary>The outcome of a build: its diagnostics, what it wrote (pages per language) and how long it took.</summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> PagesPerLanguage,
    int FilesWritten,
    TimeSpan Elapsed,
    string OutputDirectory)
{
    private readonly Lazy<DependencyGraph>? _graph;

    /// <summary>
    /// Which pages each source file affects; null when the build failed. Computed on first use: builds themselves
    /// need only the saved state, and at 10,000 entities the graph takes a noticeable part of a preview rebuild.
    /// </summary>
    public DependencyGraph? Graph => _graph?.Value;

    public Func<DependencyGraph>? GraphFactory
    {
        init => _graph = value is null ? null : new Lazy<DependencyGraph>(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public int PageCount => PagesPerLanguage.Values.Sum();

    /// <summary>How many pages this build rendered (all of them in a full build; the affected ones in an incremental build).</summary>
    public int PagesRendered { get; init; }

    /// <summary>How long each stage took (full builds), for <c>build --timings</c>.</summary>
    public System.Collections.Immutable.ImmutableArray<(string Stage, TimeSpan Time)> Timings { get; init; } = [];

    /// <summary>The pages that took longest to render, slowest first (for <c>--timings</c>).</summary>
    public ImmutableArray<(string Path, TimeSpan Time)> SlowestPages { get; init; } = [];

    /// <summary>What the build read, for the next incremental build; null when the build failed.</summary>
    public SiteState? State { get; init; }

    /// <summary>The loaded site the output was made from (the preview's next rebuild starts from it); null when the build failed.</summary>
    public LoadedSite? Site { get; init; }

    /// <summary>The renderer of the build, with the views it built; the preview's next prose edit renders with it.</summary>
    internal Rendering.PageRenderer? Renderer { get; init; }

    /// <summary>Which pages read whose prose (made for builds with a cache: the preview's next prose edit looks pages up in it).</summary>
    internal Lazy<ProseReaders>? Readers { get; init; }

    /// <summary>True when the build took only an edit to prose (see <see cref="SiteBuilder.Rebuild"/>).</summary>
    public bool ProseOnly { get; init; }

    /// <summary>How many pages the preview's first look at a data edit wrote before the rebuild (see DataEditFirstLook).</summary>
    public int FirstLookPages { get; init; }

    /// <summary>
    /// The output files a failed incremental build had already rewritten: for them the output no longer holds what
    /// the previous state says (see <see cref="SiteBuilder.AfterFailure"/>).
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
