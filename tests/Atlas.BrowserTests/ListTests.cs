using System.Text.RegularExpressions;
using Atlas.BrowserTests.Support;
using Atlas.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>Issue 19, item 2: lists in a meaningful order, filters a reader can keep, share and undo.</summary>
public sealed class ListTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Theory]
    [InlineData("zh", new[] { "第一次", "第二次", "第四次", "第八次", "第十次" })]
    [InlineData("en", new[] { "1st", "2nd", "4th", "8th", "10th" })]
    public async Task Joint_conferences_come_in_session_order_even_the_one_without_a_date(string language, string[] sessions)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;

        await page.GotoAsync(site.Url($"{language}/meetings/"));
        var names = await page.Locator("main .entity-list > li > a").AllTextContentsAsync();
        Assert.Equal(sessions.Length, names.Count);
        for (var i = 0; i < sessions.Length; i++)
        {
            Assert.True(names[i].Contains(sessions[i], StringComparison.Ordinal), $"place {i + 1}: expected the {sessions[i]} session, got '{names[i]}'");
        }
    }

    [Fact]
    public async Task A_filter_survives_a_reload_and_the_language_switch()
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;

        await page.GotoAsync(site.Url("zh/parks/"));
        var items = page.Locator("main .entity-list > li");
        var all = await items.CountAsync();
        var city = page.Locator("select[name=cities]");
        await city.SelectOptionAsync("guangan");
        var expected = await page.Locator("main .entity-list > li[data-cities~='guangan']").CountAsync();
        Assert.InRange(expected, 1, all - 1);
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/?cities=guangan")));
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(expected);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"显示 {expected} 项，共 {all} 项");

        await page.ReloadAsync();
        await Expect(city).ToHaveValueAsync("guangan");
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(expected);

        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("en/parks/?cities=guangan")));
        await Expect(page.Locator("select[name=cities]")).ToHaveValueAsync("guangan");
        await Expect(page.Locator("main .entity-list > li").Filter(new() { Visible = true })).ToHaveCountAsync(expected);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Showing {expected} of {all}");

        // Another filter joins the first in the address; the way back keeps both.
        var sector = await page.Locator("main .entity-list > li[data-cities~='guangan']").First.GetAttributeAsync("data-sectors");
        var firstSector = (sector ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).First();
        await page.Locator("select[name=sectors]").SelectOptionAsync(firstSector);
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url($"en/parks/?cities=guangan&sectors={firstSector}")));
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url($"zh/parks/?cities=guangan&sectors={firstSector}")));
        await Expect(page.Locator("select[name=sectors]")).ToHaveValueAsync(firstSector);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so_and_the_reset_brings_everything_back()
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;

        await page.GotoAsync(site.Url("zh/parks/"));
        var items = page.Locator("main .entity-list > li");
        var all = await items.CountAsync();
        var empty = page.Locator("[data-filter-empty]");
        await Expect(empty).ToBeHiddenAsync();

        // A city and a sector that each occur in the list but never together.
        var cities = await page.Locator("select[name=cities] option:not([value=''])").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var sectors = await page.Locator("select[name=sectors] option:not([value=''])").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        (string City, string Sector)? none = null;
        foreach (var c in cities)
        {
            foreach (var s in sectors)
            {
                if (none is null && await page.Locator($"main .entity-list > li[data-cities~='{c}'][data-sectors~='{s}']").CountAsync() == 0)
                {
                    none = (c, s);
                }
            }
        }

        Assert.NotNull(none);
        await page.Locator("select[name=cities]").SelectOptionAsync(none.Value.City);
        await page.Locator("select[name=sectors]").SelectOptionAsync(none.Value.Sector);
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await Expect(empty).ToBeVisibleAsync();
        await Expect(empty).ToHaveTextAsync(new Regex("没有符合筛选条件的条目"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"显示 0 项，共 {all} 项");

        await page.GetByRole(AriaRole.Button, new() { Name = "清除筛选" }).ClickAsync();
        await Expect(items.Filter(new() { Visible = true })).ToHaveCountAsync(all);
        await Expect(empty).ToBeHiddenAsync();
        await Expect(page.Locator("select[name=cities]")).ToHaveValueAsync("");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("zh/parks/")));
    }

    [Theory]
    [InlineData("zh", "parks")]
    [InlineData("en", "parks")]
    [InlineData("zh", "organisations")]
    public async Task The_city_filter_lists_only_the_cities_in_the_list_sorted_by_name(string language, string collection)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;

        await page.GotoAsync(site.Url($"{language}/{collection}/"));
        var options = page.Locator("select[name=cities] option:not([value=''])");
        var keys = await options.EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var labels = (await options.AllTextContentsAsync()).Select(l => l.Trim()).ToList();
        var occurring = (await page.Locator("main .entity-list > li").EvaluateAllAsync<string[]>("ls => ls.map(l => l.getAttribute('data-cities'))"))
            .SelectMany(c => (c ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

        Assert.True(keys.Length >= 3, $"only {keys.Length} cities offered");
        Assert.Equal(occurring.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Equal(labels.OrderBy(l => Collation.KeyFor(language, l), StringComparer.Ordinal), labels);
        if (language == "zh")
        {
            // By pinyin, not by code point or slug: 成都 (chéng) before 重庆 (chóng) before 达州 (dá) when they occur.
            var order = new[] { "成都市", "重庆（主城）", "达州市" }.Where(labels.Contains).ToList();
            Assert.Equal(order, labels.Where(order.Contains));
        }
        else
        {
            Assert.Equal(labels.Order(StringComparer.OrdinalIgnoreCase), labels);
        }
    }

    [Fact]
    public async Task A_list_without_sectors_shows_no_sector_filter()
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;

        await page.GotoAsync(site.Url("en/people/"));
        await Expect(page.Locator("select[name=cities]")).ToBeVisibleAsync();
        await Expect(page.Locator("select[name=sectors]")).ToHaveCountAsync(0);
        await page.GotoAsync(site.Url("en/events/"));
        await Expect(page.Locator("select")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("zh/meetings/", 1280)]
    [InlineData("zh/meetings/", 375)]
    [InlineData("en/parks/", 1280)]
    [InlineData("en/parks/", 375)]
    [InlineData("zh/places/chengdu/", 1280)]
    [InlineData("zh/places/chengdu/", 375)]
    public async Task Lists_and_term_pages_fit_the_screen_and_term_pages_group_by_collection(string path, int width)
    {
        var (context, page) = await site.OpenAsync(new() { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await using var _ = context;

        await page.GotoAsync(site.Url(path));
        var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the screen");
        if (path.Contains("/places/", StringComparison.Ordinal))
        {
            var headings = await page.Locator("main .term-group > h2 > a").AllTextContentsAsync();
            Assert.True(headings.Count >= 3, $"{headings.Count} groups");
            Assert.Equal(headings.Count, headings.Distinct().Count());
        }

        Directory.CreateDirectory(AtlasSite.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AtlasSite.ScreenshotDirectory, $"lists-{path.Replace('/', '-').Trim('-')}-{width}.png"), FullPage = false });
    }
}
