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

    private static RiverMap Bent() => RiverMap.Parse(Encoding.UTF8.GetBytes("""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[104,29],[105,30],[106,29],[107,30]]},"properties":{"id":"bent","name_zh":"弯河","name_en":"Bent"}},
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[104,33],[107,33]]},"properties":{"id":"far","name_zh":"远河","name_en":"Far"}}
        ]}
        """), Projection);

    [Fact]
    public void A_waterway_follows_its_river_leg_by_leg_between_the_points_nearest_its_stops()
    {
        var rivers = Bent();
        var line = rivers["bent"]!.Lines[0];
        (double X, double Y) Mid(int i) => ((line[i].X + line[i + 1].X) / 2, (line[i].Y + line[i + 1].Y) / 2);
        (double X, double Y) Beside((double X, double Y) p) => (p.X, p.Y + 2);

        // Stops beside the middles of the first and last segments and at the second bend: the first leg keeps the
        // first bend, the second runs on to the last segment's middle.
        var legs = rivers.Course([Beside(Mid(0)), line[2], Beside(Mid(2))], tolerance: 10)!;
        Assert.Equal(2, legs.Count);
        Assert.Equal(3, legs[0].Count);
        Assert.Equal(line[1], legs[0][1]);
        Assert.Equal(line[2], legs[0][^1]);
        Assert.Equal(line[2], legs[1][0]);
        Assert.True(Math.Abs(legs[0][0].X - Mid(0).X) < 2 && Math.Abs(legs[1][^1].X - Mid(2).X) < 2);

        // The other way round, the same course reversed.
        var upstream = rivers.Course([Beside(Mid(2)), line[2], Beside(Mid(0))], tolerance: 10)!;
        Assert.Equal(legs.SelectMany(l => l).Reverse(), upstream.SelectMany(l => l));
    }

    [Fact]
    public void No_course_when_a_stop_is_far_from_every_river_or_the_stops_go_back_and_forth()
    {
        var rivers = Bent();
        var line = rivers["bent"]!.Lines[0];
        Assert.Null(rivers.Course([line[0], (line[2].X, line[2].Y + 200)], tolerance: 10));
        Assert.Null(rivers.Course([line[0], line[3], line[1]], tolerance: 10));
        Assert.Null(rivers.Course([line[1]], tolerance: 10));
    }
}
