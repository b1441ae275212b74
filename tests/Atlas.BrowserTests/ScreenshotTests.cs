using System.Diagnostics;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Atlas.BrowserTests;

/// <summary>
/// Screenshots of the main pages in both languages, on a desktop and on a phone, saved as test artifacts under
/// tests/Atlas.BrowserTests/TestResults/screenshots.
/// </summary>
public sealed class ScreenshotTests(AtlasSite site, ITestOutputHelper output) : IClassFixture<AtlasSite>
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", ""), ("list", "parks/"), ("entity", "parks/gaozhu-new-area/"), ("map", "map/"), ("locator", "cities/yubei/"),
    ];

    [Fact]
    public async Task Screenshots_of_the_home_a_list_an_entity_a_city_and_the_map_in_both_languages()
    {
        // Without a CJK font Chinese renders as empty boxes, and the screenshots would hide it.
        Assert.True(HasChineseFont(), "no font covers Chinese (fc-list :lang=zh is empty): apt-get install -y fonts-noto-cjk");

        Directory.CreateDirectory(AtlasSite.ScreenshotDirectory);
        var written = new List<string>();
        foreach (var (device, options) in new[] { ("desktop", AtlasSite.Desktop()), ("phone", MobileTests.Phone()) })
        {
            var (context, page) = await site.OpenAsync(options);
            await using var _ = context;
            foreach (var language in new[] { "zh", "en" })
            {
                foreach (var (name, path) in Pages)
                {
                    await page.GotoAsync(site.Url($"{language}/{path}"));
                    var file = Path.Combine(AtlasSite.ScreenshotDirectory, $"{language}-{name}-{device}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    written.Add(file);
                }
            }
        }

        AssertScreenshots($"screenshots in {AtlasSite.ScreenshotDirectory}:", written, minimumBytes: 10_000);

        Assert.Equal(20, written.Count);
    }

    [Fact]
    public async Task Screenshots_of_both_map_pages_a_locator_map_and_the_thematic_map_at_both_widths()
    {
        Assert.True(HasChineseFont(), "no font covers Chinese (fc-list :lang=zh is empty): apt-get install -y fonts-noto-cjk");
        var thematic = ThematicMapPage();

        Directory.CreateDirectory(AtlasSite.ScreenshotDirectory);
        var written = new List<string>();
        foreach (var (device, options) in new[] { ("desktop", AtlasSite.Desktop()), ("phone", MobileTests.Phone()) })
        {
            var (context, page) = await site.OpenAsync(options);
            await using var _ = context;
            foreach (var language in new[] { "zh", "en" })
            {
                // The main map as the reader first sees it: the figure alone (the full page is taken above).
                await page.GotoAsync(site.Url($"{language}/map/"));
                written.Add(await ShotAsync(page.Locator("figure.atlas-map"), $"{language}-map-figure-{device}.png"));
            }

            await page.GotoAsync(site.Url("zh/cities/yubei/"));
            await Microsoft.Playwright.Assertions.Expect(page.Locator("figure.locator svg")).ToBeVisibleAsync();
            var locator = Path.Combine(AtlasSite.ScreenshotDirectory, $"zh-locator-yubei-{device}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = locator, FullPage = true });
            written.Add(locator);

            if (thematic is not null)
            {
                await page.GotoAsync(site.Url(thematic));
                written.Add(await ShotAsync(page.Locator("figure.thematic-map").First, $"zh-thematic-map-{device}.png"));
            }
        }

        // Checked after the others are taken, so a missing thematic map does not also cost the other screenshots.
        Assert.True(thematic is not null, "no page of the built site has a figure.thematic-map");

        AssertScreenshots($"screenshots in {AtlasSite.ScreenshotDirectory} (thematic map from /{thematic}):", written, minimumBytes: 5_000);

        Assert.Equal(8, written.Count);
    }

    /// <summary>Each file is a PNG of some substance (a blank page compresses to less), listed in the test's output.</summary>
    private void AssertScreenshots(string heading, IEnumerable<string> written, int minimumBytes)
    {
        output.WriteLine(heading);
        foreach (var file in written)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > minimumBytes && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{file} is not a screenshot");
            output.WriteLine($"  {file}");
        }
    }

    private static async Task<string> ShotAsync(ILocator element, string name)
    {
        var file = Path.Combine(AtlasSite.ScreenshotDirectory, name);
        await element.ScrollIntoViewIfNeededAsync();
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        return file;
    }

    /// <summary>The shortest Chinese page of the built site that holds the thematic map (where it lives is the map's business).</summary>
    private string? ThematicMapPage() =>
        site.AllPages()
            .Where(path => path.StartsWith("zh/", StringComparison.Ordinal))
            .OrderBy(path => path.Count(c => c == '/')).ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault(path => File.ReadAllText(Path.Combine(site.OutputDirectory, path.EndsWith('/') ? path + "index.html" : path)).Contains("<figure class=\"thematic-map", StringComparison.Ordinal)); // the element: the 404 pages hold the stylesheet's rules for it

    private static bool HasChineseFont()
    {
        using var process = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true })!;
        var fonts = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && fonts.Trim().Length > 0;
    }
}
