using System.Net;
using System.Text;
using System.Threading.Channels;
using Atlas.Building;
using Atlas.Loading;
using Atlas.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
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

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private static readonly TimeSpan MaxSettle = TimeSpan.FromMilliseconds(500);

    private readonly PreviewOptions _options;
    private readonly Action<RebuildReport>? _onRebuild;
    private readonly string _output;
    private readonly bool _ownsOutput;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Channel<string>> _listeners = [];
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private FileSystemWatcher? _watcher;
    private Task? _loop;
    private BuildResult? _previous;
    private volatile bool _lostEvents;
    private readonly SiteCaches _caches = new();
    private IReadOnlyList<Diagnostic> _errors = [];
    private int _generation;

    private PreviewServer(PreviewOptions options, Action<RebuildReport>? onRebuild)
    {
        _options = options;
        _onRebuild = onRebuild;
        _ownsOutput = options.OutputDirectory is null;
        _output = options.OutputDirectory ?? Path.Combine(options.TemporaryRoot ?? Path.GetTempPath(), "atlas-preview-" + Guid.NewGuid().ToString("N")[..10], "public");
    }

    /// <summary>The address the preview is served at, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Incremented after every rebuild, successful or not (lets tests wait for one).</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The diagnostics of the last build; empty when it succeeded.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors;

    public string OutputDirectory => _output;

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
        app.Map(new PathString(EventsPath), branch => branch.Run(Events));
        app.Map(new PathString(ScriptPath), branch => branch.Run(ReloadScript));
        app.Run(Serve);
        await app.StartAsync(cancellation);
        _app = app;

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");

        // Watch first, then build: a file saved during the first build (or just after the server first answers) is
        // a change like any other. The watcher adds its watches on sub-folders in the background, so the first build
        // also compares the watched files with how they were before it; whatever changed meanwhile is rebuilt next.
        _watcher = Watch();
        var before = WatchedFiles();
        using (var first = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stopping.Token))
        {
            Rebuild(null, first.Token);
        }

        cancellation.ThrowIfCancellationRequested();
        foreach (var file in ChangedSince(before, WatchedFiles()))
        {
            Notify(file);
        }

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
    private void Rebuild(IReadOnlyList<string>? changed, CancellationToken cancellation)
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
                BroadcastReload(null);
            }
            else if (files.Count > 0)
            {
                BroadcastReload(files);
            }
        }

        PreviewBuild build;
        try
        {
            build = PreviewRebuilder.Rebuild(BuildOptions(PagesWritten), _caches, _previous, changed, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return;
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
                BroadcastReload(null); // a full build: any page may have changed
            }
        }
        else
        {
            _previous = _previous is null ? null : PreviewRebuilder.AfterFailure(_previous, result);
            _errors = [.. result.Diagnostics.Where(d => d.IsError)];
            Broadcast("error", Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Interlocked.Increment(ref _generation);
        _onRebuild?.Invoke(new RebuildReport(changed ?? [], build)
        {
            ReloadedAfter = reloadedAfter,
            GcPauses = GC.GetTotalPauseDuration() - pausesBefore,
        });
    }

    private FileSystemWatcher Watch()
    {
        var watcher = new FileSystemWatcher(_options.SiteDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) => Notify(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) =>
        {
            Notify(e.OldFullPath);
            Notify(e.FullPath);
        };
        watcher.Error += (_, _) =>
        {
            // The kernel's event queue overflowed: which files changed is no longer known.
            _lostEvents = true;
            _changes.Writer.TryWrite("");
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>The watched files (site.yml, content/, templates/; no links followed) with their size and time.</summary>
    private Dictionary<string, (long Length, DateTime Written)> WatchedFiles()
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var siteYml = new FileInfo(Path.Combine(_options.SiteDirectory, "site.yml"));
        if (siteYml.Exists)
        {
            files[siteYml.FullName] = (siteYml.Length, siteYml.LastWriteTimeUtc);
        }

        foreach (var folder in new[] { "content", "templates" })
        {
            var root = new DirectoryInfo(Path.Combine(_options.SiteDirectory, folder));
            if (root.Exists && !root.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                foreach (var file in root.EnumerateFiles("*", options))
                {
                    files[file.FullName] = (file.Length, file.LastWriteTimeUtc);
                }
            }
        }

        return files;
    }

    private static IEnumerable<string> ChangedSince(
        Dictionary<string, (long Length, DateTime Written)> before, Dictionary<string, (long Length, DateTime Written)> after) =>
        after.Where(file => !before.TryGetValue(file.Key, out var was) || was != file.Value).Select(file => file.Key)
            .Concat(before.Keys.Where(path => !after.ContainsKey(path)))
            .Order(StringComparer.Ordinal);

    private void Notify(string fullPath)
    {
        var relative = Path.GetRelativePath(_options.SiteDirectory, fullPath).Replace('\\', '/');
        var watched = relative == "site.yml" || relative.StartsWith("content/", StringComparison.Ordinal) ||
                      relative.StartsWith("templates/", StringComparison.Ordinal);
        if (watched && !relative.Split('/').Any(part => part.StartsWith('.') || part.EndsWith('~')))
        {
            _changes.Writer.TryWrite(relative);
        }
    }

    /// <summary>
    /// One rebuild at a time; changes that arrive together (an editor saving several files, a checkout) make one
    /// rebuild: it starts once no change has come for <see cref="PreviewOptions.Debounce"/>, or after half a second
    /// of steady changes.
    /// </summary>
    private async Task RebuildLoop()
    {
        var reader = _changes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                var changed = new SortedSet<string>(StringComparer.Ordinal);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                do
                {
                    while (reader.TryRead(out var file))
                    {
                        changed.Add(file);
                    }

                    await Task.Delay(_options.Debounce, _stopping.Token);
                }
                while (reader.TryPeek(out _) && System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxSettle);

                while (reader.TryRead(out var file))
                {
                    changed.Add(file);
                }

                var lost = _lostEvents;
                _lostEvents = false;
                changed.Remove("");
                Rebuild(lost ? null : [.. changed], _stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>
    /// Tells open pages to reload: those showing one of <paramref name="files"/> (output files relative to the site
    /// root), or every page when null. The reload script knows which file its page shows.
    /// </summary>
    private void BroadcastReload(IReadOnlyList<string>? files) =>
        Broadcast("reload", System.Text.Json.JsonSerializer.Serialize(new ReloadMessage(files), ReloadMessageJson.Default.ReloadMessage));

    /// <summary>A server-sent event to every open page; <paramref name="data"/> is one line.</summary>
    private void Broadcast(string name, string data)
    {
        var message = $"event: {name}\ndata: {data}\n\n";
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(message);
            }
        }
    }

    private async Task Events(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var channel = Channel.CreateUnbounded<string>();
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        try
        {
            await context.Response.WriteAsync("retry: 500\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the page went away or the server is stopping
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }
        }
    }

    private static Task ReloadScript(HttpContext context)
    {
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync("""
            // Preview only: reload when a rebuild rewrote the file this page shows (the server says which file that is;
            // at a missing address, the page that would be there), or when told that everything may have changed.
            // The error page knows no file: it reloads after every rebuild.
            (function () {
              var shown = document.currentScript && document.currentScript.getAttribute("data-file");
              var asked = "";
              try { asked = decodeURIComponent(location.pathname).replace(/^\//, ""); } catch (e) { }
              if (asked === "" || /\/$/.test(asked)) asked += "index.html";
              var source = new EventSource("/__atlas/events");
              source.addEventListener("open", function () { document.documentElement.setAttribute("data-preview", "live"); });
              source.addEventListener("reload", function (event) {
                var files = JSON.parse(event.data).files;
                if (!files || !shown || files.indexOf(shown) >= 0 || files.indexOf(asked) >= 0) window.location.reload();
              });
              source.addEventListener("error", function (event) { if (event.data) window.location.reload(); });
            })();
            """);
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
        context.Response.ContentType = ContentType(file);
        context.Response.Headers.CacheControl = "no-cache";
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
            bytes = InjectReload(bytes, Path.GetRelativePath(_output, file).Replace('\\', '/'));
        }

        context.Response.ContentLength = bytes.Length;
        if (request.Method == "GET")
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>
    /// The preview adds its reload script (same origin, so the pages' CSP allows it), with the output file the page
    /// shows (<paramref name="shown"/>, e.g. "en/404.html" at a missing address).
    /// </summary>
    private static byte[] InjectReload(byte[] html, string shown)
    {
        var text = Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{ScriptPath}\" data-file=\"{WebUtility.HtmlEncode(shown)}\" defer></script>";
        var index = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(index < 0 ? text + tag : text.Insert(index, tag));
    }

    private async Task ErrorPage(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · atlas preview</title>");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("</head><body><main><h1>The atlas did not build</h1><p>Fix these problems; this page reloads by itself.</p><ul>");
        foreach (var error in _errors)
        {
            // HTML-encoded against markup, and control characters shown as escapes: a right-to-left override would
            // make the message read differently from what it says.
            html.Append("<li><code>").Append(WebUtility.HtmlEncode(VisibleText.Escape(error.ToString()))).Append("</code></li>");
        }

        html.Append("</ul></main><script src=\"").Append(ScriptPath).Append("\" defer></script></body></html>");
        await context.Response.WriteAsync(html.ToString());
    }

    private static string ContentType(string file) =>
        ContentTypes.TryGetContentType(file, out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal)
                ? type + "; charset=utf-8"
                : type
            : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".geojson"] = "application/geo+json";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".csv"] = "text/csv";
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".js"] = "text/javascript";
        return provider;
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
