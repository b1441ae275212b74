using System.Text.Json;
using Microsoft.Playwright;

namespace Atlas.BrowserTests.Support;

/// <summary>How a sweep frames each page: its viewport in CSS pixels, and whether the page's scripts may run.</summary>
public sealed record SweepFrame(int Width, int Height, bool Scripts);

/// <summary>What the check found on one page (null: nothing), or why the page could not be checked.</summary>
public sealed record SweepResult(string Path, JsonElement? Found, string? Error);

/// <summary>
/// Checks every page of the site in one browser page, without a Playwright navigation per page: each page is loaded
/// into a fresh iframe of exactly the sweep's viewport size on the site's own origin, and when the frame's load event
/// has fired (as Playwright's default navigation waits for), the check runs against the frame's window. A loop inside
/// the browser does this for a batch of pages per call, which saves most of the per-page cost of a Playwright
/// navigation (its round trips through the driver and its lifecycle tracking) while the page itself is loaded, styled
/// and laid out exactly as before.
/// <para>
/// A page without scripts is framed with <c>sandbox="allow-same-origin"</c>: by the HTML standard scripting is then
/// disabled for its document, as with JavaScript turned off (scripts do not run and <c>noscript</c> content is
/// parsed and shown). Each frame is also checked for what the sweep relies on: an HTTP 2xx response, the viewport
/// size, and for a page without scripts that its scripts did not run.
/// </para>
/// </summary>
public static class PageSweep
{
    /// <summary>Pages per call into the browser: a failed page is reported with its path, not lost in a long call.</summary>
    private const int Batch = 50;

    /// <summary>Frames loading at the same time in the one browser page.</summary>
    private const int InFlight = 4;

    /// <summary>
    /// Loads each page of <paramref name="paths"/> into a frame and runs <paramref name="check"/>, a JavaScript
    /// function of the page's window whose result is handed back as <see cref="SweepResult.Found"/>. <paramref name="host"/> is a page of a
    /// context with JavaScript on (the loop runs in it); the frames get the context's settings (mobile, touch).
    /// </summary>
    public static async Task<IReadOnlyList<SweepResult>> RunAsync(IPage host, AtlasSite site, IReadOnlyList<string> paths, SweepFrame frame, string check)
    {
        // The host is an empty document on the site's origin (frames of the same origin can be checked from it), with
        // the site's viewport meta kept and its stylesheets removed, so nothing of the host styles the frame.
        await host.GotoAsync(site.Url("404.html"));
        await host.EvaluateAsync("""
            () => {
              document.querySelectorAll("link[rel=stylesheet], style, script").forEach(e => e.remove());
              document.body.replaceChildren();
              document.body.style.margin = "0";
            }
            """);

        var results = new List<SweepResult>();
        for (var start = 0; start < paths.Count; start += Batch)
        {
            var batch = paths.Skip(start).Take(Batch).ToList();
            var found = await host.EvaluateAsync<JsonElement>(
                Loop.Replace("CHECK", check, StringComparison.Ordinal),
                new { urls = batch.Select(site.Url).ToArray(), width = frame.Width, height = frame.Height, scripts = frame.Scripts, inFlight = InFlight });
            results.AddRange(found.EnumerateArray().Select((result, i) => new SweepResult(
                batch[i],
                result.GetProperty("found") is { ValueKind: not JsonValueKind.Null } f ? f.Clone() : null,
                result.GetProperty("error").GetString())));
        }

        return results;
    }

    /// <summary>
    /// The loop in the browser. The check is pasted into the source (CHECK), not passed as a string to eval: the
    /// site's Content-Security-Policy forbids eval in the host page, and is deliberately left in force for the frames.
    /// </summary>
    private const string Loop = """
        async ({ urls, width, height, scripts, inFlight }) => {
          const check = CHECK;
          const results = new Array(urls.length);
          const checkOne = async url => {
            const frame = document.createElement("iframe");
            if (!scripts) frame.setAttribute("sandbox", "allow-same-origin");
            frame.width = String(width);
            frame.height = String(height);
            // Every frame at the top left, inside the host's viewport: an off-screen frame may be rendered lazily.
            Object.assign(frame.style, { border: "0", display: "block", position: "absolute", top: "0", left: "0" });
            const loaded = new Promise(resolve => {
              frame.addEventListener("load", () => resolve(true), { once: true });
              setTimeout(() => resolve(false), 30000);
            });
            frame.src = url;
            document.body.append(frame);
            try {
              if (!await loaded) return { found: null, error: "did not load in 30 s" };
              const win = frame.contentWindow;
              const status = win.performance.getEntriesByType("navigation")[0]?.responseStatus;
              const noscript = win.document.querySelector("noscript");
              if (!(status >= 200 && status < 300)) return { found: null, error: "HTTP " + status };
              if (win.innerWidth !== width || win.innerHeight !== height)
                return { found: null, error: `framed at ${win.innerWidth}×${win.innerHeight}, not ${width}×${height}` };
              if (!scripts && noscript && !noscript.firstElementChild && noscript.textContent.trim())
                return { found: null, error: "scripting was not disabled: <noscript> was parsed as text" };
              return { found: check(win) ?? null, error: null };
            } catch (e) {
              return { found: null, error: "the check failed: " + e };
            } finally {
              frame.remove();
            }
          };
          // A few frames load at once: while one waits for the server, another is being laid out and checked.
          let next = 0;
          const worker = async () => {
            while (next < urls.length) {
              const i = next++;
              results[i] = await checkOne(urls[i]);
            }
          };
          await Promise.all(Array.from({ length: inFlight }, worker));
          return results;
        }
        """;
}
