using System.Net;
using System.Text;
using Atlas.Building;
using Atlas.Loading;
using Atlas.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Atlas.Preview;

/// <summary>
/// The editor's preview: builds the site into a private folder, serves it on the loopback address, watches
/// content/, templates/ and site.yml, rebuilds incrementally on every change and tells open pages to reload
/// (server-sent events). While the content is broken, pages show the build errors instead of stopping the server.
/// Serves only files inside its output folder; paths that try to leave it are refused.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string EventsPath = "/__atlas/events";
    public const string ScriptPath = "/__atlas/reload.js";

    private readonly PreviewOptions _options;
    private readonly Action<RebuildReport>? _onRebuild;
    private readonly string _output;
    private readonly bool _ownsOutput;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ReloadEvents _reload;
    private WebApplication? _app;
    private SiteWatcher? _watcher;
    private Task? _loop;
    private BuildResult? _previous;
    private readonly SiteCaches _caches = new();
    private IReadOnlyList<Diagnostic> _errors = [];
    private int _generation;
    private readonly PreviewPages _pages;
    private volatile bool _built; // the first build has ended: until then every page is the "building…" page

    private PreviewServer(PreviewOptions options, Action<RebuildReport>? onRebuild)
    {
        _options = options;
        _onRebuild = onRebuild;
        _ownsOutput = options.OutputDirectory is null;
        _reload = new ReloadEvents(_stopping.Token);
        _pages = new PreviewPages(options.SiteDirectory);
        _output = options.OutputDirectory ?? Path.Combine(options.TemporaryRoot ?? Path.GetTempPath(), "atlas-preview-" + Guid.NewGuid().ToString("N")[..10], "public");
    }

    /// <summary>The address the preview is served at, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Incremented after every rebuild, successful or not (lets tests wait for one).</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Whether the watcher holds a change the next rebuild will take (tests wait for one).</summary>
    internal bool ChangesWaiting => _watcher?.HasChanges ?? false;

    /// <summary>The diagnostics of the last build; empty when it succeeded.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors;

    public string OutputDirectory => _output;

    /// <summary>Why the preview polls for changes (asked to, or notifications could not start); null when it is notified.</summary>
    public string? PollingBecause => _watcher?.PollingBecause;

    /// <summary>How often the preview polls for changes, when it does.</summary>
    public TimeSpan PollInterval => _watcher?.PollInterval ?? TimeSpan.Zero;

    public static async Task<PreviewServer> StartAsync(PreviewOptions options, Action<RebuildReport>? onRebuild = null, CancellationToken cancellation = default)
    {
        var server = new PreviewServer(options, onRebuild);
        try
        {
            await server.StartInternalAsync(cancellation);
        }
        catch
        {
            await server.DisposeAsync(); // stopped during the first build (Ctrl+C) or could not listen: no folder stays behind
            throw;
        }

        return server;
    }

    private async Task StartInternalAsync(CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(_options.Address, _options.Port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        // First, for every route (pages, the error page, the reload events): only this machine's names (DNS rebinding).
        app.Use(RefuseForeignHosts);
        // Branches of the middleware pipeline, not routing endpoints: the terminal app.Run below would swallow those.
        app.Map(new PathString(EventsPath), branch => branch.Run(_reload.Events));
        app.Map(new PathString(ScriptPath), branch => branch.Run(ReloadEvents.Script));
        app.Map(new PathString(PreviewPages.StylesheetPath), branch => branch.Run(PreviewStylesheet));
        app.Run(Serve);
        await app.StartAsync(cancellation);
        _app = app;

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        _options.Listening?.Invoke(Address);

        // Watch first, then build: a file saved during the first build (or just after the server first answers) is
        // a change like any other. The watcher adds its watches on sub-folders in the background, so the first build
        // also compares the watched files with how they were before it; whatever changed meanwhile is rebuilt next.
        _watcher = SiteWatcher.Start(_options.SiteDirectory, _options.Poll);
        var before = _watcher.WatchedFiles();
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stopping.Token))
        {
            Rebuild(null, first.Token);
        }

        _built = true;

        cancellation.ThrowIfCancellationRequested();
        _watcher.NotifyChangedSince(before);

        _loop = Task.Run(RebuildLoop);
    }

    private Task RefuseForeignHosts(HttpContext context, RequestDelegate next)
    {
        if (PreviewHosts.IsAllowed(context.Request.Headers.Host.ToString(), _options.Address, Address.Port))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(
            $"The atlas preview answers only at localhost, 127.0.0.1, [::1] or the address it was bound to, port {Address.Port}.\n");
    }

    private BuildOptions BuildOptions(Action<IReadOnlyList<string>> pagesWritten) => new(_options.SiteDirectory)
    {
        PagesWritten = pagesWritten,
        OutputDirectory = _output,
        BaseUrl = Address.ToString(),
        Force = true,
        Drafts = _options.Drafts,
        HomeDirectory = null, // the preview folder is ours; it may live anywhere
        SaveState = false, // kept in memory
        Timeout = _options.Timeout,
        RenderLimits = _options.RenderLimits,
    };

    /// <param name="changed">The files that changed (relative to the site), or null when not known: the first build,
    /// or after the watcher lost events.</param>
    /// <param name="cancellation">Cancelled when the preview stops: a rebuild in progress ends without a report.</param>
    /// <param name="firstSeenAt">When the watcher saw the first of the changes (a Stopwatch timestamp); null for the first build.</param>
    /// <param name="pagesWritten">Called once the rebuild has written the affected pages (not for the first build).</param>
    /// <param name="superseded">How many rebuilds of these changes were cut short before this one.</param>
    /// <returns>False when the rebuild was cancelled: the output is the previous build's (the engine takes back what
    /// it wrote), and its changes must be built again.</returns>
    private bool Rebuild(IReadOnlyList<string>? changed, CancellationToken cancellation, long? firstSeenAt = null, Action? pagesWritten = null,
        int superseded = 0)
    {
        // Open pages reload as soon as the affected pages are written; the search index and other generated files
        // follow in the same rebuild (each replaced in one rename, so a reader sees the old file or the new one).
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pausesBefore = GC.GetTotalPauseDuration();
        TimeSpan? reloadedAfter = null;
        var failedBefore = _errors.Count > 0;
        void PagesWritten(IReadOnlyList<string> files)
        {
            // After a failed build every open page shows the errors: all of them reload, once.
            _errors = [];
            reloadedAfter ??= System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (failedBefore)
            {
                failedBefore = false;
                _reload.BroadcastReload(null);
            }
            else if (files.Count > 0)
            {
                _reload.BroadcastReload(files);
            }

            pagesWritten?.Invoke();
        }

        PreviewBuild build;
        try
        {
            build = PreviewRebuilder.Rebuild(BuildOptions(PagesWritten), _caches, _previous, changed, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            // Whatever goes wrong, the preview keeps running and shows it; the next change retries.
            build = new PreviewBuild(new BuildResult(false, [Diagnostic.Error(SourceLocation.File("."), $"the build stopped: {e.GetType().Name}: {e.Message}")],
                System.Collections.Immutable.ImmutableSortedDictionary<string, int>.Empty, 0, TimeSpan.Zero, _output));
        }

        var result = build.Report;

        if (result.Succeeded)
        {
            _previous = result;
            _errors = [];
            if (reloadedAfter is null)
            {
                _reload.BroadcastReload(null); // a full build: any page may have changed
            }
        }
        else
        {
            _previous = _previous is null ? null : PreviewRebuilder.AfterFailure(_previous, result);
            _errors = [.. result.Diagnostics.Where(d => d.IsError)];
            _reload.Broadcast("error", Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Interlocked.Increment(ref _generation);
        _onRebuild?.Invoke(new RebuildReport(changed ?? [], build)
        {
            ReloadedAfter = reloadedAfter,
            StartedAfterChange = firstSeenAt is { } seen ? System.Diagnostics.Stopwatch.GetElapsedTime(seen, started) : null,
            GcPauses = GC.GetTotalPauseDuration() - pausesBefore,
            Superseded = superseded,
        });
        return true;
    }

    /// <summary>
    /// One rebuild at a time, for each batch of changes the watcher gathers. A change that comes once a rebuild has
    /// written its pages cuts the rest of that rebuild short (the search index, data and feeds it was still making
    /// are out of date already): the engine takes back what that rebuild wrote and the next rebuild makes both
    /// changes, so the newer edit does not wait for a search index that would be replaced at once. A change that comes
    /// while pages are still being rendered waits: cutting there could leave a reader who saves often with no page
    /// ever written.
    /// </summary>
    private async Task RebuildLoop()
    {
        var watcher = _watcher!;
        try
        {
            IReadOnlyList<string>? carried = [];
            var superseded = 0;
            while (true)
            {
                var batch = await watcher.NextChangesAsync(_options.Debounce, _stopping.Token);
                IReadOnlyList<string>? files = carried is null || batch.Files is null
                    ? null
                    : [.. carried.Union(batch.Files, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                using var supersede = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                using var finished = new CancellationTokenSource();
                var watching = false;
                void PagesWritten()
                {
                    _options.AfterPagesWritten?.Invoke();
                    if (!watching)
                    {
                        watching = true;
                        _ = CancelOnNextChange(watcher, supersede, finished.Token);
                    }
                }

                var done = Rebuild(files, supersede.Token, batch.FirstSeenAt, PagesWritten, superseded);
                await finished.CancelAsync();
                _stopping.Token.ThrowIfCancellationRequested();
                if (!done)
                {
                    _options.CutShort?.Invoke(files);
                }

                (carried, superseded) = done ? ([], 0) : (files, superseded + 1);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Cancels <paramref name="supersede"/> when the watcher has a change, unless the rebuild finished first.</summary>
    private static async Task CancelOnNextChange(SiteWatcher watcher, CancellationTokenSource supersede, CancellationToken finished)
    {
        try
        {
            await watcher.WaitForChangeAsync(finished);
            if (!finished.IsCancellationRequested)
            {
                await supersede.CancelAsync();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // the rebuild ended first (or the preview stopped)
        }
    }

    private async Task Serve(HttpContext context)
    {
        var request = context.Request;
        if (request.Method is not ("GET" or "HEAD"))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var resolution = PreviewPaths.Resolve(_output, request.Path.Value ?? "/", request.Path.HasValue ? context.Request.Path.ToUriComponent() : "/");
        switch (resolution.Kind)
        {
            case PreviewPaths.Outcome.Refused:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("bad path\n");
                return;
            case PreviewPaths.Outcome.Redirect:
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = resolution.Location;
                return;
        }

        if (!_built)
        {
            await BuildingPage(context);
            return;
        }

        if (_errors.Count > 0 && (resolution.File is null || resolution.File.EndsWith(".html", StringComparison.Ordinal)))
        {
            await ErrorPage(context);
            return;
        }

        var file = resolution.File;
        var status = StatusCodes.Status200OK;
        if (file is null)
        {
            status = StatusCodes.Status404NotFound;
            file = PreviewPaths.NotFoundPage(_output, request.Path.Value ?? "/");
            if (file is null)
            {
                context.Response.StatusCode = status;
                return;
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = ServedFile.ContentType(file);
        // A fingerprinted asset's name changes with its bytes, so it never needs asking again (an edit to the style
        // sheet gives pages a new name to load); everything else is asked again on every load, to show the latest build.
        context.Response.Headers.CacheControl = status == StatusCodes.Status200OK && ServedFile.IsFingerprintedAsset(Path.GetRelativePath(_output, file))
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
        }
        catch (IOException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // replaced while we read it
            return;
        }

        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            bytes = ReloadEvents.Inject(bytes, Path.GetRelativePath(_output, file).Replace('\\', '/'));
        }

        context.Response.ContentLength = bytes.Length;
        if (request.Method == "GET")
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private Task ErrorPage(HttpContext context) =>
        OwnPage(context, StatusCodes.Status500InternalServerError, _pages.Errors(_errors, context.Request.Path.Value ?? "/"));

    /// <summary>503 with Retry-After (and a refresh in the page): the first build has not ended yet.</summary>
    private Task BuildingPage(HttpContext context)
    {
        context.Response.Headers.RetryAfter = PreviewPages.RetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return OwnPage(context, StatusCodes.Status503ServiceUnavailable, _pages.Building(context.Request.Path.Value ?? "/"));
    }

    private static async Task OwnPage(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = PreviewPages.ContentSecurityPolicy;
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (context.Request.Method == "GET")
        {
            await context.Response.WriteAsync(html);
        }
    }

    private async Task PreviewStylesheet(HttpContext context)
    {
        var bytes = _pages.Stylesheet();
        context.Response.ContentType = "text/css; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _watcher?.Dispose();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_ownsOutput)
        {
            try
            {
                Directory.Delete(Path.GetDirectoryName(_output)!, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        _stopping.Dispose();
    }
}
