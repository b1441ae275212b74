using System.Text.RegularExpressions;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>A reader finding their way: the language choice, the home page, a list, an entity, the other language.</summary>
public sealed class NavigationTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Fact]
    public async Task From_the_root_a_reader_picks_Chinese_reaches_a_park_and_switches_to_the_same_park_in_English()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url(""));
        await page.GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/")));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        // From the home page's collection cards to the parks, then to one park.
        await page.Locator("main .cards a").Filter(new() { HasText = "园区与平台" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/")));
        await page.Locator("main .entity-list").GetByRole(AriaRole.Link, new() { Name = "川渝高竹新区", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/gaozhu-new-area/")));
        await Expect(page.Locator("h1")).ToHaveTextAsync("川渝高竹新区");

        // The language switcher leads to the same park in English.
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("en/parks/gaozhu-new-area/")));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sichuan–Chongqing Gaozhu New Area");

        // And back.
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/gaozhu-new-area/")));
    }

    [Fact]
    public async Task The_reading_mode_shows_both_languages_side_by_side()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url("zh/parks/gaozhu-new-area/"));
        await page.Locator(".page-tools").GetByRole(AriaRole.Link, new() { Name = "中英对照阅读" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/gaozhu-new-area/compare/")));

        var columns = page.Locator(".columns > .column");
        await Expect(columns).ToHaveCountAsync(2);
        var chinese = columns.And(page.Locator("[lang='zh-CN']"));
        var english = columns.And(page.Locator("[lang='en']"));
        await Expect(chinese.Locator("> h2")).ToHaveTextAsync("川渝高竹新区");
        await Expect(english.Locator("> h2")).ToHaveTextAsync("Sichuan–Chongqing Gaozhu New Area");
        await Expect(chinese.Locator(".prose")).ToContainTextAsync(new Regex("[\u4e00-\u9fff]{8}"));
        await Expect(english.Locator(".prose")).ToContainTextAsync(new Regex(@"\b(the|and|of)\b"));

        // Side by side on a desktop: the two columns share a row.
        var left = await chinese.BoundingBoxAsync();
        var right = await english.BoundingBoxAsync();
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.True(Math.Abs(left.Y - right.Y) < 1 && left.X + left.Width <= right.X,
            $"the columns are not side by side: zh at ({left.X}, {left.Y}) {left.Width} wide, en at ({right.X}, {right.Y})");
    }

    [Fact]
    public async Task The_list_filters_narrow_a_collection_by_city_and_say_how_many_are_shown()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url("zh/parks/"));
        var items = page.Locator("main .entity-list > li");
        var all = await items.CountAsync();
        Assert.True(all > 10, $"only {all} parks");
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(all);

        await page.GetByLabel("城市").SelectOptionAsync("guangan");
        var expected = await page.Locator("main .entity-list > li[data-cities~='guangan']").CountAsync();
        Assert.InRange(expected, 1, all - 1);
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(expected);
        await Expect(page.Locator("main .entity-list").GetByRole(AriaRole.Link, new() { Name = "川渝高竹新区", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"显示 {expected} 项，共 {all} 项");

        await page.GetByLabel("城市").SelectOptionAsync("");
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(all);
    }

    [Theory]
    [InlineData("zh/no-such-page/", "zh-CN", "页面不存在")]
    [InlineData("zh/parks/no-such-park/", "zh-CN", "页面不存在")]
    [InlineData("en/no-such-page/", "en", "Page not found")]
    [InlineData("en/parks/no-such-park/", "en", "Page not found")]
    public async Task A_missing_path_shows_the_404_page_in_the_language_of_the_path(string path, string locale, string heading)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        var response = await page.GotoAsync(site.Url(path));
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", locale);
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);

        // Its links work from any depth: the home page of the language is one click away.
        await page.Locator("header .brand").ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(locale == "en" ? "en/" : "zh/")));
    }

    [Fact]
    public async Task A_missing_path_outside_the_languages_shows_the_root_404_page()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        var response = await page.GotoAsync(site.Url("no-such-page"));
        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");

        // The default language's page, with a way into each language.
        await Expect(page.Locator("main a[hreflang='zh-CN']")).ToBeVisibleAsync();
        await page.Locator("main a[hreflang='en']").ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("en/")));
    }
}
