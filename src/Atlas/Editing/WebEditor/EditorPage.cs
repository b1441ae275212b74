using System.Collections.Immutable;
using System.Net;
using System.Text;

namespace Atlas.Editing.WebEditor;

/// <summary>
/// The web editor's files in the built site: <c>admin/index.html</c>, which loads the vendored editor, and
/// <c>admin/config.yml</c>, its forms made from site.yml. The page has a policy of its own, wider than the public
/// pages' (whose policy, in templates/layouts/base.html, stays as it is), and is kept out of search engines.
/// </summary>
public static class EditorPage
{
    public const string Folder = "admin/";

    /// <summary>The vendored files under templates/assets/, in the order the page loads them: the YAML library and
    /// our backend wrapper (which holds Decap's start until it has wrapped the backends) before Decap itself.</summary>
    public static readonly ImmutableArray<string> Scripts = ["admin/yaml.js", "admin/atlas-editor.js", "admin/decap-cms.js"];

    /// <summary>
    /// Scripts only from the site itself ('unsafe-eval' for Decap's configuration checker, which compiles its schema);
    /// inline styles for Decap's CSS-in-JS; connections to the site, GitHub's API and the local backend; no frames,
    /// no plugins, no third-party images but GitHub's avatars of the logged-in editor.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob: https://avatars.githubusercontent.com; " +
        "connect-src 'self' https://api.github.com http://localhost:8081; font-src 'self' data:; " +
        "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'";

    /// <param name="noScript">What the page says where scripts do not run.</param>
    /// <param name="scriptPaths">The published paths of <see cref="Scripts"/> (fingerprinted, from the site's root).</param>
    public static string Html(string locale, string title, string noScript, IEnumerable<string> scriptPaths)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n");
        html.Append($"<html lang=\"{WebUtility.HtmlEncode(locale)}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        html.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        html.Append($"<title>{WebUtility.HtmlEncode(title)}</title>\n");
        html.Append("<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n");
        // The editor is all script; without it, the page says so under its one heading.
        html.Append($"<noscript><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(noScript)}</p></noscript>\n");
        foreach (var path in scriptPaths)
        {
            // From /admin/ up to the site's root: the page works wherever the site is served.
            html.Append($"<script src=\"../{WebUtility.HtmlEncode(path)}\"></script>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
