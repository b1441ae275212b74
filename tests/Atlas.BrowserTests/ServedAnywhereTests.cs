using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// The same public/ folder served at the root of a host and under a sub-path, by a host that answers every missing
/// address with /404.html as GitHub Pages does (<see cref="StaticHost"/>): every page gets its stylesheet and script,
/// and the 404 page looks like the site at any depth, in both languages.
/// </summary>
public sealed class ServedAnywhereTests(AtlasSite site, StaticHosts hosts) : IClassFixture<AtlasSite>, IClassFixture<StaticHosts>
{
    /// <summary>What the browser shows of the page: the computed look of its body, heading and first button.</summary>
    private const string LookScript = """
        () => {
          const style = e => e ? getComputedStyle(e) : null;
          const body = style(document.body), h1 = style(document.querySelector("h1")), choose = style(document.querySelector("main a.choose"));
          return {
            fontFamily: body.fontFamily, color: body.color, margin: body.margin,
            h1Weight: h1 ? h1.fontWeight : "", chooseBackground: choose ? choose.backgroundColor : "",
            sections: [...document.querySelectorAll("main section[lang]")].map(s => s.lang),
            scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
          };
        }
        """;

    public static TheoryData<string, int> MountsAndWidths => new() { { "/", 1280 }, { "/", 375 }, { "/atlas/", 1280 }, { "/atlas/", 375 } };

    [Theory]
    [MemberData(nameof(MountsAndWidths))]
    public async Task A_missing_url_three_levels_deep_gets_the_styled_bilingual_404(string mount, int width)
    {
        var host = hosts.At(mount);
        var (context, page) = await site.OpenAsync(Viewport(width));
        await using var _ = context;
        var failures = Watch(page);

        var response = await page.GotoAsync(host.Url("no/such/page/"));
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AtlasSite.ScreenshotDirectory, $"404-{(mount == "/" ? "root" : "subpath")}-{width}.png"), FullPage = true });

        var look = await page.EvaluateAsync<JsonElement>(LookScript);
        // Browser defaults would be Times (serif), black, an 8 px margin, and a transparent link: the stylesheet applied.
        Assert.StartsWith("\"Noto Sans CJK SC\"", look.GetProperty("fontFamily").GetString());
        Assert.Equal("rgb(29, 35, 48)", look.GetProperty("color").GetString());
        Assert.Equal("0px", look.GetProperty("margin").GetString());
        Assert.Equal("rgb(179, 38, 30)", look.GetProperty("chooseBackground").GetString());
        Assert.Equal(["zh-CN", "en"], look.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.True(look.GetProperty("scrollWidth").GetInt32() <= look.GetProperty("width").GetInt32(), $"the 404 page scrolls sideways at {width} px");
        await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Expect(page.Locator("main section[lang=en] .title")).ToHaveTextAsync("Page not found");
        Assert.True(failures.Count == 0, "requests failed: " + string.Join(", ", failures));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Under_the_base_urls_path_the_404_page_leads_to_each_home_page(string locale)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        var failures = Watch(page);

        await page.GotoAsync(hosts.SubPath.Url("zh/parks/no-such-park/"));
        await page.Locator($"main a[hreflang='{locale}']").ClickAsync();

        var home = hosts.SubPath.Url(locale == "en" ? "en/" : "zh/");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(home));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", locale);
        await Expect(page.Locator("header .brand")).ToBeVisibleAsync();
        Assert.True(failures.Count == 0, "requests failed: " + string.Join(", ", failures));
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/", "zh/")]
    [InlineData("/", "en/parks/gaozhu-new-area/")]
    [InlineData("/", "zh/parks/gaozhu-new-area/compare/")]
    [InlineData("/", "zh/timeline/")]
    [InlineData("/", "en/map/")]
    [InlineData("/", "zh/search/?q=%E9%AB%98%E7%AB%B9")]
    [InlineData("/atlas/", "")]
    [InlineData("/atlas/", "en/")]
    [InlineData("/atlas/", "zh/corridors/chengdu-chongqing-hsr/")]
    [InlineData("/atlas/", "en/sectors/manufacturing/")]
    [InlineData("/atlas/", "zh/figures/")]
    public async Task A_page_loads_its_stylesheet_and_script_wherever_the_folder_is_served(string mount, string path)
    {
        var host = hosts.At(mount);
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        var failures = Watch(page);
        var loaded = new List<string>();
        page.Response += (_, response) => loaded.Add(response.Request.ResourceType);

        // Until the network is idle: the search page fetches its index after the load.
        var response = await page.GotoAsync(host.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);

        // The stylesheet's rules are in force (the site's --ink colour on the body), and the script ran where the page has one.
        Assert.Equal("rgb(29, 35, 48)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
        Assert.Contains("stylesheet", loaded);
        if (await page.Locator("script[src]").CountAsync() > 0)
        {
            Assert.Contains("script", loaded);
        }

        if (path.Contains("?q=", StringComparison.Ordinal))
        {
            Assert.Contains("fetch", loaded); // the search index, by a link relative to the page
            await Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
        }

        Assert.True(failures.Count == 0, "requests failed: " + string.Join(", ", failures));
    }

    private static BrowserNewContextOptions Viewport(int width) =>
        width >= 1000 ? AtlasSite.Desktop() : MobileTests.Phone();

    /// <summary>Every request of the page that failed or was answered with an error, but the page itself (a 404 on purpose).</summary>
    private static List<string> Watch(IPage page)
    {
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Request.IsNavigationRequest && response.Request.Frame == page.MainFrame))
            {
                failures.Add($"{response.Url} (HTTP {response.Status})");
            }
        };
        return failures;
    }
}
