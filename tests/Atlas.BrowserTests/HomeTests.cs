using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// The home page, the grouped navigation and the favicon, in Chromium: the English sections on one row at 1280 px,
/// the phone menu opened and closed by tap and by keyboard, no failed request for /favicon.ico, and a home page that
/// leads with the map, the latest joint conference and key figures each with its year and source.
/// </summary>
public sealed class HomeTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Theory]
    [InlineData("en/")]
    [InlineData("zh/")]
    [InlineData("en/parks/gaozhu-new-area/")]
    public async Task At_1280_px_the_navigation_fits_one_row(string path)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        var items = page.Locator(".site-nav .menu-top > li");
        var count = await items.CountAsync();
        Assert.True(count >= 4, $"only {count} top items");
        var tops = new HashSet<double>();
        for (var i = 0; i < count; i++)
        {
            var box = await items.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            tops.Add(Math.Round(box.Y));
        }

        Assert.True(tops.Count == 1, $"the {count} top items sit on {tops.Count} rows (tops {string.Join(", ", tops)})");
        // Every section is still one click away: a group opens on a click and shows its links.
        var group = page.Locator(".menu-group > details").First;
        await group.Locator("summary").ClickAsync();
        await Expect(group.Locator("ul a").First).ToBeVisibleAsync();
        await group.Locator("ul a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_group_opens_and_closes_from_the_keyboard_and_its_links_can_be_followed()
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;
        await page.GotoAsync(site.Url("en/"));

        var summary = page.Locator(".menu-group summary", new() { HasText = "Policy" });
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var conferences = page.Locator(".menu-group").GetByRole(AriaRole.Link, new() { Name = "Joint conferences", Exact = true });
        await Expect(conferences).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(conferences).Not.ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Expect(conferences).ToBeVisibleAsync();
        await conferences.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url("en/meetings/")));
        await Expect(page.Locator(".menu-group summary.current")).ToHaveTextAsync("Policy");
    }

    [Fact]
    public async Task On_a_phone_the_menu_button_opens_and_closes_the_menu_by_tap_and_by_keyboard()
    {
        var (context, page) = await site.OpenAsync(MobileTests.Phone());
        await using var _ = context;
        await page.GotoAsync(site.Url("en/"));

        var button = page.Locator(".menu-button");
        var places = page.Locator(".site-nav .menu-group summary").First;
        await Expect(button).ToBeVisibleAsync();
        await Expect(places).Not.ToBeVisibleAsync(); // folded: the header is one row of brand, languages and Menu
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 200, $"the folded header is {header.Height} px tall");

        await button.TapAsync();
        await Expect(places).ToBeVisibleAsync();
        await button.TapAsync();
        await Expect(places).Not.ToBeVisibleAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(places).ToBeVisibleAsync();
        await places.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var cities = page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "Cities and districts", Exact = true });
        await Expect(cities).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape"); // closes the group
        await Expect(cities).Not.ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape"); // then the menu
        await Expect(places).Not.ToBeVisibleAsync();
        await Expect(button).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("zh/")]
    [InlineData("en/about/")]
    [InlineData("")]
    public async Task No_request_for_a_favicon_fails(string path)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;
        var failed = new List<string>();
        var icons = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }

            if (response.Request.ResourceType is "other" or "image" && response.Url.Contains("favicon", StringComparison.Ordinal))
            {
                icons.Add(response.Url);
            }
        };
        page.RequestFailed += (_, request) => failed.Add($"failed {request.Url}");
        await page.GotoAsync(site.Url(path));
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        Assert.EndsWith(".svg", icon);
        // The icon itself is served: fetch it as the browser would.
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), icon).AbsoluteUri);
        Assert.Equal(200, response.Status);
        Assert.Contains("<svg", await response.TextAsync());
        Assert.Empty(failed);
        Assert.DoesNotContain(icons, u => u.EndsWith("/favicon.ico", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh", "最新一次联席会议", "第十次", "万亿元", "年")]
    [InlineData("en", "The latest joint conference", "10th", "trillion yuan", "")]
    public async Task The_home_page_shows_the_map_the_latest_conference_and_figures_with_year_and_source(
        string language, string conferenceHeading, string session, string unit, string yearMark)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;
        await page.GotoAsync(site.Url(language + "/"));

        // The map: the small map, drawn on the shared base map, as one link to the map page.
        var map = page.Locator(".home-map > a");
        Assert.Equal(site.Url(language + "/map/"), await map.EvaluateAsync<string>("a => a.href"));
        await Expect(map.Locator("svg image")).ToHaveCountAsync(1);
        Assert.True(await map.Locator("svg circle.marker").CountAsync() > 20);
        var mapBox = await map.BoundingBoxAsync();
        Assert.True(mapBox!.Width > 400 && mapBox.Height > 250, $"the map is {mapBox.Width}×{mapBox.Height}");

        // The latest conference: the highest session, dated or not.
        var conference = page.Locator(".news-conference");
        await Expect(conference.Locator("h2")).ToHaveTextAsync(conferenceHeading);
        await Expect(conference.Locator(".news-title a")).ToContainTextAsync(session);
        await Expect(page.Locator(".news-plans li")).ToHaveCountAsync(3);

        // Figures: every card has a value, a year and a link to its source article; amounts in one unit per magnitude.
        var cards = page.Locator(".figure-card");
        var count = await cards.CountAsync();
        Assert.True(count >= 8, $"only {count} figure cards");
        for (var i = 0; i < count; i++)
        {
            var card = cards.Nth(i);
            await Expect(card.Locator(".figure-value")).Not.ToBeEmptyAsync();
            await Expect(card.Locator(".figure-meta")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("20[0-9]{2}" + yearMark));
            var source = card.Locator(".figure-meta a");
            await Expect(source).ToHaveCountAsync(1);
            Assert.Matches($"^\\.\\./{language}/sources/[a-z0-9-]+/$|^sources/[a-z0-9-]+/$", await source.GetAttributeAsync("href") ?? "");
        }

        var values = await page.Locator(".figure-value").AllInnerTextsAsync();
        Assert.Contains(values, v => v.Contains(language == "zh" ? "8.2万亿元" : "8.2 trillion yuan", StringComparison.Ordinal)); // the GDP, written in 亿元
        Assert.Contains(values, v => v.Contains(language == "zh" ? "超过7.7万亿元" : "over 7.7 trillion yuan", StringComparison.Ordinal)); // its qualifier kept
        Assert.DoesNotContain(values, v => v.Contains("亿元", StringComparison.Ordinal) && !v.Contains("万亿元", StringComparison.Ordinal));
        Assert.All(values.Where(v => v.Contains(unit, StringComparison.Ordinal)), v => Assert.DoesNotContain(",", v));
    }

    [Theory]
    [InlineData(1280, "en/")]
    [InlineData(375, "zh/")]
    public async Task The_figure_cards_form_an_even_grid(int width, string path)
    {
        var (context, page) = await site.OpenAsync(width == 375 ? MobileTests.Phone() : AtlasSite.Desktop());
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        var boxes = new List<LocatorBoundingBoxResult>();
        var cards = page.Locator(".figure-card");
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            boxes.Add((await cards.Nth(i).BoundingBoxAsync())!);
        }

        // Every card of a row is as tall as the others, every row full but the last, every column the same width.
        var rows = boxes.GroupBy(b => Math.Round(b.Y)).ToList();
        var columns = rows[0].Count();
        Assert.True(columns == (width == 1280 ? 4 : 1), $"{columns} columns at {width} px");
        Assert.All(rows.SkipLast(1), row => Assert.Equal(columns, row.Count()));
        Assert.All(rows, row => Assert.True(row.Max(b => b.Height) - row.Min(b => b.Height) < 1, "cards of one row differ in height"));
        Assert.True(boxes.Max(b => b.Width) - boxes.Min(b => b.Width) < 1, "cards differ in width");
    }

    [Theory]
    [InlineData("zh", "更正记录")]
    [InlineData("en", "Corrections log")]
    public async Task The_about_page_is_linked_from_the_footer_and_lists_the_corrections(string language, string heading)
    {
        var (context, page) = await site.OpenAsync(AtlasSite.Desktop());
        await using var _ = context;
        await page.GotoAsync(site.Url(language + "/parks/gaozhu-new-area/"));
        await page.Locator(".site-footer .footer-about a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(language + "/about/")));
        await Expect(page.Locator("#corrections")).ToHaveTextAsync(heading);
        Assert.True(await page.Locator(".corrections-log tbody tr").CountAsync() >= 10);
        await Expect(page.Locator(".corrections-log tbody tr time").First).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^\\d{4}-\\d{2}-\\d{2}$"));
    }
}
