using System.Text.Json;
using System.Xml.Linq;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>The atlas features on the shipped site: map, relations, taxonomies, timeline, charts, search, data, feeds.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class FeatureTests(ShippedSiteTests.Build build)
{
    private BuiltSite Site => build.Site;

    private string Read(string path) => File.ReadAllText(Path.Combine(build.OutputDirectory, path));

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_map_has_a_linked_marker_per_city_and_a_text_list(string language)
    {
        var page = $"{language}/map/index.html";
        var document = Site.Document(page);
        var markers = document.QuerySelectorAll("g.layer-cities a");
        var cities = Directory.EnumerateDirectories(Path.Combine(build.OutputDirectory, language, "cities")).Count();
        Assert.Equal(cities, markers.Length);
        foreach (var marker in markers)
        {
            Assert.NotNull(marker.QuerySelector("circle"));
            var target = Site.Resolve(page, marker.GetAttribute("href")!)!.Value;
            Assert.True(File.Exists(Path.Combine(build.OutputDirectory, target.File)), target.File);
            Assert.StartsWith($"{language}/cities/", target.File);
        }

        Assert.NotEmpty(document.QuerySelectorAll("g.layer-corridors path.route"));
        Assert.NotNull(document.QuerySelector("svg image[href*='basemap']"));
        Assert.True(document.QuerySelectorAll(".map-list a").Length >= markers.Length);
    }

    [Fact]
    public void Entities_with_a_place_have_a_locator_map()
    {
        var gaozhu = Site.Document("zh/parks/gaozhu-new-area/index.html");
        Assert.NotNull(gaozhu.QuerySelector("figure.locator svg circle"));
        var corridor = Site.Document("en/corridors/chengdu-chongqing-hsr/index.html");
        Assert.NotNull(corridor.QuerySelector("figure.locator svg path.route"));
    }

    [Fact]
    public void Backlinks_appear_on_both_sides()
    {
        var gaozhu = Site.Document("en/parks/gaozhu-new-area/index.html");
        Assert.Contains(gaozhu.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../../en/cities/guangan/");
        var guangan = Site.Document("en/cities/guangan/index.html");
        var backlinks = guangan.QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../../../en/parks/gaozhu-new-area/", backlinks);
    }

    [Theory]
    [InlineData("zh/places/chengdu/index.html")]
    [InlineData("en/sectors/manufacturing/index.html")]
    [InlineData("en/years/2021/index.html")]
    [InlineData("zh/timeline/index.html")]
    [InlineData("en/figures/index.html")]
    [InlineData("en/search/index.html")]
    [InlineData("zh/404.html")]
    [InlineData("en/404.html")]
    [InlineData("404.html")]
    public void Feature_pages_exist_with_a_heading(string page)
    {
        Assert.Single(Site.Document(page).QuerySelectorAll("h1"));
    }

    [Fact]
    public void The_timeline_runs_oldest_first()
    {
        var dates = Site.Document("en/timeline/index.html").QuerySelectorAll(".timeline-entry time")
            .Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(dates.Count > 20);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Each_chart_draws_one_measure_in_one_unit_and_every_figure_is_shown_once_as_a_chart_value_or_a_figure(string language)
    {
        var page = $"{language}/figures/index.html";
        var figures = Site.Document(page);
        var charts = figures.QuerySelectorAll("figure.chart");
        Assert.True(charts.Length >= 4, $"{charts.Length} charts");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chart in charts)
        {
            var measure = chart.GetAttribute("data-measure");
            var unit = chart.GetAttribute("data-unit");
            Assert.False(string.IsNullOrEmpty(measure) || string.IsNullOrEmpty(unit), chart.Id);
            var values = chart.QuerySelectorAll("[data-value]");
            Assert.True(values.Length >= 2, $"{chart.Id}: a chart of {values.Length} value");
            Assert.All(values, v => Assert.Equal((measure, unit), (v.GetAttribute("data-measure"), v.GetAttribute("data-unit"))));
            Assert.NotNull(chart.QuerySelector(".chart-title"));
            Assert.NotEmpty(chart.QuerySelectorAll(".chart-sources a[href*='/sources/']"));
            if (chart.ClassList.Contains("chart-line"))
            {
                Assert.Equal(values.Length, chart.QuerySelectorAll(".chart-table tbody tr").Length);
                Assert.Equal(values.Length, chart.QuerySelectorAll("svg text.value").Length);
            }
            else
            {
                Assert.Equal(values.Length, chart.QuerySelectorAll(".chart-bar-label a").Length);
                var numbers = values.Select(v => decimal.Parse(v.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(numbers.OrderDescending(), numbers);
            }

            foreach (var link in chart.QuerySelectorAll(".chart-bar-label a, .chart-table a"))
            {
                shown.Add(Site.Resolve(page, link.GetAttribute("href")!)!.Value.File);
            }
        }

        var charted = charts.Select(c => c.GetAttribute("data-measure")).ToHashSet();
        var cards = figures.QuerySelectorAll(".figure-card");
        foreach (var card in cards)
        {
            Assert.DoesNotContain(card.GetAttribute("data-measure"), charted);
            Assert.True(shown.Add(Site.Resolve(page, card.QuerySelector(".figure-card-name")!.GetAttribute("href")!)!.Value.File));
        }

        var indicators = Directory.EnumerateDirectories(Path.Combine(build.OutputDirectory, language, "indicators")).Count();
        Assert.Equal(indicators, shown.Count);

        Assert.Contains("81,986.67亿元", Read("zh/indicators/gdp-2023/index.html"));
        Assert.Contains("about 8.20 trillion yuan", Read("en/indicators/gdp-2023/index.html"));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void A_charted_figures_page_shows_its_chart_with_its_own_value_highlighted_and_a_lone_figure_shows_none(string language)
    {
        var charted = Site.Document($"{language}/indicators/joint-conferences-held-2021/index.html");
        var line = Assert.Single(charted.QuerySelectorAll("figure.chart"));
        Assert.Equal("joint-conferences-held", line.GetAttribute("data-measure"));
        Assert.Equal("4", Assert.Single(line.QuerySelectorAll("circle.is-current")).GetAttribute("data-value"));

        var compared = Site.Document($"{language}/indicators/chongqing-industry-growth-2024/index.html");
        var bars = Assert.Single(compared.QuerySelectorAll("figure.chart-bars"));
        Assert.Equal("7.3", Assert.Single(bars.QuerySelectorAll(".chart-bar.is-current")).GetAttribute("data-value"));

        Assert.Empty(Site.Document($"{language}/indicators/gdp-2023/index.html").QuerySelectorAll("figure.chart"));
    }

    [Fact]
    public void The_home_page_shows_key_figures()
    {
        Assert.True(Site.Document("en/index.html").QuerySelectorAll(".key-figures li").Length >= 4);
    }

    [Theory]
    // The circle's GDP of 81,986.67亿元 reads in 万亿元 beside the other totals, and, rounded, says so.
    [InlineData("zh", "约8.2万亿元")]
    [InlineData("en", "about 8.2 trillion yuan")]
    public void A_key_figure_rounded_to_its_magnitude_is_marked_as_approximate(string language, string expected)
    {
        var cards = Site.Document($"{language}/index.html").QuerySelectorAll(".key-figures li").Select(li => li.TextContent).ToList();
        Assert.Contains(cards, text => text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_reading_mode_shows_both_languages_side_by_side()
    {
        var compare = Site.Document("en/parks/gaozhu-new-area/compare/index.html");
        var columns = compare.QuerySelectorAll(".column");
        Assert.Equal(["zh-CN", "en"], columns.Select(c => c.GetAttribute("lang")));
        Assert.Contains("川渝高竹新区", columns[0].TextContent);
        Assert.Contains("Gaozhu", columns[1].TextContent);
    }

    [Fact]
    public void Data_files_parse_and_their_ids_match_the_pages()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(build.OutputDirectory, "data"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var record in json.RootElement.EnumerateArray())
            {
                var id = record.GetProperty("id").GetString()!;
                Assert.True(File.Exists(Path.Combine(build.OutputDirectory, "zh", id, "index.html")), id);
                Assert.Equal($"https://example.org/atlas/en/{id}/", record.GetProperty("url").GetProperty("en").GetString());
            }
        }

        using var geo = JsonDocument.Parse(Read("data/atlas.geojson"));
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count >= 25);
        Assert.All(features, f => Assert.True(File.Exists(Path.Combine(build.OutputDirectory, "en", f.GetProperty("id").GetString()!, "index.html"))));

        var csv = File.ReadAllBytes(Path.Combine(build.OutputDirectory, "data/cities.csv"));
        Assert.StartsWith("\uFEFFid,name.zh,name.en", System.Text.Encoding.UTF8.GetString(csv)); // a BOM for spreadsheets
        using var schema = JsonDocument.Parse(Read("data/schema/indicators.schema.json"));
        Assert.Equal("array", schema.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Sitemap_and_feeds_are_valid_xml_with_alternates()
    {
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var map = XDocument.Parse(Read("sitemap.xml"));
        var urls = map.Root!.Elements(sitemap + "url").ToList();
        Assert.True(urls.Count > 1000);
        var gaozhu = urls.Single(u => u.Element(sitemap + "loc")!.Value == "https://example.org/atlas/zh/parks/gaozhu-new-area/");
        var alternates = gaozhu.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("https://example.org/atlas/en/parks/gaozhu-new-area/", alternates["en"]);
        Assert.Equal("https://example.org/atlas/zh/parks/gaozhu-new-area/", alternates["zh-CN"]);
        Assert.True(alternates.ContainsKey("x-default"));
        Assert.Contains("Sitemap: https://example.org/atlas/sitemap.xml", Read("robots.txt"));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        foreach (var language in new[] { "zh", "en" })
        {
            var feed = XDocument.Parse(Read($"{language}/feed.xml"));
            var entries = feed.Root!.Elements(atom + "entry").ToList();
            Assert.NotEmpty(entries);
            var updated = entries.Select(e => e.Element(atom + "updated")!.Value).ToList();
            Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);
            Assert.All(entries, e => Assert.StartsWith($"https://example.org/atlas/{language}/", e.Element(atom + "id")!.Value));
        }
    }

    [Fact]
    public void Pages_have_canonical_and_open_graph_tags_and_fingerprinted_assets()
    {
        var page = Site.Document("en/parks/gaozhu-new-area/index.html");
        Assert.Equal("https://example.org/atlas/en/parks/gaozhu-new-area/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
        Assert.Matches(@"assets/style\.[0-9a-f]{10}\.css$", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[http-equiv='Content-Security-Policy']"));
    }
}
