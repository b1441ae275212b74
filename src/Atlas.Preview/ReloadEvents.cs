using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Atlas.Preview;

/// <summary>
/// How open pages learn that the output changed: each page gets a small script that listens to server-sent events
/// and reloads when a rebuild rewrote the file it shows (or when told that everything may have changed, or that the
/// build failed).
/// </summary>
internal sealed class ReloadEvents(CancellationToken stopping)
{
    private readonly CancellationToken _stopping = stopping;
    private readonly List<Channel<string>> _listeners = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Tells open pages to reload: those showing one of <paramref name="files"/> (output files relative to the site
    /// root), or every page when null. The reload script knows which file its page shows.
    /// </summary>
    public void BroadcastReload(IReadOnlyList<string>? files) =>
        Broadcast("reload", System.Text.Json.JsonSerializer.Serialize(new ReloadMessage(files), ReloadMessageJson.Default.ReloadMessage));

    /// <summary>A server-sent event to every open page; <paramref name="data"/> is one line.</summary>
    public void Broadcast(string name, string data)
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

    /// <summary>The stream of events one open page listens to.</summary>
    public async Task Events(HttpContext context)
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
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
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

    public static Task Script(HttpContext context)
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

    /// <summary>
    /// The preview adds its reload script (same origin, so the pages' CSP allows it), with the output file the page
    /// shows (<paramref name="shown"/>, e.g. "en/404.html" at a missing address).
    /// </summary>
    public static byte[] Inject(byte[] html, string shown)
    {
        var text = Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{PreviewServer.ScriptPath}\" data-file=\"{WebUtility.HtmlEncode(shown)}\" defer></script>";
        var index = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(index < 0 ? text + tag : text.Insert(index, tag));
    }
}
