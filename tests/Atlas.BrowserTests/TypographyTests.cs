using System.Text.Json;
using System.Text.RegularExpressions;
using Atlas.BrowserTests.Support;

namespace Atlas.BrowserTests;

/// <summary>Chinese typography as a reader sees it: citations, table row labels on a phone, the fonts of each language.</summary>
public sealed partial class TypographyTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>A citation on a Chinese page: 标题，《重庆日报》，2021年12月15日。 (a note may follow the publication's name).</summary>
    [GeneratedRegex(@"^[^，]+.*，《[^》]+》.*，\d{4}年(\d{1,2}月(\d{1,2}日)?)?。$")]
    private static partial Regex ChineseCitation();

    [Theory]
    [InlineData("zh/parks/gaozhu-new-area/")]
    [InlineData("zh/meetings/joint-conference-4/")]
    [InlineData("zh/indicators/gdp-2023/")]
    public async Task Chinese_citations_use_Chinese_punctuation(string path)
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;
        await page.GotoAsync(site.Url(path));

        var citations = await page.Locator(".citations li").AllInnerTextsAsync();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            Assert.Matches(ChineseCitation(), citation);
            Assert.DoesNotContain(". ", citation);
            Assert.DoesNotContain(", ", citation);
        }
    }

    [Fact]
    public void No_Chinese_page_follows_a_citation_with_western_punctuation()
    {
        // Every built Chinese page, as text: what follows each source's link up to the end of its list item.
        var pages = site.AllPages().Where(p => p.StartsWith("zh/", StringComparison.Ordinal)).ToList();
        var wrong = new List<string>();
        var cited = 0;
        foreach (var path in pages)
        {
            var file = Path.Combine(site.OutputDirectory, path.EndsWith(".html", StringComparison.Ordinal) ? path : path + "index.html");
            var html = File.ReadAllText(file);
            var section = html.IndexOf("class=\"citations\"", StringComparison.Ordinal);
            if (section < 0)
            {
                continue;
            }

            foreach (Match item in CitationTail().Matches(html[section..html.IndexOf("</section>", section, StringComparison.Ordinal)]))
            {
                cited++;
                var tail = TagPattern().Replace(item.Groups[1].Value, "");
                if (tail.Contains(". ", StringComparison.Ordinal) || tail.Contains(", ", StringComparison.Ordinal) || !tail.EndsWith('。'))
                {
                    wrong.Add($"/{path}: {tail}");
                }
            }
        }

        Assert.True(cited > 300, $"only {cited} citations on the Chinese pages");
        Assert.True(wrong.Count == 0, $"{wrong.Count} citations with western punctuation:\n" + string.Join("\n", wrong.Take(10)));
    }

    [GeneratedRegex("</a>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex CitationTail();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [Fact]
    public async Task A_short_table_row_label_stays_on_one_line_on_a_phone()
    {
        var (context, page) = await site.OpenAsync(MobileTests.Phone());
        await using var _ = context;
        await page.GotoAsync(site.Url("zh/parks/identifier-top-node/"));

        // Each label's lines: the distinct tops of its characters' boxes, against the cell's line height.
        var labels = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll(".prose tbody tr > :first-child")].map(cell => {
              const range = document.createRange();
              range.selectNodeContents(cell);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              return { text: cell.innerText.trim(), lines: tops.size };
            })
            """);
        var cells = labels.EnumerateArray().Select(l => (Text: l.GetProperty("text").GetString()!, Lines: l.GetProperty("lines").GetInt32())).ToList();
        Assert.Contains(cells, c => c.Text == "接入二级节点");
        foreach (var (text, lines) in cells.Where(c => c.Text.Length <= 6))
        {
            Assert.True(lines == 1, $"'{text}' takes {lines} lines at 375 px");
        }
    }

    [Fact]
    public async Task Each_language_starts_its_font_stack_with_its_own_faces()
    {
        var (context, page) = await site.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(site.Url("zh/parks/gaozhu-new-area/"));
        var chinese = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("\"Noto Sans CJK SC\"", chinese);
        // The link to the English page, in English, takes the Latin stack even on a Chinese page.
        var englishLink = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.language-switcher [lang=en]')).fontFamily");
        Assert.DoesNotContain("system-ui", englishLink);
        Assert.True(englishLink.IndexOf("Arial", StringComparison.Ordinal) < englishLink.IndexOf("Noto Sans CJK SC", StringComparison.Ordinal), englishLink);

        await page.GotoAsync(site.Url("en/parks/gaozhu-new-area/"));
        var english = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.False(english.StartsWith("system-ui", StringComparison.Ordinal), english);
        Assert.True(english.IndexOf("Arial", StringComparison.Ordinal) is >= 0 and var latin && latin < english.IndexOf("Noto Sans CJK SC", StringComparison.Ordinal), english);
    }
}
