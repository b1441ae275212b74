using Atlas.Loading;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// What a successful build leaves for the next incremental build in the same process: the loaded site the output
/// was made from, the state of what each page read, the renderer with the views it built, and the inverted index of
/// the page records (made on first use). A build started from a snapshot needs no state file and no reload of
/// anything the snapshot shows unchanged.
/// </summary>
public sealed class BuildSnapshot
{
    private readonly Lazy<DependencyGraph> _graph;

    internal BuildSnapshot(LoadedSite site, SiteState state, string outputDirectory, PageRenderer renderer, Func<DependencyGraph>? graph = null)
    {
        Site = site;
        State = state;
        OutputDirectory = outputDirectory;
        Renderer = renderer;
        _graph = new Lazy<DependencyGraph>(graph ?? (() => DependencyGraph.Of(site, state)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public LoadedSite Site { get; }

    public SiteState State { get; }

    public string OutputDirectory { get; }

    /// <summary>The build's renderer, with the views it built: re-rendering a few pages later shares them (<see cref="PageRenderer.WithReplaced"/>).</summary>
    public PageRenderer Renderer { get; }

    /// <summary>Which pages (and generated files) read each dependency key, and which keys each content file can change.</summary>
    public DependencyGraph Graph => _graph.Value;

    /// <summary>True when <see cref="Graph"/> is made (so a next snapshot can update it instead of making it again).</summary>
    internal bool HasGraph => _graph.IsValueCreated;

    /// <summary>
    /// Makes now what the next incremental build and re-render read first (the index, the views every page shows),
    /// which are otherwise made by the first build that needs them. Safe to call from another thread.
    /// </summary>
    public void Prepare()
    {
        _ = Graph;
        Renderer.Prepare();
    }

    /// <summary>
    /// This snapshot without the records of <paramref name="outputFiles"/> (files a failed build rewrote, so the
    /// output no longer holds what the records describe): the next build renders them again whatever changed.
    /// </summary>
    public BuildSnapshot Forget(IEnumerable<string> outputFiles)
    {
        var files = outputFiles.ToHashSet(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return this;
        }

        var state = State with { Pages = State.Pages.RemoveRange(State.Pages.Values.Where(r => files.Contains(r.OutputFile)).Select(r => r.Path)) };
        return new BuildSnapshot(Site, state, OutputDirectory, Renderer);
    }
}
