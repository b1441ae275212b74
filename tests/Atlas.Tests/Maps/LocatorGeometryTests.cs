using System.Collections.Immutable;
using Atlas.Maps;

namespace Atlas.Tests.Maps;

/// <summary>The pure geometry behind locator maps: unit matching, framing, outlines and label placement.</summary>
public sealed class LocatorGeometryTests
{
    private static GeoRegion Square(string id, string name, string province, double lon, double lat, double size = 1) =>
        new(id, name, province, [[new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)]]);

    private static readonly ImmutableArray<GeoRegion> Units =
    [
        Square("510100", "成都市", "sichuan", 103, 30),
        Square("512000", "资阳市", "sichuan", 104, 29),
        Square("511400", "眉山市", "sichuan", 103, 29),
        Square("500228", "梁平县", "chongqing", 107, 30),
        Square("500233", "忠县", "chongqing", 108, 30),
        Square("500103", "渝中区", "chongqing", 106, 29),
    ];

    [Theory]
    [InlineData("成都市", "sichuan", "510100")]
    [InlineData("成都市双流区", "sichuan", "510100")] // a Sichuan district: its prefecture
    [InlineData("资阳市安岳县", "sichuan", "512000")]
    [InlineData("四川省资阳市安岳县", "sichuan", "512000")]
    [InlineData("重庆市梁平区", "chongqing", "500228")] // the base map's name is out of date (梁平县)
    [InlineData("重庆市忠县", "chongqing", "500233")]
    public void A_place_is_matched_to_its_unit_by_name(string name, string province, string unit)
    {
        // The coordinates point elsewhere on purpose: the name decides.
        Assert.Equal(unit, UnitMatcher.Match([name, "Somewhere"], province, new GeoPoint(106.5, 29.5), Units)?.Id);
    }

    [Fact]
    public void A_one_character_stem_matches_only_as_the_full_name()
    {
        Assert.Null(UnitMatcher.ByName(["忠诚区"], Units));
    }

    [Fact]
    public void Without_a_matching_name_the_unit_holding_the_coordinates_is_taken()
    {
        Assert.Equal("500103", UnitMatcher.Match(["重庆（主城）"], "chongqing", new GeoPoint(106.5, 29.5), Units)?.Id);
        Assert.Equal("511400", UnitMatcher.Match(["天府新区"], "sichuan", new GeoPoint(103.5, 29.5), Units)?.Id);
    }

    [Fact]
    public void Point_in_polygon_respects_holes()
    {
        var donut = new GeoRegion("1", "环", "x", [
            [new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)],
            [new(4, 4), new(6, 4), new(6, 6), new(4, 6), new(4, 4)],
        ]);
        Assert.True(UnitMatcher.Contains(donut, new GeoPoint(2, 2)));
        Assert.False(UnitMatcher.Contains(donut, new GeoPoint(5, 5)));
        Assert.False(UnitMatcher.Contains(donut, new GeoPoint(11, 5)));
    }

    [Fact]
    public void A_locator_frame_holds_its_points_at_a_fixed_aspect_and_a_minimum_width()
    {
        (double X, double Y)[] one = [(500, 300)];
        var single = Locators.Fit(one, 1000, 750);
        Assert.True(single.Width >= Locators.MinimumWidth);
        Assert.Equal(Locators.Aspect, single.Height / single.Width, 2);
        Assert.True(Holds(single, one[0]));

        (double X, double Y)[] spread = [(100, 100), (400, 150), (380, 420), (990, 740)];
        var frame = Locators.Fit(spread, 1000, 750);
        Assert.Equal(Locators.Aspect, frame.Height / frame.Width, 2);
        Assert.All(spread, p => Assert.True(Holds(frame, p), $"{p} outside {frame}"));
    }

    private static bool Holds(MapFrame frame, (double X, double Y) p) =>
        p.X >= frame.X && p.X <= frame.X + frame.Width && p.Y >= frame.Y && p.Y <= frame.Y + frame.Height;

    [Fact]
    public void An_outline_is_simplified_but_keeps_its_shape()
    {
        // A square whose sides carry many nearly collinear points: only the corners matter.
        var ring = new List<(double X, double Y)>();
        for (var i = 0; i <= 100; i++) ring.Add((i, i % 2 * 0.01));
        for (var i = 1; i <= 100; i++) ring.Add((100, i));
        for (var i = 99; i >= 0; i--) ring.Add((i, 100));
        for (var i = 99; i >= 0; i--) ring.Add((0, i));
        var simplified = OutlinePath.Simplify(ring, 0.3);
        Assert.InRange(simplified.Count, 4, 6);
        foreach (var corner in new[] { (0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0) })
        {
            Assert.Contains(simplified, p => Math.Abs(p.X - corner.Item1) < 0.5 && Math.Abs(p.Y - corner.Item2) < 0.5);
        }
    }
}

/// <summary>How a locator labels a place: without the larger units the map already shows.</summary>
public sealed class LocatorLabelTextTests
{
    [Theory]
    [InlineData("重庆市渝北区", "zh", "渝北区")]
    [InlineData("四川省达州市开江县", "zh", "开江县")]
    [InlineData("成都市", "zh", "成都市")]
    [InlineData("重庆（主城）", "zh", "重庆（主城）")]
    [InlineData("重庆市（直辖市）", "zh", "重庆市（直辖市）")]
    [InlineData("Yubei District, Chongqing", "en", "Yubei District")]
    [InlineData("Chengdu", "en", "Chengdu")]
    public void Short_names(string name, string language, string expected) =>
        Assert.Equal(expected, Atlas.Rendering.LocatorViews.Short(name, language));
}
