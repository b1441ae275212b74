using System.Text.Json;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// The charts as a reader sees them (issue 19), on the figures page and on indicator pages of both shapes (a time
/// series, a comparison), in both languages at 1280 and 375 CSS px: no label is cut, chart text is at least 11 px on
/// a phone, every value of a chart belongs to its one measure and unit (the data-measure and data-unit the build
/// writes on the chart and on each value), and a measure with a single figure is shown as a figure, not a chart.
/// </summary>
public sealed class ChartTests(AtlasSite site) : IClassFixture<AtlasSite>
{
    private const int Desktop = 1280;
    private const int Phone = 375;

    /// <summary>The figures page and indicator pages showing a time series (joint conferences) and comparisons (growth, plan tasks).</summary>
    private static readonly string[] Pages =
    [
        "figures/", "indicators/joint-conferences-held-2021/", "indicators/chongqing-industry-growth-2024/", "indicators/joint-plan-tasks/",
    ];

    public static TheoryData<string, int> BothLanguagesAndWidths => new()
    {
        { "zh", Desktop }, { "zh", Phone }, { "en", Desktop }, { "en", Phone },
    };

    private static BrowserNewContextOptions Viewport(int width, bool javaScript = true) => width == Phone
        ? new() { ViewportSize = new ViewportSize { Width = Phone, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, JavaScriptEnabled = javaScript }
        : new() { ViewportSize = new ViewportSize { Width = Desktop, Height = 900 }, JavaScriptEnabled = javaScript };

    /// <summary>Each page's findings of <paramref name="script"/> (a function returning a list of problems), with the page named.</summary>
    private async Task<List<string>> OnEveryPageAsync(string language, int width, string script, bool javaScript = true)
    {
        var (context, page) = await site.OpenAsync(Viewport(width, javaScript));
        await using var _ = context;
        var problems = new List<string>();
        foreach (var path in Pages)
        {
            var response = await page.GotoAsync(site.Url($"{language}/{path}"));
            Assert.Equal(200, response!.Status);
            var found = await page.EvaluateAsync<JsonElement>(script);
            problems.AddRange(found.EnumerateArray().Select(p => $"/{language}/{path} at {width} px: {p.GetString()}"));
        }

        return problems;
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task No_chart_label_is_cut(string language, int width)
    {
        // Every element holding text in a chart or a figure card: no ellipsis, nothing wider than its box (scrollWidth
        // over clientWidth), nothing outside the chart; every SVG text inside its svg.
        var problems = await OnEveryPageAsync(language, width, """
            () => {
              const out = [];
              const charts = [...document.querySelectorAll("figure.chart, .figure-card")];
              if (!document.querySelector("figure.chart")) out.push("no chart on the page");
              for (const chart of charts) {
                const box = chart.getBoundingClientRect();
                for (const el of chart.querySelectorAll("*")) {
                  if (el instanceof SVGElement) continue;
                  const style = getComputedStyle(el);
                  const name = `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}"`;
                  if (style.textOverflow === "ellipsis" && el.textContent.trim() !== "") out.push(`${name}: text-overflow ellipsis`);
                  const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== "");
                  if (!hasText) continue;
                  if (el.textContent.includes("…")) out.push(`${name}: an ellipsis in the text`);
                  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) out.push(`${name}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
                  for (const r of el.getClientRects())
                    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) out.push(`${name}: [${Math.round(r.left)}, ${Math.round(r.right)}] outside its chart [${Math.round(box.left)}, ${Math.round(box.right)}]`);
                }
                for (const text of chart.querySelectorAll("svg text")) {
                  const svg = text.ownerSVGElement.getBoundingClientRect();
                  const r = text.getBoundingClientRect();
                  if (r.width === 0) out.push(`svg text "${text.textContent}" not rendered`);
                  if (r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5)
                    out.push(`svg text "${text.textContent}" [${Math.round(r.left)}, ${Math.round(r.right)}] outside its svg [${Math.round(svg.left)}, ${Math.round(svg.right)}]`);
                }
              }
              return out;
            }
            """);
        Assert.True(problems.Count == 0, $"{problems.Count} cut chart labels:\n" + string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task No_two_texts_of_a_line_chart_overlap(string language, int width)
    {
        // Value labels of close points (300 and 343 on one chart) and the years under the axis; a pixel of tolerance.
        var problems = await OnEveryPageAsync(language, width, """
            () => {
              const out = [];
              for (const svg of document.querySelectorAll("figure.chart svg.chart-plot")) {
                const texts = [...svg.querySelectorAll("text")].map(t => ({ t: t.textContent, r: t.getBoundingClientRect() }));
                for (let i = 0; i < texts.length; i++)
                  for (let j = i + 1; j < texts.length; j++) {
                    const a = texts[i].r, b = texts[j].r;
                    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (x > 1 && y > 1) out.push(`"${texts[i].t}" × "${texts[j].t}" (${x.toFixed(1)}×${y.toFixed(1)} px)`);
                  }
              }
              return out;
            }
            """);
        Assert.True(problems.Count == 0, $"{problems.Count} overlapping chart texts:\n" + string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Chart_text_renders_at_11_px_or_more_on_a_phone(string language)
    {
        // The size on screen: the computed font size times the svg's scale for SVG text (a viewBox would shrink it).
        var problems = await OnEveryPageAsync(language, Phone, """
            () => {
              const out = [];
              let measured = 0;
              for (const chart of document.querySelectorAll("figure.chart, .figure-card")) {
                for (const el of chart.querySelectorAll("*")) {
                  const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== "");
                  if (!hasText || el.getClientRects().length === 0) continue;
                  let size = parseFloat(getComputedStyle(el).fontSize);
                  if (el instanceof SVGElement) size *= el.ownerSVGElement.getScreenCTM().a;
                  measured++;
                  if (size < 11) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}": ${size.toFixed(1)} px`);
                }
              }
              if (measured < 10) out.push(`only ${measured} chart texts measured`);
              return out;
            }
            """);
        Assert.True(problems.Count == 0, $"{problems.Count} chart texts under 11 px:\n" + string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task Every_charts_values_share_one_measure_and_unit_and_are_drawn_without_javascript(string language, int width)
    {
        var problems = await OnEveryPageAsync(language, width, """
            () => {
              const out = [];
              const charts = [...document.querySelectorAll("figure.chart")];
              if (charts.length === 0) out.push("no chart");
              for (const chart of charts) {
                const measure = chart.dataset.measure, unit = chart.dataset.unit;
                if (!measure || !unit) out.push(`${chart.id}: no data-measure or data-unit`);
                const values = [...chart.querySelectorAll("[data-value]")];
                if (values.length < 2) out.push(`${chart.id}: ${values.length} value(s), a chart needs two`);
                for (const v of values) {
                  if (v.dataset.measure !== measure || v.dataset.unit !== unit)
                    out.push(`${chart.id}: a value of ${v.dataset.measure} in ${v.dataset.unit} in a chart of ${measure} in ${unit}`);
                  const mark = v.matches("circle") ? v : v.querySelector("svg.chart-bar-mark");
                  if (!mark || mark.getBoundingClientRect().width <= 0) out.push(`${chart.id}: value ${v.dataset.value} is not drawn`);
                }
                const title = chart.querySelector(".chart-title");
                if (!title || title.textContent.trim() === "") out.push(`${chart.id}: no title`);
                if (chart.querySelectorAll(".chart-sources a").length === 0) out.push(`${chart.id}: no source`);
              }
              return out;
            }
            """, javaScript: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task A_single_figure_is_shown_as_a_figure_not_as_a_chart(string language)
    {
        var (context, page) = await site.OpenAsync(Viewport(Phone));
        await using var _ = context;
        await page.GotoAsync(site.Url($"{language}/figures/"));
        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
              const charted = new Set([...document.querySelectorAll("figure.chart")].map(c => c.dataset.measure));
              const cards = [...document.querySelectorAll(".figure-card")];
              return {
                cards: cards.length,
                charted: charted.size,
                drawnAlone: cards.filter(c => charted.has(c.dataset.measure) || c.querySelector("svg, figure")).map(c => c.dataset.measure),
                complete: cards.filter(c => c.querySelector(".figure-card-value").textContent.trim() !== "" && c.querySelector(".figure-card-name[href]")
                  && c.querySelector(".figure-card-year").textContent.trim() !== "" && c.querySelector(".figure-card-meta a[href*='/sources/']")).length,
              };
            }
            """);
        var cards = found.GetProperty("cards").GetInt32();
        Assert.True(cards >= 20, $"{cards} single figures on /{language}/figures/");
        Assert.True(found.GetProperty("charted").GetInt32() >= 4);
        Assert.Empty(found.GetProperty("drawnAlone").EnumerateArray());
        Assert.Equal(cards, found.GetProperty("complete").GetInt32()); // each: its value, name, year and a source link

        await page.GotoAsync(site.Url($"{language}/indicators/gdp-2023/"));
        Assert.Equal(0, await page.Locator("figure.chart").CountAsync());
        Assert.Equal(1, await page.Locator(".figure-big").CountAsync());
    }
}
