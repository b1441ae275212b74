using System.Text;
using Atlas.Maps;
using Atlas.Tests.Support;

namespace Atlas.Tests.Maps;

public sealed class RiverMapTests
{
    private static readonly MapProjection Projection = new(100, 26, 110, 34, 1000);

    [Fact]
    public void Rivers_are_read_with_their_ids_and_names_and_projected_like_the_base_map()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[104,29],[105,29.5],[106.5,29.6]],[[101,27],[102,27.5]]]},"properties":{"id":"yangtze","name_zh":"长江","name_en":"Yangtze"}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[106,32],[106.5,29.6]]},"properties":{"id":"jialing","name_zh":"嘉陵江","name_en":"Jialing"}}
            ]}
            """;
        var rivers = RiverMap.Parse(Encoding.UTF8.GetBytes(json), Projection);

        Assert.Equal(["yangtze", "jialing"], rivers.Rivers.Select(r => r.Id));
        var yangtze = rivers["yangtze"]!;
        Assert.Equal("长江", yangtze.Name["zh"]);
        Assert.Equal("Yangtze", yangtze.Name["en"]);
        Assert.Equal(2, yangtze.Lines.Length);
        Assert.Equal(Projection.Project(new GeoPoint(105, 29.5)), yangtze.Lines[0][1]);
        Assert.Equal(Projection.Project(new GeoPoint(106.5, 29.6)), rivers["jialing"]!.Lines[0][^1]);
        Assert.StartsWith("M", yangtze.PathData);
        Assert.Equal(2, yangtze.PathData.Count(c => c == 'M'));
        Assert.Null(rivers["han"]);
    }

    [Fact]
    public void A_river_that_is_not_a_line_is_refused()
    {
        const string json = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[104,29]},"properties":{"id":"x"}}]}""";
        Assert.Throws<FormatException>(() => RiverMap.Parse(Encoding.UTF8.GetBytes(json), Projection));
    }

    [Fact]
    public void The_shipped_rivers_have_both_names_and_the_yangtze_runs_through_chongqing()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, "templates", "maps", "rivers.geojson"));
        var rivers = RiverMap.Parse(bytes, Projection);
        foreach (var id in new[] { "yangtze", "min", "tuo", "jialing", "wu" })
        {
            var river = rivers[id];
            Assert.NotNull(river);
            Assert.NotEmpty(river.Name["zh"]);
            Assert.NotEmpty(river.Name["en"]);
        }

        // Chongqing's centre (106.55° E, 29.56° N) is on the Yangtze, where the Jialing joins it.
        var chongqing = Projection.Project(new GeoPoint(106.55, 29.56));
        double Nearest(River river) => river.Lines.SelectMany(l => l)
            .Min(p => Math.Sqrt((p.X - chongqing.X) * (p.X - chongqing.X) + (p.Y - chongqing.Y) * (p.Y - chongqing.Y)));
        Assert.True(Nearest(rivers["yangtze"]!) < 5, $"{Nearest(rivers["yangtze"]!)}");
        Assert.True(Nearest(rivers["jialing"]!) < 5, $"{Nearest(rivers["jialing"]!)}");
    }
}
