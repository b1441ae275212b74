using System.Text.Json;
using System.Text.RegularExpressions;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;

namespace Atlas.BrowserTests;

/// <summary>
/// The main map as a reader sees it, on both languages' map pages at 1280 and 375 CSS px (one page each, shared by
/// these tests, which only read it): labels do not overlap, markers can be hit, corridors run side by side, the
/// content fills the view, the central and prefecture-level cities are named, labels are readable on a phone, and the
/// rivers and the scale bar are drawn. All measured on screen, after the page's script has run (on a phone it may open
/// zoomed in), in CSS px.
/// </summary>
public sealed partial class MapReadingTests(MapPages pages) : IClassFixture<MapPages>
{
    /// <summary>The main map's svg (an inset map in the same figure is another svg).</summary>
    private const string Svg = "document.querySelector('figure.atlas-map > svg:not(.map-inset)')";

    public static TheoryData<string, int> BothLanguagesAndWidths => new()
    {
        { "zh", MapPages.Desktop }, { "zh", MapPages.Phone }, { "en", MapPages.Desktop }, { "en", MapPages.Phone },
    };

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task No_two_placed_labels_overlap(string language, int width)
    {
        var page = await pages.GetAsync(language, width);
        // Boxes on screen (with every transform); a pixel of tolerance for the glyphs' em boxes touching.
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const labels = [...svg.querySelectorAll("text.map-label")].filter(t => t.getClientRects().length > 0 && t.getBoundingClientRect().width > 0);
              const boxes = labels.map(t => ({ name: t.getAttribute("data-for") + " " + t.textContent.trim(), r: t.getBoundingClientRect() }));
              const overlaps = [];
              for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].r, b = boxes[j].r;
                  const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (x > 1 && y > 1) overlaps.push(`${boxes[i].name} × ${boxes[j].name} (${x.toFixed(1)}×${y.toFixed(1)} px)`);
                }
              return { count: boxes.length, overlaps };
            }
            """);
        var count = found.GetProperty("count").GetInt32();
        var overlaps = Strings(found.GetProperty("overlaps"));
        Assert.True(count >= 10, $"only {count} placed labels (text.map-label) on /{language}/map/ at {width} px");
        Assert.True(overlaps.Count == 0, $"{overlaps.Count} pairs of labels overlap at {width} px:\n" + string.Join("\n", overlaps.Take(30)));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task Every_marker_centre_hits_its_own_link(string language, int width)
    {
        var page = await pages.GetAsync(language, width);
        // Markers outside the map's current view (a phone may open zoomed in) cannot be hit there and are left out.
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              svg.scrollIntoView({ block: "center" });
              const view = svg.getBoundingClientRect();
              const failures = [];
              let tested = 0, total = 0;
              for (const hit of svg.querySelectorAll("a.marker-link circle.hit")) {
                total++;
                const link = hit.closest("a");
                const r = hit.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (x < view.left || x > view.right || y < view.top || y > view.bottom) continue;
                tested++;
                const name = link.getAttribute("href");
                if (r.width / 2 < 11.9) failures.push(`${name}: hit target radius ${(r.width / 2).toFixed(1)} px, under 12`);
                const el = document.elementFromPoint(x, y);
                const a = el && el.closest("a");
                if (a !== link) failures.push(`${name} → ${a ? a.getAttribute("href") : el ? el.tagName : "nothing"}`);
              }
              return { tested, total, failures };
            }
            """);
        var tested = found.GetProperty("tested").GetInt32();
        var failures = Strings(found.GetProperty("failures"));
        Assert.True(tested >= (width == MapPages.Desktop ? 40 : 10), $"only {tested} of {found.GetProperty("total").GetInt32()} markers (a.marker-link circle.hit) were in view");
        Assert.True(failures.Count == 0, $"{failures.Count} faults among the {tested} markers in view at {width} px:\n" + string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task No_two_corridors_coincide_or_run_closer_than_4_px(string language, int width)
    {
        var page = await pages.GetAsync(language, width);
        // Each corridor's centre line is sampled every 2 screen px; a stretch of one line longer than 40 px that stays
        // within 4 px of another is a fault: the two run together. Lines that cross or touch share a shorter stretch
        // (two straight lines crossing at 12°, the widest angle CorridorLayout calls alongside, stay within 4 px over
        // 2 × 4 / sin 12° ≈ 38 px), as lines meet at a station or a road crosses a winding waterway; lines that share a
        // stretch must be offset. CorridorLayout.LongestStretchWithin is the same measure in the unit tests.
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const screen = (p, m) => ({ x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f });
              const routes = [...svg.querySelectorAll("a.corridor path.route")].filter(p => p.getTotalLength() > 0);
              const cell = 8;
              const lines = routes.map(p => {
                const m = p.getScreenCTM(), length = p.getTotalLength();
                const scale = Math.hypot(m.a, m.b);
                const dense = Math.min(4000, Math.max(31, Math.ceil(length * scale / 2)));
                const points = [];
                for (let i = 0; i <= dense; i++) points.push(screen(p.getPointAtLength(length * i / dense), m));
                // Segments bucketed by the grid cells they touch, for distance queries near a point.
                const grid = new Map();
                for (let k = 1; k < points.length; k++) {
                  const p0 = points[k - 1], p1 = points[k];
                  for (let gx = Math.floor(Math.min(p0.x, p1.x) / cell); gx <= Math.floor(Math.max(p0.x, p1.x) / cell); gx++)
                    for (let gy = Math.floor(Math.min(p0.y, p1.y) / cell); gy <= Math.floor(Math.max(p0.y, p1.y) / cell); gy++) {
                      const key = gx + "," + gy;
                      if (!grid.has(key)) grid.set(key, []);
                      grid.get(key).push(k);
                    }
                }
                return { name: p.closest("a").getAttribute("href"), points, grid };
              });
              const near = (line, s) => {
                let best = Infinity;
                const gx = Math.floor(s.x / cell), gy = Math.floor(s.y / cell);
                for (let x = gx - 1; x <= gx + 1; x++)
                  for (let y = gy - 1; y <= gy + 1; y++)
                    for (const k of line.grid.get(x + "," + y) || []) {
                      const p = line.points[k - 1], q = line.points[k];
                      const vx = q.x - p.x, vy = q.y - p.y, len2 = vx * vx + vy * vy;
                      const t = len2 > 0 ? Math.max(0, Math.min(1, ((s.x - p.x) * vx + (s.y - p.y) * vy) / len2)) : 0;
                      best = Math.min(best, Math.hypot(s.x - p.x - t * vx, s.y - p.y - t * vy));
                    }
                return best;
              };
              const faults = {};
              for (const a of lines)
                for (const b of lines) {
                  if (a === b) continue;
                  let run = 0, longest = 0;
                  for (let i = 0; i < a.points.length; i++) {
                    const step = i === 0 ? 0 : Math.hypot(a.points[i].x - a.points[i - 1].x, a.points[i].y - a.points[i - 1].y);
                    run = near(b, a.points[i]) < 4 ? run + step : 0;
                    longest = Math.max(longest, run);
                  }
                  if (longest <= 40) continue;
                  const pair = [a.name, b.name].sort().join(" and ");
                  faults[pair] = Math.max(faults[pair] || 0, longest);
                }
              return { count: lines.length, faults: Object.entries(faults).map(([pair, d]) => `${pair}: within 4 px of each other over ${d.toFixed(0)} px`) };
            }
            """);
        var count = found.GetProperty("count").GetInt32();
        var faults = Strings(found.GetProperty("faults"));
        Assert.True(count >= 10, $"only {count} corridor lines (a.corridor path.route) on /{language}/map/");
        Assert.True(faults.Count == 0, $"{faults.Count} pairs of corridors run within 4 px of each other over more than 40 px at {width} px:\n" + string.Join("\n", faults.Take(40)));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task Every_corridor_drawn_is_a_link(string language, int width)
    {
        var page = await pages.GetAsync(language, width);
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const layer = svg.querySelector("g.layer[data-layer=corridors]");
              if (!layer) return { count: 0, orphans: ["no g.layer[data-layer=corridors]"] };
              // A station bar marks where lines end at a city; it is no line of its own, and a click goes through it.
              const bars = [...layer.querySelectorAll("path.station, path.station-edge")];
              const routes = [...layer.querySelectorAll("path")].filter(p => p.getTotalLength() > 0 && !bars.includes(p));
              const orphans = routes.filter(p => { const a = p.closest("a"); return !a || !a.matches("a.corridor[href][data-kind]") || !a.querySelector("title")?.textContent.trim(); })
                .map(p => (p.closest("a")?.getAttribute("href") ?? "no link") + " " + (p.getAttribute("class") ?? ""))
                .concat(bars.filter(p => getComputedStyle(p).pointerEvents !== "none").map(p => "a station bar that takes clicks"));
              return { count: routes.length, orphans };
            }
            """);
        var orphans = Strings(found.GetProperty("orphans"));
        Assert.True(found.GetProperty("count").GetInt32() >= 10, $"only {found.GetProperty("count").GetInt32()} corridor lines drawn");
        Assert.True(orphans.Count == 0, "corridor lines that are not an a.corridor[href][data-kind] with a title:\n" + string.Join("\n", orphans.Take(20)));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task The_central_cities_and_every_prefecture_level_city_are_labelled_at_1280_px(string language)
    {
        var page = await pages.GetAsync(language, MapPages.Desktop);
        var named = PrefectureLevelCities();
        Assert.Contains("chengdu", named);
        Assert.Contains("chongqing", named);
        var found = await page.EvaluateAsync<JsonElement>($$"""
            slugs => {
              const svg = {{Svg}};
              const view = svg.getBoundingClientRect();
              const onMap = slug => !!svg.querySelector(`a.marker-link[href$="/cities/${slug}/"]`);
              const labelled = slug => {
                const t = svg.querySelector(`text.map-label[data-for="cities/${slug}"]`);
                if (!t || t.getClientRects().length === 0) return null;
                const r = t.getBoundingClientRect();
                const inView = r.width > 0 && r.left >= view.left - 1 && r.right <= view.right + 1 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
                return inView ? t.textContent.trim() : null;
              };
              return slugs.map(slug => ({ slug, onMap: onMap(slug), label: labelled(slug) }));
            }
            """, named);
        var missing = new List<string>();
        foreach (var city in found.EnumerateArray())
        {
            var slug = city.GetProperty("slug").GetString()!;
            var central = slug is "chengdu" or "chongqing";
            if (!city.GetProperty("onMap").GetBoolean())
            {
                if (central) missing.Add($"{slug}: no marker (a.marker-link) on the map");
                continue;
            }

            var label = city.GetProperty("label").GetString();
            if (string.IsNullOrEmpty(label))
            {
                missing.Add($"{slug}: no visible text.map-label[data-for=\"cities/{slug}\"] in the view");
            }
            else if (!(language == "zh" ? ChineseText() : LatinText()).IsMatch(label))
            {
                missing.Add($"{slug}: labelled '{label}', not in the page's language");
            }
        }

        Assert.True(missing.Count == 0, $"unlabelled at 1280 px on /{language}/map/:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(BothLanguagesAndWidths))]
    public async Task The_content_fills_at_least_60_percent_of_the_first_view(string language, int width)
    {
        var page = await pages.GetAsync(language, width);
        // The bounding box of every marker, cut to the svg's box on screen (a phone may open on part of the map).
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const view = svg.getBoundingClientRect();
              const markers = [...svg.querySelectorAll("a.marker-link circle.marker, a.marker-link .marker")].map(m => m.getBoundingClientRect()).filter(r => r.width > 0);
              if (markers.length === 0) return { markers: 0, ratio: 0 };
              const left = Math.max(view.left, Math.min(...markers.map(r => r.left)));
              const right = Math.min(view.right, Math.max(...markers.map(r => r.right)));
              const top = Math.max(view.top, Math.min(...markers.map(r => r.top)));
              const bottom = Math.min(view.bottom, Math.max(...markers.map(r => r.bottom)));
              const area = Math.max(0, right - left) * Math.max(0, bottom - top);
              return { markers: markers.length, ratio: area / (view.width * view.height) };
            }
            """);
        Assert.True(found.GetProperty("markers").GetInt32() >= 10, "fewer than 10 markers (a.marker-link circle.marker)");
        var ratio = found.GetProperty("ratio").GetDouble();
        Assert.True(ratio >= 0.6, $"the markers' extent fills {ratio:P0} of the map's first view at {width} px");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Map_labels_render_at_11_px_or_more_on_a_phone(string language)
    {
        var page = await pages.GetAsync(language, MapPages.Phone);
        // The font size in the text's own units times the scale of those units on screen.
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const labels = [...svg.querySelectorAll("text.map-label")].filter(t => t.getClientRects().length > 0);
              const sizes = labels.map(t => {
                const m = t.getScreenCTM();
                return { name: t.getAttribute("data-for"), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) };
              });
              return { count: sizes.length, small: sizes.filter(s => s.px < 11).map(s => `${s.name}: ${s.px.toFixed(1)} px`) };
            }
            """);
        var small = Strings(found.GetProperty("small"));
        Assert.True(found.GetProperty("count").GetInt32() >= 5, "fewer than 5 map labels (text.map-label) at 375 px");
        Assert.True(small.Count == 0, $"{small.Count} map labels render under 11 px at 375 px:\n" + string.Join("\n", small.Take(20)));
    }

    [Theory]
    [InlineData("zh", "长江", "嘉陵江")]
    [InlineData("en", "Yangtze", "Jialing")]
    public async Task The_rivers_are_drawn_and_labelled(string language, string yangtze, string jialing)
    {
        var page = await pages.GetAsync(language, MapPages.Desktop);
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const svg = {{Svg}};
              const drawn = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
              const rivers = [...svg.querySelectorAll("path.river")].filter(p => drawn(p) && p.getTotalLength() > 0 && getComputedStyle(p).stroke !== "none");
              const labels = [...svg.querySelectorAll("text.river-label")].filter(drawn).map(t => t.textContent.trim());
              return { rivers: rivers.length, labels };
            }
            """);
        var labels = Strings(found.GetProperty("labels"));
        Assert.True(found.GetProperty("rivers").GetInt32() >= 5, $"{found.GetProperty("rivers").GetInt32()} rivers (path.river) drawn, not the five at least");
        Assert.True(labels.Count >= 5, $"{labels.Count} river labels (text.river-label): {string.Join(", ", labels)}");
        Assert.Contains(labels, l => l.Contains(yangtze, StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains(jialing, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh", "公里")]
    [InlineData("en", "km")]
    public async Task The_scale_bar_is_there_in_the_pages_unit(string language, string unit)
    {
        var page = await pages.GetAsync(language, MapPages.Desktop);
        var found = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const bar = {{Svg}}.querySelector("g.scale-bar");
              if (!bar) return { drawn: false, width: 0, text: "" };
              const r = bar.getBoundingClientRect();
              return { drawn: bar.getClientRects().length > 0, width: r.width, text: bar.textContent };
            }
            """);
        Assert.True(found.GetProperty("drawn").GetBoolean(), "no g.scale-bar drawn in the main map");
        Assert.True(found.GetProperty("width").GetDouble() >= 30, $"the scale bar is {found.GetProperty("width").GetDouble():F0} px wide");
        Assert.Contains(unit, found.GetProperty("text").GetString());
        Assert.Matches(@"\d", found.GetProperty("text").GetString());
    }

    /// <summary>The cities of the content at prefecture level or above (municipality, prefecture): content/cities/*.yml.</summary>
    private static List<string> PrefectureLevelCities() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "content", "cities"), "*.yml")
            .Where(file => File.ReadLines(file).Any(line => LevelLine().IsMatch(line)))
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [GeneratedRegex(@"^level:\s*(municipality|prefecture)\s*$")]
    private static partial Regex LevelLine();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();

    [GeneratedRegex(@"[A-Za-z]")]
    private static partial Regex LatinText();
}
