using System.Net;

namespace Atlas.Preview;

/// <summary>How to run the preview server. Binds the loopback address unless told otherwise.</summary>
public sealed record PreviewOptions(string SiteDirectory)
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Where the preview is built; a fresh temporary folder by default, never the site's public/.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Where the fresh temporary folder is made (the system's temporary folder by default); tests use their own.</summary>
    public string? TemporaryRoot { get; init; }

    /// <summary>Include drafts in the preview.</summary>
    public bool Drafts { get; init; }

    /// <summary>
    /// How long no further change must come before a rebuild starts. Short: editors write a file in one go or
    /// rename a finished temporary file over it, and a save caught half-way is rebuilt again by its next event.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long one rebuild may take before it stops with an error (the page then shows it).</summary>
    public TimeSpan? Timeout { get; init; } = Building.BuildOptions.DefaultTimeout;

    /// <summary>
    /// Poll for changes at this interval instead of using the file system's change notifications (which network
    /// drives, some container and WSL mounts lack); null uses notifications, and polls at
    /// <see cref="DefaultPollInterval"/> only when they cannot start.
    /// </summary>
    public TimeSpan? Poll { get; init; }

    /// <summary>One second: an edit shows within about a second, and comparing a site's files costs a few ms.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Called with the address once the server listens, before the first build (which <see cref="PreviewServer.StartAsync"/>
    /// waits for): from then on every request gets the "building…" page until that build ends.
    /// </summary>
    public Action<Uri>? Listening { get; init; }

    /// <summary>
    /// Called with the changed files of a rebuild that a newer save cut short once its pages were written (its search
    /// index, data and feeds are left to the next rebuild, which makes both saves and is reported as usual).
    /// </summary>
    public Action<IReadOnlyList<string>?>? CutShort { get; init; }

    /// <summary>
    /// Called on the rebuild's thread each time a rebuild after a change has written the affected pages, before the
    /// rest of it (the search index, data, feeds); tests use it to save again at exactly that moment.
    /// </summary>
    internal Action? AfterPagesWritten { get; init; }

    /// <summary>What one page render may use; tests set small limits.</summary>
    public Rendering.RenderLimits RenderLimits { get; init; } = Rendering.RenderLimits.Default;
}
