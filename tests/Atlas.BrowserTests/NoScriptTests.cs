using System.Text.Json;
using Atlas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>With JavaScript off every page still shows all its content and its links (the script only enhances).</summary>
[SweepsEveryPage]
public sealed class NoScriptTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>
    /// What a reader without JavaScript would miss on this page: no visible h1, hidden text in main, links that cannot
    /// be seen. The layer switches, map zoom buttons, list filters and the search page's key hints and collection filter
/// are JavaScript-only controls, hidden until the script shows them.
    /// A function of the page's window (this page's when null), so the sweep can run it on a framed page.
    /// </summary>
    private const string MissingScript = """
        win => {
          win ??= window;
          const document = win.document;
          const problems = [];
          const main = document.querySelector("main");
          if (!main) return ["no <main>"];
          const h1 = main.querySelector("h1");
          if (!h1 || !h1.checkVisibility() || !h1.innerText.trim()) problems.push("no visible h1");
          if (main.innerText.trim().length < 20) problems.push("main shows almost no text");
          const jsOnly = el => el.closest("[data-filters], [data-map-layers], [data-map-zoom], [data-search-keys], [data-search-filter]");
          // A map feature's name shown when the feature has the keyboard focus (its link's title and the list below name it too).
          const onFocus = el => el.closest(".focus-name");
          const invisible = el => !el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
          const walker = document.createTreeWalker(main, win.NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!node.data.trim() || el.closest("title, option, script, style") || jsOnly(el) || onFocus(el)) continue;
            if (invisible(el)) { problems.push("hidden text: " + node.data.trim().slice(0, 40)); if (problems.length > 5) break; }
          }
          // A link in a closed details (a navigation group) is one click on its visible summary away, script or not.
          const folded = a => {
            const details = a.closest("details:not([open])");
            const summary = details && details.querySelector(":scope > summary");
            return !!summary && !invisible(summary);
          };
          const links = [...document.querySelectorAll("a[href]")].filter(a => !folded(a));
          if (!main.querySelector("a[href]")) problems.push("no link in main");
          for (const a of links) {
            const r = a.getBoundingClientRect();
            if (invisible(a) || (r.width === 0 && r.height === 0)) { problems.push("hidden link: " + a.getAttribute("href")); if (problems.length > 8) break; }
          }
          return problems;
        }
        """;

    [Fact]
    public async Task Every_page_shows_its_content_and_links_without_javascript()
    {
        // Each page is framed with scripting disabled at the desktop size (see PageSweep).
        var (context, host) = await site.OpenAsync();
        await using var _ = context;

        var pages = site.AllPages();
        var failures = new List<string>();
        foreach (var result in await PageSweep.RunAsync(host, site, pages, new SweepFrame(1280, 900, Scripts: false), MissingScript))
        {
            if (result.Error is not null)
            {
                failures.Add($"/{result.Path}: {result.Error}");
            }
            else if (result.Found is { } problems && problems.GetArrayLength() > 0)
            {
                failures.Add($"/{result.Path}: " + string.Join("; ", problems.EnumerateArray().Select(p => p.GetString())));
            }
        }

        Assert.True(pages.Count > 1000, $"only {pages.Count} pages were built");
        Assert.True(failures.Count == 0, $"{failures.Count} of {pages.Count} pages lose content without JavaScript:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task The_check_catches_hidden_text_and_hidden_links()
    {
        var options = AtlasSite.Desktop();
        options.JavaScriptEnabled = false;
        var (context, page) = await site.OpenAsync(options);
        await using var _ = context;
        await page.GotoAsync(site.Url("en/parks/gaozhu-new-area/"));
        Assert.Equal(0, (await page.EvaluateAsync<JsonElement>(MissingScript)).GetArrayLength());

        await page.EvaluateAsync("() => { document.querySelector('main .summary').hidden = true; document.querySelector('main .related a').style.display = 'none'; }");
        var problems = (await page.EvaluateAsync<JsonElement>(MissingScript)).EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("hidden text: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("hidden link: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sweep_frames_a_page_with_scripting_disabled_and_reports_a_missing_page()
    {
        var (context, host) = await site.OpenAsync();
        await using var _ = context;

        // The search page's <noscript> notice is shown only when scripting is disabled for the framed document.
        var results = await PageSweep.RunAsync(host, site, ["zh/search/", "zh/no-such-page/"], new SweepFrame(1280, 900, Scripts: false),
            "win => ({ notice: win.document.querySelector('main .notice')?.checkVisibility() === true })");
        Assert.Null(results[0].Error);
        Assert.True(results[0].Found!.Value.GetProperty("notice").GetBoolean(), "the framed search page does not show its <noscript> notice");
        Assert.Equal("HTTP 404", results[1].Error);
    }

    [Theory]
    [InlineData("zh/search/")]
    [InlineData("en/search/")]
    public async Task Without_javascript_the_search_page_says_so_and_offers_the_indexes(string path)
    {
        var options = AtlasSite.Desktop();
        options.JavaScriptEnabled = false;
        var (context, page) = await site.OpenAsync(options);
        await using var _ = context;

        await page.GotoAsync(site.Url(path));
        await Expect(page.Locator("main .notice")).ToBeVisibleAsync();
        Assert.True(await page.Locator("main section a").CountAsync() >= 8);
    }

    [Theory]
    [InlineData("zh/parks/")]
    [InlineData("en/map/")]
    public async Task Without_javascript_the_javascript_only_controls_stay_hidden(string path)
    {
        var options = AtlasSite.Desktop();
        options.JavaScriptEnabled = false;
        var (context, page) = await site.OpenAsync(options);
        await using var _ = context;

        await page.GotoAsync(site.Url(path));
        await Expect(page.Locator("[data-filters], [data-map-layers]")).ToBeHiddenAsync();
        await Expect(page.Locator("main a[href]").First).ToBeVisibleAsync();
    }
}
