using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>The search page: a substring search over each language's index, Chinese without word segmentation.</summary>
public sealed class SearchTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Theory]
    [InlineData("zh", "搜索", "高竹", "川渝高竹新区")]
    [InlineData("en", "Search", "Gaozhu", "Sichuan–Chongqing Gaozhu New Area")]
    public async Task A_reader_searches_from_a_page_of_the_language_and_reaches_the_Gaozhu_New_Area(
        string language, string searchLink, string query, string name)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url(language + "/parks/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = searchLink, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(language + "/search/")));

        var box = page.GetByRole(AriaRole.Searchbox);
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url($"{language}/search/?q={Uri.EscapeDataString(query)}")));

        var hit = page.Locator("[data-search-results]").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(hit).ToBeVisibleAsync();
        await Expect(page.Locator("[data-search-status]")).Not.ToBeEmptyAsync();
        await hit.ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(language + "/parks/gaozhu-new-area/")));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [Theory]
    [InlineData("zh", "高竹", "川渝高竹新区")]
    [InlineData("en", "gaozhu", "Sichuan–Chongqing Gaozhu New Area")]
    public async Task A_search_link_with_a_query_shows_its_results(string language, string query, string name)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url($"{language}/search/?q={Uri.EscapeDataString(query)}"));
        await Expect(page.GetByRole(AriaRole.Searchbox)).ToHaveValueAsync(query);
        await Expect(page.Locator("[data-search-results]").GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }
}
