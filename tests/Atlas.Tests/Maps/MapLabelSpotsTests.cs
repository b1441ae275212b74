using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Maps;

namespace Atlas.Tests.Maps;

public sealed class MapLabelSpotsTests
{
    private static readonly MapFrame Frame = new(0, 0, 200, 100);

    private static River Line(params (double X, double Y)[] points) =>
        new("r", LocalizedText.Empty, [[.. points]]);

    [Fact]
    public void A_river_label_sits_on_a_stretch_inside_the_frame_rotated_along_it()
    {
        // Leaves the frame on the left; rises at 45° inside it.
        var river = Line((-100, 90), (20, 90), (100, 10), (300, 10));
        var spot = MapLabelSpots.AlongRiver(river, Frame, length: 30, avoid: []);

        Assert.NotNull(spot);
        var inset = Frame.Width * MapLabelSpots.EdgeShare;
        Assert.InRange(spot.X, inset, Frame.Width - inset);
        Assert.InRange(spot.Y, inset, Frame.Height - inset);
        Assert.Equal(-45, spot.Angle);
    }

    [Fact]
    public void A_river_label_keeps_clear_of_the_points_to_avoid_and_is_never_upside_down()
    {
        var river = Line((190, 50), (10, 50)); // drawn right to left
        var spot = MapLabelSpots.AlongRiver(river, Frame, length: 20, avoid: [(100, 50)]);

        Assert.NotNull(spot);
        Assert.Equal(0, spot.Angle);
        Assert.True(Math.Abs(spot.X - 100) >= 25, $"{spot.X}");
    }

    [Fact]
    public void No_river_label_when_no_stretch_that_long_is_inside() =>
        Assert.Null(MapLabelSpots.AlongRiver(Line((-50, 50), (20, 50)), Frame, length: 40, avoid: []));

    [Fact]
    public void An_area_label_goes_inside_its_area_and_away_from_the_content()
    {
        ImmutableArray<ImmutableArray<(double X, double Y)>> rings = [[(100, 0), (200, 0), (200, 100), (100, 100), (100, 0)]];
        var spot = MapLabelSpots.InArea(p => MapLabelSpots.Contains(rings, p), Frame, avoid: [(120, 30)], halfWidth: 10);

        Assert.NotNull(spot);
        Assert.True(spot.X - 10 >= 100, $"{spot.X}");
        Assert.True(MapLabelSpots.Contains(rings, (spot.X, spot.Y)));
        Assert.True(Math.Sqrt((spot.X - 120) * (spot.X - 120) + (spot.Y - 30) * (spot.Y - 30)) > 20);
    }

    [Fact]
    public void Points_in_holes_are_outside()
    {
        ImmutableArray<ImmutableArray<(double X, double Y)>> rings =
            [[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)], [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)]];
        Assert.True(MapLabelSpots.Contains(rings, (2, 2)));
        Assert.False(MapLabelSpots.Contains(rings, (5, 5)));
        Assert.False(MapLabelSpots.Contains(rings, (12, 5)));
    }
}
