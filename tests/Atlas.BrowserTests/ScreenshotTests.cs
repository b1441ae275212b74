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
        ("home", ""), ("list", "parks/"), ("entity", "parks/gaozhu-new-area/"), ("map", "map/"),
    ];

    [Fact]
    public async Task Screenshots_of_the_home_a_list_an_entity_and_the_map_in_both_languages()
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

        output.WriteLine($"screenshots in {AtlasSite.ScreenshotDirectory}:");
        foreach (var file in written)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{file} is not a screenshot");
            output.WriteLine($"  {file}");
        }

        Assert.Equal(16, written.Count);
    }

    private static bool HasChineseFont()
    {
        using var process = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true })!;
        var fonts = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && fonts.Trim().Length > 0;
    }
}
