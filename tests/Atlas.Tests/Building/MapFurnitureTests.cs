using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>The main map's furniture and the thematic map on the shipped site, in both languages.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class MapFurnitureTests(ShippedSiteTests.Build build)
{
    private BuiltSite Site => build.Site;

    [Theory]
    [InlineData("zh", "长江", "嘉陵江", "四川省", "重庆市", "公里")]
    [InlineData("en", "Yangtze", "Jialing", "Sichuan", "Chongqing", "km")]
    public void The_main_map_has_labelled_rivers_province_names_and_a_scale_bar(string language, string yangtze, string jialing,
        string sichuan, string chongqing, string km)
    {
        var document = Site.Document($"{language}/map/index.html");
        var svg = document.QuerySelector("figure.atlas-map > svg[viewBox]")!;
        var mapBase = svg.QuerySelector("g.map-base")!;
        foreach (var id in new[] { "yangtze", "jialing", "min", "tuo", "wu" })
        {
            Assert.NotNull(mapBase.QuerySelector($"path.river[data-river='{id}']"));
        }

        var riverLabels = mapBase.QuerySelectorAll("text.river-label").Select(t => t.TextContent).ToList();
        Assert.Contains(yangtze, riverLabels);
        Assert.Contains(jialing, riverLabels);
        Assert.True(riverLabels.Count >= 5, string.Join(", ", riverLabels));

        var provinces = mapBase.QuerySelectorAll("text.province-name").Select(t => t.TextContent).ToList();
        Assert.Equal([sichuan, chongqing], provinces);

        var scale = svg.QuerySelector("g.scale-bar")!;
        Assert.Matches($@"^\d+ {km}$", scale.QuerySelectorAll("text").Last().TextContent);

        // The inset shows both provinces whole, with the main map's frame.
        var inset = document.QuerySelector("figure.atlas-map svg.map-inset")!;
        Assert.NotNull(inset.QuerySelector("image[href*='basemap']"));
        Assert.Equal(svg.GetAttribute("viewBox"), string.Join(' ', new[] { "x", "y", "width", "height" }
            .Select(a => inset.QuerySelector("rect.map-inset-frame")!.GetAttribute(a))));

        // Natural Earth is credited beside the base map's source.
        Assert.Contains("Natural Earth", document.QuerySelector("figure.atlas-map figcaption")!.TextContent);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_legend_explains_every_layer_corridor_kind_fill_and_the_rivers(string language)
    {
        var document = Site.Document($"{language}/map/index.html");
        var legend = document.QuerySelector(".map-legend")!;
        var kinds = legend.QuerySelectorAll(".corridor-key[data-kind]").Select(k => k.GetAttribute("data-kind")).ToList();
        Assert.Equal(["high-speed-railway", "railway", "expressway", "waterway", "power-line", "economic-corridor", "trade-corridor", "route"], kinds);
        Assert.All(legend.QuerySelectorAll(".corridor-key"), k => Assert.False(string.IsNullOrWhiteSpace(k.TextContent)));
        Assert.NotNull(legend.QuerySelector(".legend-fill-sichuan"));
        Assert.NotNull(legend.QuerySelector(".legend-fill-chongqing"));
        Assert.NotNull(legend.QuerySelector("path.river"));
        Assert.NotNull(legend.QuerySelector(".marker.approximate"));
        foreach (var layer in document.QuerySelectorAll("figure.atlas-map g.layer-cities, figure.atlas-map g.layer-parks, figure.atlas-map g.layer-clusters"))
        {
            Assert.NotNull(legend.QuerySelector($"g.{layer.ClassList.First(c => c.StartsWith("layer-", StringComparison.Ordinal) && c != "layer-points" && c != "layer-places")}"));
        }

        // The layer switches the script drives are still there.
        Assert.NotNull(document.QuerySelector("[data-map-layers] input[name=corridors]"));
    }

    [Theory]
    [InlineData("zh", "成都市")]
    [InlineData("en", "Chengdu")]
    public void The_thematic_map_shades_the_units_and_gives_the_same_numbers_as_a_table(string language, string chengdu)
    {
        var document = Site.Document($"{language}/map/index.html");
        var figure = document.QuerySelector("figure.thematic-map")!;
        Assert.NotNull(figure.QuerySelector("svg image[href*='thematic']"));
        Assert.Equal(4, figure.QuerySelectorAll(".thematic-legend li").Length);
        var rows = figure.QuerySelectorAll("table tbody tr").ToList();
        Assert.True(rows.Count >= 10, $"{rows.Count}");
        var totals = rows.Select(r => int.Parse(r.QuerySelectorAll("td").Last().TextContent)).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        Assert.All(totals, t => Assert.True(t > 0));

        // Chengdu's row counts its districts (Shuangliu) too, and its class is the darkest.
        var row = rows.Single(r => r.GetAttribute("data-unit") == "成都市");
        Assert.Equal(chengdu, row.QuerySelector("a")!.TextContent);
        Assert.NotNull(row.QuerySelector(".thematic-class-3"));

        // Entries tied to no unit are listed, not spread over the units.
        Assert.NotEmpty(document.QuerySelectorAll(".thematic-unplaced a"));
    }
}
