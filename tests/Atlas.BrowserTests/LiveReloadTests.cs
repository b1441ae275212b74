using Atlas.BrowserTests.Support;
using Atlas.Preview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// The editor's preview in a browser: saving an entity reloads the open pages that show it (its own page first, then
/// the lists) and leaves the other open pages alone, scroll position and all.
/// </summary>
public sealed class LiveReloadTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Fact]
    public async Task Saving_an_entity_reloads_the_open_pages_that_show_it_and_no_others()
    {
        // A preview of its own: the shared one must not change under the other tests.
        var folder = Path.Combine(Path.GetTempPath(), "atlas-reload-" + Guid.NewGuid().ToString("N")[..10]);
        AtlasSite.CopyShippedAtlas(folder);
        try
        {
            await using var server = await PreviewServer.StartAsync(new PreviewOptions(folder) { Port = 0 });
            Assert.Empty(server.Errors);
            var context = await site.Browser.NewContextAsync(AtlasSite.Desktop());
            await using var _ = context;
            context.SetDefaultTimeout(30_000);

            async Task<IPage> Open(string path)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(server.Address, path).AbsoluteUri);
                await Expect(page.Locator("html[data-preview='live']")).ToHaveCountAsync(1); // listening for rebuilds
                await page.EvaluateAsync("() => { window.openedBeforeTheEdit = true; }"); // gone if the page reloads
                return page;
            }

            var park = await Open("en/parks/gaozhu-new-area/");
            var parks = await Open("en/parks/");
            var clusters = await Open("en/clusters/"); // lists no park
            var generation = server.Generation;

            var data = Path.Combine(folder, "content", "parks", "gaozhu-new-area.yml");
            await File.WriteAllTextAsync(data, (await File.ReadAllTextAsync(data))
                .Replace("en: \"Sichuan–Chongqing Gaozhu New Area\"", "en: \"Sichuan–Chongqing Gaozhu New Area (saved)\"", StringComparison.Ordinal));

            // A rebuild on a loaded machine (CI runs the browser tests side by side) can take longer than an
            // assertion's default 5 s; the reload is what is tested, not its speed.
            await Expect(park.Locator("h1")).ToHaveTextAsync("Sichuan–Chongqing Gaozhu New Area (saved)", new() { Timeout = 30_000 });
            await Expect(parks.Locator("main")).ToContainTextAsync("Gaozhu New Area (saved)", new() { Timeout = 30_000 });
            for (var waited = 0; waited < 300 && server.Generation == generation; waited++)
            {
                await Task.Delay(100);
            }

            Assert.NotEqual(generation, server.Generation); // the rebuild is over: every reload it asked for was sent
            await clusters.WaitForTimeoutAsync(1_000); // time for a wrong reload to arrive
            Assert.True(await clusters.EvaluateAsync<bool>("() => window.openedBeforeTheEdit === true"));
            Assert.False(await park.EvaluateAsync<bool>("() => window.openedBeforeTheEdit === true"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a temporary folder; the system cleans it up
            }
        }
    }
}
