using System.Net;
using Atlas.Cli;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>
/// The preview's own pages: the build errors as the terminal shows them (source line and caret), in the language of
/// the page asked for, styled by the site's stylesheet; and the "building…" page of the first build.
/// </summary>
public sealed class PreviewPagesTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };

    private const string Words = """
-- templates/i18n/zh.yml.preview --
preview:
  name: 图集预览
  error_title: 图集未能生成
  error_intro: 请修改后保存。
  error_count: "错误：{0} 处"
  building_title: 正在生成…
  building_text: 图集正在生成。
-- templates/i18n/en.yml.preview --
preview:
  name: atlas preview
  error_title: The atlas did not build
  error_intro: Fix and save.
  error_count: "Errors: {0}"
  building_title: Building…
  building_text: The atlas is being built.
""";

    /// <summary>The minimal site with the preview's words in its bundles (appended to each).</summary>
    private static TestSite Site()
    {
        var site = TestSite.Minimal(Words);
        foreach (var language in new[] { "zh", "en" })
        {
            var bundle = Path.Combine(site.Directory, "templates/i18n", language + ".yml");
            File.AppendAllText(bundle, File.ReadAllText(bundle + ".preview"));
            File.Delete(bundle + ".preview");
        }

        return site;
    }

    private static async Task WaitForErrors(PreviewServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (server.Errors.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(server.Errors.Count > 0, "the broken content did not fail the preview's build");
    }

    [Fact]
    public async Task The_error_page_shows_each_error_as_the_terminal_does_in_the_pages_language()
    {
        using var site = Site();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        site.Write("content/parks/gaozhu.yml", "name: {zh: 川渝高竹新区, en: Gaozhu New Area}\nsummary: {zh: 跨省新区, en: A new area}\nkind: campus\n");
        await WaitForErrors(server);

        // The terminal's lines for the same errors, printed by the CLI's printer.
        var terminal = new StringWriter();
        DiagnosticPrinter.Print(server.Errors, site.Directory, terminal);
        var lines = terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("content/parks/gaozhu.yml:3:7: error: ", StringComparison.Ordinal));
        Assert.Contains("    3 | kind: campus", lines);
        Assert.Contains("      |       ^", lines);

        using var zh = await Http.GetAsync(new Uri(server.Address, "zh/parks/gaozhu/"));
        Assert.Equal(HttpStatusCode.InternalServerError, zh.StatusCode);
        Assert.Equal(PreviewPages.ContentSecurityPolicy, zh.Headers.GetValues("Content-Security-Policy").Single());
        var chinese = await zh.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh\">", chinese);
        Assert.Contains("<h1>图集未能生成</h1>", chinese);
        Assert.Contains($"错误：{server.Errors.Count} 处", chinese);
        var text = WebUtility.HtmlDecode(chinese);
        foreach (var line in lines)
        {
            Assert.Contains(line, text); // every line the terminal prints, the message, the excerpt and the caret
        }

        Assert.Contains("    3 | kind: campus\n      |       ^", text); // the caret under the column, on the next line
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{PreviewPages.StylesheetPath}\">", chinese);
        Assert.Contains($"<script src=\"{PreviewServer.ScriptPath}\" defer></script>", chinese); // reloads after the next build

        var english = await Http.GetStringAsyncOrError(new Uri(server.Address, "en/parks/gaozhu/"));
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<h1>The atlas did not build</h1>", english);
        Assert.Contains("    3 | kind: campus", WebUtility.HtmlDecode(english));

        // Outside a language's folder: the default language (zh in site.yml).
        Assert.Contains("<h1>图集未能生成</h1>", await Http.GetStringAsyncOrError(server.Address));
    }

    [Fact]
    public async Task The_error_pages_stylesheet_is_the_sites_followed_by_the_previews_rules()
    {
        using var site = Site();
        site.Write("templates/assets/style.css", "body { margin: 0; } /* the site's own */\n");
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        using var response = await Http.GetAsync(new Uri(server.Address, PreviewPages.StylesheetPath.TrimStart('/')));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("body { margin: 0; } /* the site's own */", css);
        Assert.Contains(".preview-diagnostics", css);
    }

    [Fact]
    public async Task Without_the_words_in_the_bundles_the_error_page_is_in_English()
    {
        using var site = TestSite.Minimal(); // its bundles have no preview: section
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        site.Write("content/parks/gaozhu.yml", "name: {zh: 川渝高竹新区, en: Gaozhu New Area}\nkind: campus\n");
        await WaitForErrors(server);
        var page = await Http.GetStringAsyncOrError(new Uri(server.Address, "zh/parks/gaozhu/"));
        Assert.Contains("<h1>The atlas did not build</h1>", page);
        Assert.Contains("    2 | kind: campus", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task During_the_first_build_every_request_gets_the_building_page_then_the_site()
    {
        using var site = Site();
        var during = new List<(HttpStatusCode Status, string? RetryAfter, string Body)>();
        void Listening(Uri address)
        {
            // The server listens; the first build has not started yet and StartAsync is waiting for it.
            foreach (var path in new[] { "zh/parks/gaozhu/", "en/", "en/assets/no-such.css" })
            {
                using var response = Http.GetAsync(new Uri(address, path)).GetAwaiter().GetResult();
                during.Add((response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
            }
        }

        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0, Listening = Listening });
        Assert.Equal(3, during.Count);
        Assert.All(during, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        Assert.All(during, r => Assert.Equal(PreviewPages.RetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), r.RetryAfter));
        Assert.All(during, r => Assert.Contains($"<meta http-equiv=\"refresh\" content=\"{PreviewPages.RetrySeconds}\">", r.Body));
        Assert.Contains("<h1>正在生成…</h1>", during[0].Body);
        Assert.Contains("<h1>Building…</h1>", during[1].Body);

        // After it: the site.
        using var after = await Http.GetAsync(new Uri(server.Address, "zh/parks/gaozhu/"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain("正在生成", await after.Content.ReadAsStringAsync());
    }
}
