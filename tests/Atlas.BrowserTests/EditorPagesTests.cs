using Atlas.BrowserTests.Support;
using Atlas.Preview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// What an editor without a terminal sees (issue 23): the edit and history links at the foot of an entity page, and
/// the preview's error page with the source line and caret, reloading into the page once the mistake is fixed.
/// </summary>
public sealed class EditorPagesTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    [Theory]
    [InlineData("zh", "编辑此页", "修改历史")]
    [InlineData("en", "Edit this page", "History")]
    public async Task The_edit_links_sit_under_last_updated_and_fit_a_phone(string language, string edit, string history)
    {
        Directory.CreateDirectory(AtlasSite.ScreenshotDirectory);
        foreach (var (device, options) in new[] { ("desktop", AtlasSite.Desktop()), ("phone", MobileTests.Phone()) })
        {
            var (context, page) = await site.OpenAsync(options);
            await using var _ = context;
            await page.GotoAsync(site.Url($"{language}/parks/gaozhu-new-area/"));

            var links = page.Locator(".edit-links");
            await Expect(links).ToBeVisibleAsync();
            var editLink = links.GetByRole(AriaRole.Link, new() { Name = edit, Exact = true });
            await Expect(editLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(
                $@"^https://github\.com/[^/]+/[^/]+/edit/main/content/parks/gaozhu-new-area\.{language}\.md$"));
            await Expect(links.GetByRole(AriaRole.Link, new() { Name = history, Exact = true })).ToHaveAttributeAsync("href",
                new System.Text.RegularExpressions.Regex($@"/commits/main/content/parks/gaozhu-new-area\.{language}\.md$"));
            await Expect(links.Locator(".edit-data")).ToContainTextAsync("gaozhu-new-area.yml");

            // At the foot of the article: right after the sources, or after the "last updated" line that follows them
            // (a build without Git history, like this copy, has none).
            Assert.True(await page.EvaluateAsync<bool>(
                "() => { const e = document.querySelector('article > .edit-links'); const p = e && e.previousElementSibling; " +
                "return !!p && !e.nextElementSibling && (p.matches('.updated') ? p.previousElementSibling.matches('.citations') : p.matches('.citations')); }"));

            // Inside the viewport's width, and each main link big enough to tap on a phone.
            var width = options.ViewportSize!.Width;
            foreach (var link in await links.Locator("a").AllAsync())
            {
                var box = (await link.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{await link.TextContentAsync()} leaves the page: {box.X}+{box.Width} > {width}");
            }

            var editBox = (await editLink.BoundingBoxAsync())!;
            Assert.True(editBox.Height >= 24, $"the edit link is {editBox.Height} px high");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

            await links.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AtlasSite.ScreenshotDirectory, $"{language}-edit-links-{device}.png") });
        }
    }

    [Fact]
    public async Task The_preview_error_page_shows_the_line_and_caret_in_the_pages_language_and_reloads_once_fixed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "atlas-errorpage-" + Guid.NewGuid().ToString("N")[..10]);
        AtlasSite.CopyShippedAtlas(folder);
        try
        {
            await using var server = await PreviewServer.StartAsync(new PreviewOptions(folder) { Port = 0 });
            Assert.Empty(server.Errors);
            var data = Path.Combine(folder, "content", "parks", "gaozhu-new-area.yml");
            var good = await File.ReadAllTextAsync(data);
            Assert.Contains("\nkind: new-area\n", good);
            await File.WriteAllTextAsync(data, good.Replace("\nkind: new-area\n", "\nkind: new-zone\n", StringComparison.Ordinal));
            for (var waited = 0; waited < 600 && server.Errors.Count == 0; waited++)
            {
                await Task.Delay(100);
            }

            Assert.NotEmpty(server.Errors);
            var line = good[..good.IndexOf("\nkind: new-area\n", StringComparison.Ordinal)].Count(c => c == '\n') + 2;

            var pages = new List<IPage>();
            foreach (var (language, title, device, options) in new[]
                     {
                         ("zh", "图集未能生成", "desktop", AtlasSite.Desktop()), ("en", "The atlas did not build", "phone", MobileTests.Phone()),
                     })
            {
                var context = await site.Browser.NewContextAsync(options);
                context.SetDefaultTimeout(30_000);
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(server.Address, $"{language}/parks/gaozhu-new-area/").AbsoluteUri);
                await Expect(page.Locator("h1")).ToHaveTextAsync(title);
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                var message = page.Locator(".preview-diagnostics li .message").First;
                await Expect(message).ToContainTextAsync($"content/parks/gaozhu-new-area.yml:{line}:7: error:");
                var excerpt = await page.Locator(".preview-diagnostics li pre").First.TextContentAsync();
                Assert.Equal($"{line,5} | kind: new-zone\n      |       ^", excerpt);

                // Styled by the site's stylesheet: its colours, and nothing wider than the screen but the excerpt's own box.
                Assert.Equal("rgb(140, 29, 23)", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).color"));
                Assert.Equal("rgb(179, 38, 30)", await page.Locator(".preview-diagnostics li").First.EvaluateAsync<string>("li => getComputedStyle(li).borderLeftColor"));
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AtlasSite.ScreenshotDirectory, $"{language}-preview-error-{device}.png") });
                pages.Add(page);
            }

            // Fixed: both open error pages reload into the entity's page (the live-reload channel).
            await File.WriteAllTextAsync(data, good);
            await Expect(pages[0].Locator("h1")).ToHaveTextAsync("川渝高竹新区", new() { Timeout = 60_000 });
            await Expect(pages[1].Locator("h1")).ToHaveTextAsync("Sichuan–Chongqing Gaozhu New Area", new() { Timeout = 60_000 });
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
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
