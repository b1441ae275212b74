namespace Atlas.Building;

/// <summary>What to build and where. Paths may be relative to the current folder.</summary>
public sealed record BuildOptions(string SiteDirectory)
{
    /// <summary>Overrides site.yml's output folder (relative paths are relative to the current folder).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Overrides site.yml's base_url, e.g. for a deployment under another host or sub-path.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Overrides site.yml's repository owner/name (<see cref="Loading.LoadOptions.Repository"/>).</summary>
    public string? Repository { get; init; }

    /// <summary>Treat warnings as errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Replace an existing output folder even if no atlas build wrote it.</summary>
    public bool Force { get; init; }

    /// <summary>Include entities marked <c>draft: true</c> (left out by default).</summary>
    public bool Drafts { get; init; }

    /// <summary>Called as pages render (done, total), from several threads; for progress displays.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>
    /// Save the state for the next incremental build beside the output. A caller that keeps the
    /// <see cref="BuildSnapshot"/> in memory for its next build has no use for the file.
    /// </summary>
    public bool SaveState { get; init; } = true;

    /// <summary>
    /// Called by incremental builds (and prose rebuilds) each time a step of pages is in the output, before the
    /// generated files (search index, data, feeds), with the output files (relative, '/'-separated) that were written
    /// or deleted: a caller showing the output while it is built can show those files at once. An edit to an entity's data makes two
    /// steps: first the entity's own pages, then the lists, maps and pages that link to it.
    /// </summary>
    public Action<IReadOnlyList<string>>? PagesWritten { get; init; }

    /// <summary>
    /// How the build writes files and moves folders in and beside the output; null for the real file system. Tests
    /// pass one that fails like a full disk or a mount point where the machine cannot make either.
    /// </summary>
    public Output.IOutputFileSystem? OutputFiles { get; init; }

    /// <summary>
    /// How long the whole build may take before it stops with an error, leaving the previous output as it was;
    /// null for no limit. Generous by default: the shipped atlas builds in seconds.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = DefaultTimeout;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>What one page render may use (loops, calls, steps, sizes); tests set smaller limits.</summary>
    public Rendering.RenderLimits RenderLimits { get; init; } = Rendering.RenderLimits.Default;

    /// <summary>What loading needs of these options.</summary>
    public Loading.LoadOptions Load => new(SiteDirectory) { BaseUrl = BaseUrl, Repository = Repository, Drafts = Drafts };

    /// <summary>The user's home folder, which is never an acceptable output; injectable for tests.</summary>
    public string? HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
