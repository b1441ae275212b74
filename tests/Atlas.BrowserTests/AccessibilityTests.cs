using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// axe-core (tests/browser/node_modules, installed by `npm ci`) run inside the rendered pages: no serious or critical
/// violation on the main kinds of page, in both languages.
/// </summary>
public sealed class AccessibilityTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    public static TheoryData<string> Pages => new()
    {
        "",                                   // the language choice
        "zh/", "en/",                         // home
        "zh/parks/", "en/parks/",             // a list
        "zh/parks/gaozhu-new-area/", "en/parks/gaozhu-new-area/", // an entity
        "zh/corridors/chengdu-chongqing-middle-hsr/", "en/corridors/chengdu-chongqing-middle-hsr/",
        "zh/indicators/auto-output-2024/", "en/indicators/auto-output-2024/",
        "zh/parks/gaozhu-new-area/compare/", "en/parks/gaozhu-new-area/compare/", // reading mode
        "zh/map/", "en/map/",
        "zh/timeline/", "en/timeline/",
        "zh/figures/", "en/figures/",
        "zh/search/", "en/search/",
        "zh/sectors/", "en/sectors/manufacturing/", // a taxonomy and a term
        "zh/404.html", "en/404.html",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string path)
    {
        Assert.True(File.Exists(AtlasSite.AxeScript), $"{AtlasSite.AxeScript} is missing: run `npm ci` in tests/browser");
        var options = AtlasSite.Desktop();
        options.BypassCSP = true; // the pages allow only their own scripts; axe is injected for the test
        var (context, page) = await site.OpenAsync(options);
        await using var _ = context;

        var response = await page.GotoAsync(site.Url(path));
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{path}: HTTP {response.Status}");
        await page.AddScriptTagAsync(new() { Path = AtlasSite.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ["violations"] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
              }));
            }
            """);

        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n" +
                         string.Join("\n", v.GetProperty("nodes").EnumerateArray().Take(8).Select(n =>
                             $"    {n.GetProperty("target").GetString()} — {n.GetProperty("summary").GetString()!.Replace("\n", " ")}")))
            .ToList();
        Assert.True(serious.Count == 0, $"/{path}: {serious.Count} serious or critical axe violations\n" + string.Join("\n", serious));
    }
}
