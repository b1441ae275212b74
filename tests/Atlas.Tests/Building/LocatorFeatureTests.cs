using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>Locator maps on the shipped site's entity pages: zoomed, labelled, highlighted, honest about approximations, cheap.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class LocatorFeatureTests(ShippedSiteTests.Build build)
{
    /// <summary>The most bytes a page's locator may take: the boundaries come from the shared base map, not the page.</summary>
    private const int MostLocatorBytes = 9 * 1024;

    private BuiltSite Site => build.Site;

    private IEnumerable<string> EntityPages(string language, string collection) =>
        Directory.EnumerateDirectories(Path.Combine(build.OutputDirectory, language, collection))
            .Select(d => Path.GetRelativePath(build.OutputDirectory, Path.Combine(d, "index.html")).Replace('\\', '/'));

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void City_pages_highlight_their_unit_and_label_the_city(string language)
    {
        var pages = EntityPages(language, "cities").ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var svg = Site.Document(page).QuerySelector("figure.locator > svg");
            Assert.True(svg is not null, page);
            Assert.Single(svg!.QuerySelectorAll("path.highlight"));
            Assert.NotNull(svg.QuerySelector("text.map-label.self"));
            Assert.NotNull(svg.QuerySelector("image[href*='basemap']"));

            // Zoomed to the neighbourhood, not the whole of both provinces.
            var width = double.Parse(svg.GetAttribute("viewBox")!.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(width < 400, $"{page}: {width}");
        }
    }

    [Fact]
    public void A_park_without_coordinates_is_drawn_hollow_at_its_hosts_and_says_so()
    {
        foreach (var (page, words) in new[] { ("zh/parks/gaozhu-new-area/index.html", "位置为近似"), ("en/parks/gaozhu-new-area/index.html", "Approximate position") })
        {
            var figure = Site.Document(page).QuerySelector("figure.locator")!;
            Assert.Equal(2, figure.QuerySelectorAll("svg circle.marker.approximate").Length);
            Assert.Equal(2, figure.QuerySelectorAll("svg path.highlight").Length);
            Assert.Contains(words, figure.QuerySelector("figcaption")!.TextContent);
        }

        var airport = Site.Document("zh/parks/tianfu-international-airport/index.html").QuerySelector("figure.locator")!;
        Assert.Empty(airport.QuerySelectorAll("svg .approximate"));
        Assert.Contains("成都天府国际机场", airport.QuerySelector("text.map-label.self")!.TextContent);
    }

    [Fact]
    public void Neighbouring_places_are_labelled()
    {
        var labels = Site.Document("zh/cities/yubei/index.html").QuerySelectorAll("figure.locator text.map-label")
            .Select(t => t.TextContent).ToList();
        Assert.Contains("渝北区", labels);
        Assert.True(labels.Count >= 3, string.Join(", ", labels));
        var corridor = Site.Document("en/corridors/yangtze-waterway/index.html").QuerySelector("figure.locator svg")!;
        Assert.NotNull(corridor.QuerySelector("path.route"));
        Assert.Contains(corridor.QuerySelectorAll("text.map-label"), t => t.TextContent == "Luzhou");
    }

    [Fact]
    public void No_entity_page_carries_more_than_a_few_kilobytes_of_map()
    {
        var sizes = Site.Pages.Select(page =>
        {
            var html = File.ReadAllText(Path.Combine(build.OutputDirectory, page));
            var start = html.IndexOf("<figure class=\"locator\"", StringComparison.Ordinal);
            var end = start < 0 ? -1 : html.IndexOf("</figure>", start, StringComparison.Ordinal);
            return (page, bytes: start < 0 ? 0 : System.Text.Encoding.UTF8.GetByteCount(html.AsSpan(start, end - start)));
        }).ToList();
        Assert.True(sizes.Count(s => s.bytes > 0) > 300);
        var largest = sizes.MaxBy(s => s.bytes);
        Assert.True(largest.bytes <= MostLocatorBytes, $"{largest.page}: {largest.bytes} bytes of locator");
    }
}
