using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Atlas.Building;
using Atlas.Diagnostics;
using Atlas.Tests.Support;

namespace Atlas.Tests.Hostile;

/// <summary>
/// Classic XSS payloads in every field type, in front matter and in Markdown, built with the real templates. Free
/// text must come out as text; typed values must come out as text or be refused with a diagnostic at their line;
/// no built page may hold a script of its own, an event handler or a script/data URL, and every page carries the
/// Content-Security-Policy.
/// </summary>
public sealed class HostileContentTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "\"><img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "java\tscript:alert(1)",
        "\u0001javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<!--<script>alert(1)//-->",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<object data=\"javascript:alert(1)\"></object>",
        "]]></content><script>alert(1)</script>",
        "{{ site }}",
        "{{ include \"../site.yml\" }}",
        "${alert(1)}",
        "https://example.org/\"><script>alert(1)</script>",
        "atlas-root:/javascript:alert(1)",
    ];

    public static TheoryData<int> PayloadNumbers => [.. Enumerable.Range(0, Payloads.Length)];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "cite", "ping", "manifest", "values", "to", "from", "by"];

    private static readonly string[] ForbiddenElements = ["iframe", "object", "embed", "frame", "frameset", "applet", "base"];

    [Fact]
    public void There_are_at_least_twenty_payloads() => Assert.True(Payloads.Length >= 20);

    [Theory]
    [MemberData(nameof(PayloadNumbers))]
    public void A_payload_in_every_field_is_shown_as_text_or_refused_never_executed(int number)
    {
        var payload = Payloads[number];
        using var site = new HostileSite();

        // Free text: localized and text fields, front matter, Markdown prose. Always accepted, always escaped.
        var textSlots = site.Inject(payload, typed: false);
        var text = Build(site);
        Assert.True(text.Succeeded, $"free text with {payload} must build:\n{string.Join("\n", text.Diagnostics.Take(20))}");
        Assert.True(textSlots.Count >= 40, $"only {textSlots.Count} text slots");
        AssertSafe(site.Output, site.Config.BasePath);
        var display = payload.Trim(); // values are trimmed like every text field

        // The rendering layer rewrites the engine's root marker ("atlas-root:/") wherever it appears on a page, text
        // included, so that one payload shows as a relative path in headings (reported; harmless, as no template
        // puts text into a URL, which AssertSafe checks). Links with the marker are refused in Markdown.
        var exact = !payload.Contains(Atlas.Markdown.MarkdownRenderer.RootMarker, StringComparison.Ordinal);
        foreach (var (collection, slug) in exact ? site.Targets : [])
        {
            foreach (var language in site.Config.Languages)
            {
                var page = Parse(Path.Combine(site.Output, language.Code, collection.Name, slug, "index.html"));
                Assert.Equal(display, page.QuerySelector("h1")!.TextContent.Trim()); // the exact text, not stripped nor double-escaped
            }
        }

        // Typed values: enum, tags, date, year, number, unit, boolean, coordinates, url, reference(s), link URLs.
        // Each is either refused with an error at its own line, or accepted and then built and checked like text.
        var typedSlots = site.Inject(payload, typed: true);
        Assert.True(typedSlots.Count >= 10, $"only {typedSlots.Count} typed slots");
        var accepted = typedSlots.Select(s => s.What).ToHashSet();
        for (var round = 0; round < 5 && accepted.Count > 0; round++)
        {
            var slots = site.Inject(payload, typed: true, accepted);
            var result = Build(site);
            if (result.Succeeded)
            {
                AssertSafe(site.Output, site.Config.BasePath);
                break;
            }

            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                var slot = slots.FirstOrDefault(s => s.File == error.Location.Path && s.Line == error.Location.Line);
                Assert.True(slot is not null, $"an error away from any injected value: {error}");
                Assert.True(slot!.MayBeRefused, $"{slot.What} must accept free text: {error}");
                accepted.Remove(slot.What);
            }

            Assert.True(round < 4, "the accepted values still do not build after several rounds");
        }
    }

    [Fact]
    public void Every_page_of_the_real_templates_has_a_content_security_policy_that_allows_only_the_sites_own_scripts_and_styles()
    {
        using var site = new HostileSite();
        site.Reset();
        var result = Build(site);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 50);
        // The web editor's page has a policy of its own (EditorPage, checked in WebEditorConfigTests): Decap needs
        // inline styles and eval, which no public page gets.
        foreach (var file in pages.Where(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/') != "admin/index.html"))
        {
            var document = Parse(file);
            var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.True(policy is not null, $"{file} has no Content-Security-Policy");
            var directives = policy!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
            Assert.Equal(["'self'"], directives["default-src"]);
            Assert.Equal(["'self'"], directives["script-src"]);
            // The site's own stylesheets; on a page with its stylesheet inline (the 404 page, served at any address),
            // exactly that text, by its hash.
            var inline = document.QuerySelectorAll("style").Select(style =>
                $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style.TextContent)))}'");
            Assert.Equal(["'self'", .. inline], directives["style-src"]);
            Assert.Equal(["'none'"], directives["object-src"]);
            Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        }

        AssertSafe(site.Output, site.Config.BasePath);
    }

    private static BuildResult Build(HostileSite site) =>
        SiteBuilder.Build(new BuildOptions(site.Directory) { OutputDirectory = site.Output, HomeDirectory = "/nonexistent-home-for-tests" });

    private static IDocument Parse(string file) => new HtmlParser().ParseDocument(File.ReadAllText(file));

    /// <summary>Checks every built page like a browser would see it, and that feeds and data files still parse.</summary>
    private static void AssertSafe(string output, string basePath)
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var page = Path.GetRelativePath(output, file);
            var document = Parse(file);
            foreach (var element in document.All)
            {
                var name = element.LocalName;
                if (name == "script")
                {
                    var src = element.GetAttribute("src");
                    if (src is null || element.TextContent.Trim().Length > 0)
                    {
                        problems.Add($"{page}: an inline script: {element.OuterHtml}");
                    }
                    else if (!IsOwnAsset(output, basePath, file, src, ".js"))
                    {
                        problems.Add($"{page}: a script that is not one of the site's assets: {src}");
                    }
                }

                if (Array.IndexOf(ForbiddenElements, name) >= 0)
                {
                    problems.Add($"{page}: a <{name}> element: {element.OuterHtml}");
                }

                if (name == "meta" && element.GetAttribute("http-equiv")?.Equals("refresh", StringComparison.OrdinalIgnoreCase) == true)
                {
                    problems.Add($"{page}: a meta refresh: {element.OuterHtml}");
                }

                foreach (var attribute in element.Attributes)
                {
                    if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{page}: an event handler: <{name} {attribute.Name}=\"{attribute.Value}\">");
                    }

                    if (Array.IndexOf(UrlAttributes, attribute.Name.ToLowerInvariant()) >= 0 && IsDangerousUrl(attribute.Value))
                    {
                        problems.Add($"{page}: a dangerous URL: <{name} {attribute.Name}=\"{attribute.Value}\">");
                    }

                    if (attribute.Name == "style" && (attribute.Value.Contains("expression", StringComparison.OrdinalIgnoreCase) ||
                                                      attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase)))
                    {
                        problems.Add($"{page}: a style attribute that loads or runs something: {attribute.Value}");
                    }
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(output, "*.xml", SearchOption.AllDirectories))
        {
            try
            {
                XDocument.Parse(File.ReadAllText(file));
            }
            catch (System.Xml.XmlException e)
            {
                problems.Add($"{Path.GetRelativePath(output, file)} is no longer XML: {e.Message}");
            }
        }

        foreach (var file in Directory.EnumerateFiles(output, "*.*json", SearchOption.AllDirectories))
        {
            try
            {
                using var _ = JsonDocument.Parse(File.ReadAllBytes(file));
            }
            catch (JsonException e)
            {
                problems.Add($"{Path.GetRelativePath(output, file)} is no longer JSON: {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    private static bool IsDangerousUrl(string value)
    {
        // Browsers drop ASCII whitespace and control characters in a scheme, and compare it without case.
        var compact = new string([.. value.Where(c => c > ' ')]).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal) ||
               compact.StartsWith("data:", StringComparison.Ordinal);
    }

    private static bool IsOwnAsset(string output, string basePath, string page, string src, string extension)
    {
        if (src.Contains(':', StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal))
        {
            return false; // any scheme or another host
        }

        // Relative to the page, or root-relative under the base URL's path (as on 404 pages, served from any depth).
        var path = src.Split('?', '#')[0];
        var target = path.StartsWith('/')
            ? path.StartsWith(basePath, StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(output, path[basePath.Length..])) : ""
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
        return target.StartsWith(Path.Combine(Path.GetFullPath(output), "assets") + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
               target.EndsWith(extension, StringComparison.Ordinal) && File.Exists(target);
    }
}
