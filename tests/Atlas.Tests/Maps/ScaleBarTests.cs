using Atlas.Maps;

namespace Atlas.Tests.Maps;

public sealed class ScaleBarTests
{
    [Fact]
    public void Kilometres_per_unit_follow_the_latitude()
    {
        // The projection's x scale is that of its middle latitude (30°): one degree of latitude is 111.32 km there.
        var projection = new MapProjection(100, 26, 110, 34, 1000, margin: 0);
        var unitsPerDegree = 1000 / (10 * Math.Cos(30 * Math.PI / 180));
        Assert.Equal(111.32 / unitsPerDegree, projection.KilometresPerUnitAt(30), 6);
        Assert.True(projection.KilometresPerUnitAt(34) < projection.KilometresPerUnitAt(26));
        Assert.Equal(30, projection.LatitudeAt(projection.Project(new GeoPoint(105, 30)).Y), 1);
    }

    [Fact]
    public void The_bar_is_the_longest_round_length_in_its_share_of_the_frame()
    {
        var projection = new MapProjection(100, 26, 110, 34, 1000, margin: 0);
        var frame = new MapFrame(300, 200, 400, 300);
        var bar = ScaleBar.For(frame, projection, share: 0.25);
        var perUnit = projection.KilometresPerUnitAt(projection.LatitudeAt(frame.Y + frame.Height / 2));

        Assert.Contains(bar.Kilometres, ScaleBar.RoundKilometres);
        Assert.Equal(bar.Kilometres / perUnit, bar.Length, 1);
        Assert.True(bar.Length <= frame.Width * 0.25);
        var next = ScaleBar.RoundKilometres.First(k => k > bar.Kilometres);
        Assert.True(next / perUnit > frame.Width * 0.25, "a longer round length would still have fitted");
        Assert.InRange(bar.X, frame.X, frame.X + frame.Width - bar.Length);
        Assert.InRange(bar.Y, frame.Y + frame.Height / 2, frame.Y + frame.Height);
    }

    [Fact]
    public void On_the_shipped_map_frame_the_bar_shows_100_km()
    {
        // ~1.27 km a unit and a frame ~434 units wide: 22 % of it is ~120 km.
        var projection = new MapProjection(97.3486, 26.0459, 110.2002, 34.3135, 1000);
        var bar = ScaleBar.For(new MapFrame(469.4, 232.1, 434.3, 350.4), projection);
        Assert.Equal(100, bar.Kilometres);
    }
}
