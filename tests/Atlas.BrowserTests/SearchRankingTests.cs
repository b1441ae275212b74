using System.Diagnostics;
using System.Text.RegularExpressions;
using Atlas.BrowserTests.Support;
using Atlas.Preview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// Search that ranks (issue 21): the fixed query list run with the page's own script over the built index, the
/// results page (true total, "show more", the query kept on the language switch, keyboard), and the bytes a first
/// query fetches.
/// </summary>
public sealed partial class SearchRankingTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>What the first query may fetch in all (index files, not the page and its assets), in bytes.</summary>
    private const int FirstQueryBudget = 300 * 1024;

    [Fact]
    public async Task The_fixed_query_list_gets_its_expected_first_results()
    {
        // tests/search/evaluate.mjs loads the built site's search.js in Node and runs tests/search/queries.tsv.
        var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, "tests", "search", "evaluate.mjs"), site.OutputDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, output + errors);
        Assert.Matches(@"(\d+) of \1 queries have an expected first result", output);
    }

    [Fact]
    public async Task The_total_is_true_more_results_follow_and_the_query_survives_the_language_switch()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        var fetched = new List<string>();
        page.Request += (_, request) => fetched.Add(request.Url);

        await page.GotoAsync(site.Url("en/search/"));
        // The page's timers run on a clock the test moves: on a loaded machine keystrokes can come further apart than
        // the search's debounce, and the count of a shorter query would be read. Typed with time stopped, then 300 ms.
        await page.Clock.InstallAsync();
        var box = page.GetByRole(AriaRole.Searchbox);
        await box.PressSequentiallyAsync("chongqing");
        await page.Clock.RunForAsync(300);
        var status = page.Locator("[data-search-status]");
        await Expect(status).ToHaveTextAsync(CountPattern());
        var total = int.Parse(CountPattern().Match(await status.TextContentAsync() ?? "").Groups[1].Value);
        Assert.True(total > 40, $"{total} results for chongqing");

        var results = page.Locator("[data-search-results] > li");
        await Expect(results).ToHaveCountAsync(20);
        await Expect(results.First.Locator("a")).ToHaveTextAsync("Chongqing (city)");
        await page.Locator("[data-search-more]").ClickAsync();
        await Expect(results).ToHaveCountAsync(40);
        while (await page.Locator("[data-search-more]").IsVisibleAsync())
        {
            await page.Locator("[data-search-more]").ClickAsync();
        }

        await Expect(results).ToHaveCountAsync(total);
        await Expect(page.Locator("[data-search-results] mark").First).ToBeVisibleAsync();

        // Debounced: typing nine letters ran one search, not nine (one meta.json, shards only for the final query).
        Assert.Single(fetched, url => url.EndsWith("/meta.json", StringComparison.Ordinal));

        // The address holds the query, and the language switch carries it to the Chinese page, which runs it.
        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=chongqing$"));
        await page.Locator(".language-switcher a[hreflang]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"zh/search/\?q=chongqing$"));
        await Expect(page.Locator("[data-search-results] > li").First.Locator("a")).ToHaveTextAsync("重庆（主城）");
    }

    [Fact]
    public async Task Arrow_keys_move_from_the_box_through_the_results_and_back()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url("zh/search/?q=" + Uri.EscapeDataString("宜宾")));
        var links = page.Locator("[data-search-results] a");
        await Expect(links.First).ToHaveTextAsync("宜宾市");
        var box = page.GetByRole(AriaRole.Searchbox);
        await box.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(box).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("zh/cities/yibin/$"));
    }

    [Theory]
    [InlineData("zh", "成都的园区")]
    [InlineData("en", "Chengdu")]
    public async Task A_first_query_fetches_only_part_of_the_index_within_the_budget(string language, string query)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        var bytes = new List<(string Url, int Length)>();
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/search/" + language + "/", StringComparison.Ordinal))
            {
                bytes.Add((response.Url, (await response.BodyAsync()).Length));
            }
        };

        await page.GotoAsync(site.Url($"{language}/search/?q={Uri.EscapeDataString(query)}"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("[data-search-results] > li").First).ToBeVisibleAsync();
        var total = bytes.Sum(b => b.Length);
        var indexSize = Directory.EnumerateFiles(Path.Combine(site.OutputDirectory, "search", language), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(total <= FirstQueryBudget, $"{total} bytes: " + string.Join(", ", bytes.Select(b => $"{b.Url} {b.Length}")));
        Assert.True(total < indexSize / 4, $"the first query fetched {total} of the index's {indexSize} bytes");
    }

    [GeneratedRegex(@"(\d+)")]
    private static partial Regex CountPattern();
}
