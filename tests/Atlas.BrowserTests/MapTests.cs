using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>The map page: every marker is a link to its entity.</summary>
public sealed class MapTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Theory]
    [InlineData("zh", "parks/tianfu-international-airport/", "成都天府国际机场")]
    [InlineData("en", "parks/tianfu-international-airport/", "Chengdu Tianfu International Airport")]
    [InlineData("en", "cities/chengdu/", "Chengdu")]
    public async Task Clicking_a_marker_on_the_map_opens_its_entity(string language, string entity, string name)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url(language + "/map/"));
        var marker = page.Locator($".atlas-map svg a[href$='/{entity}'] circle").First;
        await Expect(marker).ToBeVisibleAsync();

        // A real click at the marker's position: Playwright refuses if another shape covers it.
        await marker.ClickAsync();
        await Expect(page).ToHaveURLAsync(AtlasSite.Exactly(site.Url(language + "/" + entity)));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task The_layer_switches_hide_and_show_a_layer()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url("en/map/"));
        var parks = page.Locator(".atlas-map [data-layer='parks']");
        await Expect(parks).ToBeVisibleAsync();
        var toggle = page.Locator("[data-map-layers] input[name='parks']");
        await toggle.UncheckAsync();
        await Expect(parks).ToBeHiddenAsync();
        await toggle.CheckAsync();
        await Expect(parks).ToBeVisibleAsync();
    }
}
