using System.Globalization;
using System.Net;
using System.Text;
using Atlas.Diagnostics;
using Atlas.Reporting;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Preview;

/// <summary>
/// The preview's own pages: the build errors (each as the terminal shows it: <c>path:line:col: error: …</c>, the source
/// line and the caret, from <see cref="DiagnosticFormatter"/>) and the "building…" page of the first build. They are in
/// the language of the page asked for (/zh/… in Chinese, /en/… in English, anything else in the default language),
/// with their words from the <c>preview:</c> section of the site's i18n bundles, and styled by the site's own
/// stylesheet (served at <see cref="StylesheetPath"/>, followed by a few rules of the preview's). Neither may depend
/// on a working site.yml or bundle (a broken one may be what the page reports), so each piece falls back: to the
/// English words below, to no site stylesheet.
/// </summary>
internal sealed class PreviewPages(string siteDirectory)
{
    public const string StylesheetPath = "/__atlas/preview.css";

    /// <summary>The preview's pages' own policy: nothing but this server's stylesheet and reload script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Seconds the building page waits before asking again (its Retry-After and refresh).</summary>
    public const int RetrySeconds = 2;

    /// <summary>The words when the bundles cannot give them (no bundle, a broken one, no <c>preview:</c> section).</summary>
    private static readonly Dictionary<string, string> Fallback = new(StringComparer.Ordinal)
    {
        ["name"] = "atlas preview",
        ["error_title"] = "The atlas did not build",
        ["error_intro"] = "Fix these problems and save: this page reloads by itself when the next build succeeds.",
        ["error_count"] = "Errors: {0}",
        ["building_title"] = "Building…",
        ["building_text"] = "The atlas is being built; this page shows it as soon as it is ready.",
    };

    private const string PreviewRules = """

/* The preview's own pages (errors, building): after the site's rules, in its colours and type. */
.preview-page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.preview-page .preview-name { margin: 0; color: var(--muted, #5a6272); font-size: 0.88rem; }
.preview-page h1 { margin: 0.25rem 0 0.5rem; color: var(--accent-ink, #8c1d17); }
.preview-count { color: var(--muted, #5a6272); }
.preview-diagnostics { list-style: none; margin: 1rem 0 0; padding: 0; }
.preview-diagnostics li { margin: 0 0 1rem; padding: 0.75rem 1rem; border: 1px solid var(--line, #d9dde5); border-left: 4px solid var(--accent, #b3261e); border-radius: 4px; background: var(--wash, #f4f6f9); }
.preview-diagnostics .message { margin: 0; font-family: ui-monospace, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
.preview-diagnostics pre { margin: 0.6rem 0 0; padding: 0.5rem 0.75rem; overflow-x: auto; background: var(--paper, #fff); border: 1px solid var(--line, #d9dde5); font-family: ui-monospace, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 0.88rem; line-height: 1.5; }
.preview-diagnostics .more { margin: 0.5rem 0 0; color: var(--muted, #5a6272); }
""";

    /// <summary>The page listing <paramref name="errors"/>, for a request of <paramref name="requestPath"/>.</summary>
    public string Errors(IReadOnlyList<Diagnostic> errors, string requestPath)
    {
        var (language, words) = Words(requestPath);
        var html = Head(language, words, words["error_title"], refresh: false);
        html.Append("<p class=\"preview-name\">").Append(Encode(words["name"])).Append("</p>");
        html.Append("<h1>").Append(Encode(words["error_title"])).Append("</h1>");
        html.Append("<p>").Append(Encode(words["error_intro"])).Append("</p>");
        html.Append("<p class=\"preview-count\">")
            .Append(Encode(words["error_count"].Replace("{0}", errors.Count.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .Append("</p><ol class=\"preview-diagnostics\">");
        foreach (var shown in DiagnosticFormatter.Format(errors, siteDirectory))
        {
            // HTML-encoded against markup; the formatter already shows control characters as escapes (a right-to-left
            // override would make the message read differently from what it says).
            html.Append("<li><p class=\"message\"><code>").Append(Encode(shown.Message)).Append("</code></p>");
            if (shown.Excerpt is not null)
            {
                html.Append("<pre><code>").Append(Encode(shown.Excerpt)).Append('\n').Append(Encode(shown.Caret!)).Append("</code></pre>");
            }

            if (shown.More is not null)
            {
                html.Append("<p class=\"more\">").Append(Encode(shown.More)).Append("</p>");
            }

            html.Append("</li>");
        }

        // The reload script: after the next build the page reloads, and shows the page asked for or the new errors.
        html.Append("</ol></main><script src=\"").Append(PreviewServer.ScriptPath).Append("\" defer></script></body></html>");
        return html.ToString();
    }

    /// <summary>The page every request gets during the first build: it asks again every <see cref="RetrySeconds"/>.</summary>
    public string Building(string requestPath)
    {
        var (language, words) = Words(requestPath);
        var html = Head(language, words, words["building_title"], refresh: true);
        html.Append("<p class=\"preview-name\">").Append(Encode(words["name"])).Append("</p>");
        html.Append("<h1>").Append(Encode(words["building_title"])).Append("</h1>");
        html.Append("<p>").Append(Encode(words["building_text"])).Append("</p></main></body></html>");
        return html.ToString();
    }

    /// <summary>The site's stylesheet (templates/assets/style.css, when it can be read) and the preview's rules.</summary>
    public byte[] Stylesheet()
    {
        var site = Read("templates/assets/style.css") ?? "";
        return Encoding.UTF8.GetBytes(site + PreviewRules);
    }

    private static StringBuilder Head(string language, Dictionary<string, string> words, string title, bool refresh)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(Encode(language)).Append("\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refresh)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(RetrySeconds.ToString(CultureInfo.InvariantCulture)).Append("\">");
        }

        html.Append("<title>").Append(Encode(title)).Append(" · ").Append(Encode(words["name"])).Append("</title>");
        html.Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\"></head><body><main class=\"preview-page\">");
        return html;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The page's language and its words: the first segment of the path if a bundle has that name, else the default.</summary>
    private (string Language, Dictionary<string, string> Words) Words(string requestPath)
    {
        var first = requestPath.TrimStart('/').Split('/')[0];
        var language = first.Length is > 0 and <= 12 && first.All(c => c is >= 'a' and <= 'z' or '-') && Bundle(first) is not null
            ? first
            : DefaultLanguage() ?? "en";
        var words = new Dictionary<string, string>(Fallback, StringComparer.Ordinal);
        if (Bundle(language) is YamlMapping { } bundle && bundle["preview"] is YamlMapping section)
        {
            foreach (var (key, value) in section.Entries)
            {
                if (words.ContainsKey(key.Value) && value is YamlScalar { IsNull: false } text)
                {
                    words[key.Value] = text.Value;
                }
            }
        }

        return (language, words);
    }

    private YamlMapping? Bundle(string language) => Yaml($"templates/i18n/{language}.yml") as YamlMapping;

    private string? DefaultLanguage() =>
        Yaml("site.yml") is YamlMapping site && site["default_language"] is YamlScalar { IsNull: false } code ? code.Value : null;

    private YamlNode? Yaml(string path) =>
        Read(path) is { } text && YamlReader.TryRead(text, path, new DiagnosticBag(), out var root) ? root : null;

    /// <summary>A file of the site, through the build's file policy (a regular file inside the site, never a link out).</summary>
    private string? Read(string path)
    {
        var ignored = new DiagnosticBag();
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), path, ignored, out _);
        return file is null || file.IsFolder ? null : SourceText.Read(file, ignored);
    }
}
