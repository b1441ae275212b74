using System.Text.Json;
using Atlas.BrowserTests.Support;

namespace Atlas.BrowserTests;

/// <summary>The timeline read as a reader does: a year said once, each row's kind in words and in looks, no sources.</summary>
public sealed class TimelineTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    /// <summary>Per year heading, its rows: the date shown, the kind label, its look, and where the row links to.</summary>
    private const string RowsScript = """
        () => [...document.querySelectorAll(".timeline-year")].map(year => ({
          year: year.querySelector("h2").innerText.trim(),
          rows: [...year.querySelectorAll(".timeline-entry")].map(row => {
            const kind = row.querySelector(".kind");
            return {
              date: row.querySelector("time")?.innerText.trim() ?? "",
              kind: kind.innerText.trim(),
              background: getComputedStyle(kind).backgroundColor,
              href: row.querySelector("a").getAttribute("href"),
              right: row.getBoundingClientRect().right,
            };
          }),
        }))
        """;

    [Theory]
    [InlineData("zh", "联席会议", "规划与协议", 1280)]
    [InlineData("en", "Joint conference", "Plan or agreement", 1280)]
    [InlineData("zh", "联席会议", "规划与协议", 375)]
    public async Task The_year_is_said_once_and_each_row_says_what_kind_it_is(string language, string conference, string plan, int width)
    {
        var (context, page) = await site.OpenAsync(width >= 1000 ? AtlasSite.Desktop() : MobileTests.Phone());
        await using var _ = context;
        await page.GotoAsync(site.Url($"{language}/timeline/"));

        var years = (await page.EvaluateAsync<JsonElement>(RowsScript)).EnumerateArray().ToList();
        Assert.True(years.Count >= 4, $"{years.Count} years");
        var rows = years.SelectMany(y => y.GetProperty("rows").EnumerateArray().Select(r => (Year: y.GetProperty("year").GetString()!, Row: r))).ToList();
        Assert.True(rows.Count > 30, $"{rows.Count} rows");
        foreach (var (year, row) in rows)
        {
            var date = row.GetProperty("date").GetString()!;
            Assert.DoesNotContain(year, date); // "3月17日" or "17 March" under "2020", never "2020年3月17日"
            Assert.NotEqual("", row.GetProperty("kind").GetString());
            Assert.DoesNotContain("/sources/", row.GetProperty("href").GetString()); // the articles report events; they are not events
            Assert.True(row.GetProperty("right").GetDouble() <= width, $"a row reaches {row.GetProperty("right")} px at {width} px");
        }

        // Conferences and plans are both there, each labelled in words and drawn differently.
        var conferenceLook = rows.Where(r => r.Row.GetProperty("kind").GetString() == conference).Select(r => r.Row.GetProperty("background").GetString()).Distinct().ToList();
        var planLook = rows.Where(r => r.Row.GetProperty("kind").GetString() == plan).Select(r => r.Row.GetProperty("background").GetString()).Distinct().ToList();
        Assert.Single(conferenceLook);
        Assert.Single(planLook);
        Assert.NotEqual(conferenceLook[0], planLook[0]);
        Assert.True(rows.Count(r => r.Row.GetProperty("kind").GetString() == conference) >= 4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AtlasSite.ScreenshotDirectory, $"timeline-{language}-{width}.png") });
    }
}
