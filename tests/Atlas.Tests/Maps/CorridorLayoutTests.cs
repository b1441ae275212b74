using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Maps;
using Atlas.Tests.Support;

namespace Atlas.Tests.Maps;

public sealed class CorridorLayoutTests
{
    private const double Spacing = 2;

    private static CorridorStop Stop(string key, double x, double y) => new(key, x, y);

    private static CorridorRoute Route(string id, params CorridorStop[] stops) => new(id, [.. stops]);

    [Fact]
    public void Corridors_on_the_same_edge_in_either_direction_run_side_by_side_at_the_spacing()
    {
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 100, 0);
        var lines = CorridorLayout.Lay([Route("one", a, b), Route("two", b, a), Route("three", a, b)], Spacing, 5);

        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = i + 1; j < lines.Length; j++)
            {
                Assert.True(CorridorLayout.ClosestParallelApproach(lines[i].Points, lines[j].Points) >= Spacing - 1e-9,
                    $"{lines[i].Id} and {lines[j].Id} closer than the spacing");
            }
        }

        // Horizontal edge: every line keeps its own y from end to end.
        Assert.Equal(3, lines.Select(l => Math.Round(l.Points[0].Y, 6)).Distinct().Count());
        Assert.All(lines, l => Assert.Equal(l.Points[0].Y, l.Points[^1].Y, 6));
    }

    [Fact]
    public void A_route_passing_by_a_stop_of_another_is_drawn_through_it_and_they_do_not_coincide()
    {
        // A→C straight, and A→B→C with B one unit off the line A–C: without snapping they would nearly coincide.
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 50, 1), c = Stop("c", 100, 0);
        var lines = CorridorLayout.Lay([Route("direct", a, c), Route("via", a, b, c)], Spacing, 5);

        Assert.Equal(3, lines[0].Points.Length);
        var closest = Math.Min(CorridorLayout.ClosestParallelApproach(lines[0].Points, lines[1].Points),
            CorridorLayout.ClosestParallelApproach(lines[1].Points, lines[0].Points));
        Assert.True(closest >= Spacing - 1e-6, $"{closest}: {lines[0].PathData} {lines[1].PathData}");
    }

    [Fact]
    public void A_stop_far_from_the_line_is_not_snapped()
    {
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 50, 30), c = Stop("c", 100, 0);
        var lines = CorridorLayout.Lay([Route("direct", a, c), Route("via", a, b, c)], Spacing, 5);

        Assert.Equal(2, lines[0].Points.Length);
        Assert.Equal((0.0, 0.0), lines[0].Points[0]);
    }

    [Fact]
    public void A_bundle_keeps_its_order_through_a_bend_and_the_layout_is_deterministic()
    {
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 50, 0), c = Stop("c", 80, 40);
        CorridorRoute[] routes = [Route("one", a, b, c), Route("two", a, b, c), Route("three", c, b, a)];
        var lines = CorridorLayout.Lay(routes, Spacing, 5);

        // The side of each line relative to the stops is the same on both edges: lanes do not swap at the bend.
        foreach (var line in lines)
        {
            var first = Side(a, b, line.Points[0]);
            var last = Side(b, c, line.Points[^1]);
            var reversed = line.Id == "three";
            Assert.Equal(reversed ? Side(a, b, line.Points[^1]) : first, reversed ? Side(b, c, line.Points[0]) : last);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = i + 1; j < lines.Length; j++)
            {
                Assert.True(CorridorLayout.ClosestParallelApproach(lines[i].Points, lines[j].Points) >= Spacing - 1e-6);
            }
        }

        Assert.Equal(lines.Select(l => l.PathData), CorridorLayout.Lay(routes, Spacing, 5).Select(l => l.PathData));
    }

    private static int Side(CorridorStop from, CorridorStop to, (double X, double Y) point) =>
        Math.Sign((to.X - from.X) * (point.Y - from.Y) - (to.Y - from.Y) * (point.X - from.X));

    [Fact]
    public void A_corridor_can_follow_a_river_between_its_stops()
    {
        var river = CorridorRoute.AlongRiver("waterway", [Stop("a", 0, 0), Stop("d", 30, 5)], [[(0, 1), (10, 5), (20, 0), (30, 4)]]);
        var lines = CorridorLayout.Lay([river, Route("road", Stop("b", 0, 40), Stop("c", 30, 45))], Spacing, 5);

        Assert.Equal([(0.0, 0.0), (0.0, 1.0), (10.0, 5.0), (20.0, 0.0), (30.0, 4.0), (30.0, 5.0)], lines[0].Points.ToList());
    }

    [Fact]
    public void Two_lines_crossing_share_a_short_stretch_and_lines_drawn_over_each_other_a_long_one()
    {
        // Crossing at 30°: within 1 of each other over 2 × 1 / sin 30° = 4.
        (double X, double Y)[] flat = [(-50, 0), (50, 0)];
        var angle = 30 * Math.PI / 180;
        (double X, double Y)[] steep = [(-50 * Math.Cos(angle), -50 * Math.Sin(angle)), (50 * Math.Cos(angle), 50 * Math.Sin(angle))];
        Assert.InRange(CorridorLayout.LongestStretchWithin(flat, steep, 1, 0.01), 3.9, 4.1);

        // A winding line touching a straight one, and the same line half a unit off it over 60 units.
        (double X, double Y)[] winding = [.. Enumerable.Range(0, 401).Select(i => (i / 4.0 - 50, 6 * Math.Sin(i / 12.0) + 6.5))];
        Assert.True(CorridorLayout.LongestStretchWithin(winding, flat, 1, 0.1) < 6);
        (double X, double Y)[] over = [(-30, 0.5), (30, 0.5)];
        Assert.InRange(CorridorLayout.LongestStretchWithin(over, flat, 1, 0.1), 59.9, 60.1);
    }

    [Fact]
    public void On_the_shipped_atlas_no_two_corridors_run_within_4_css_pixels_of_each_other_for_more_than_40()
    {
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), new DiagnosticBag())!;
        foreach (var language in site.Model.Config.Languages.Select(l => l.Code))
        {
            var layout = new MapLayout(site.Model, site.Map!, language);
            var px = 1 / layout.PixelsPerUnit;
            var lines = layout.Corridors;
            Assert.True(lines.Length >= 10, "the atlas draws its corridors");
            var failures = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                for (var j = 0; j < lines.Length; j++)
                {
                    // 40 px: two straight lines crossing at 12°, the widest angle the layout calls alongside, stay
                    // within 4 px of each other over 2 × 4 / sin 12° ≈ 38 px.
                    var together = i == j ? 0 : CorridorLayout.LongestStretchWithin(lines[i].Line.Points, lines[j].Line.Points, 4 * px, px);
                    if (together > 40 * px)
                    {
                        failures.Add($"{lines[i].Entity.Id} runs within 4 px of {lines[j].Entity.Id} over {together / px:0} px: {lines[i].Line.PathData} {lines[j].Line.PathData}");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }

    [Fact]
    public void A_bundle_ending_at_a_stop_gets_one_station_bar_through_the_stop_from_its_outermost_line_to_the_other()
    {
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 100, 0), c = Stop("c", 0, 100);
        var bundle = Enumerable.Range(0, 5).Select(i => Route($"r{i}", a, b)).ToList();
        var lines = CorridorLayout.Lay([.. bundle, Route("alone", a, c)], Spacing, 5);
        var ends = lines.Take(5).SelectMany(l => new[] { l.Points[0], l.Points[^1] }).ToList();

        var stations = CorridorLayout.Stations(lines, reach: 1.5 * Spacing);

        // Lanes 0, ±1, ±2 of a bundle along the x axis end on the vertical through each end, at most 2 × spacing off it.
        Assert.Equal(["a", "b"], stations.Select(s => s.Stop));
        foreach (var (station, x) in stations.Zip([0.0, 100.0]))
        {
            Assert.Equal(x, station.X1, 6);
            Assert.Equal(x, station.X2, 6);
            Assert.Equal(4 * Spacing, Math.Abs(station.Y2 - station.Y1), 6);
            Assert.Equal(0, (station.Y1 + station.Y2) / 2, 6);
            Assert.All(ends.Where(e => Math.Abs(e.X - x) < 1e-6), e => Assert.InRange(e.Y, Math.Min(station.Y1, station.Y2) - 1e-6, Math.Max(station.Y1, station.Y2) + 1e-6));
        }

        // The line to c alone, ending within the reach of c, needs no bar; nor does a bundle narrower than the reach.
        Assert.Empty(CorridorLayout.Stations(lines, reach: 2 * Spacing + 0.1));
    }

    [Fact]
    public void A_bundle_passing_through_a_stop_gets_its_bar_along_the_corner_s_bisector()
    {
        CorridorStop a = Stop("a", 0, 0), b = Stop("b", 100, 0), c = Stop("c", 100, 100);
        var lines = CorridorLayout.Lay([Route("one", a, b, c), Route("two", a, b, c), Route("three", a, b, c)], Spacing, 5);

        var atB = Assert.Single(CorridorLayout.Stations(lines, reach: 0.5 * Spacing), s => s.Stop == "b");

        // A right-angle corner at b: the mitred lanes lie on the 45° line through b, ±√2 × spacing off it.
        Assert.Equal(1, Math.Abs((atB.Y2 - atB.Y1) / (atB.X2 - atB.X1)), 6);
        Assert.Equal(2 * Math.Sqrt(2) * Spacing * Math.Sqrt(2), Math.Abs(atB.X2 - atB.X1) + Math.Abs(atB.Y2 - atB.Y1), 6);
        Assert.Equal((100.0, 0.0), (Math.Round((atB.X1 + atB.X2) / 2, 6), Math.Round((atB.Y1 + atB.Y2) / 2, 6)));
    }

    [Fact]
    public void On_the_shipped_atlas_the_outermost_corridor_ends_at_every_stop_lie_on_its_station_bar()
    {
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), new DiagnosticBag())!;
        var layout = new MapLayout(site.Model, site.Map!, "zh");
        var stations = CorridorLayout.Stations(layout.Corridors.Select(c => c.Line), layout.StationReach);
        static double Off(LaneAtStop at) => Math.Sqrt((at.X - at.StopX) * (at.X - at.StopX) + (at.Y - at.StopY) * (at.Y - at.StopY));
        bool OnBar(LaneAtStop at) => stations.Any(s => s.Stop == at.Stop && DistanceToSegment(at.X, at.Y, s) < 0.01);
        var ends = layout.Corridors.SelectMany(c => c.Line.AtStops.Select(at => (c.Entity.Id, At: at))).ToList();

        // At each stop the end furthest off it (the outer line of its bundle) is on the bar; so is every end further
        // than twice a marker's radius (a narrower set of lanes beside the widest may end nearer than that, off it).
        var outermost = ends.GroupBy(e => e.At.Stop).Select(g => g.MaxBy(e => Off(e.At))).Where(e => Off(e.At) > layout.StationReach);
        var failures = outermost.Concat(ends.Where(e => Off(e.At) > 2 * layout.StationReach)).Distinct().Where(e => !OnBar(e.At))
            .Select(e => $"{e.Id} at {e.At.Stop}: ({e.At.X:0.0}, {e.At.Y:0.0}), {Off(e.At) * layout.PixelsPerUnit:0} px off").ToList();
        Assert.True(stations.Length >= 2, "the Chengdu–Chongqing bundle ends at a bar in each city");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_stylesheet_keeps_the_no_script_phone_map_as_wide_as_its_labels_need_at_11_px()
    {
        // style.css states the width in pixels (CSS cannot read the layout's constants); it must follow them.
        var css = File.ReadAllText(Path.Combine(Repository.Root, "templates", "assets", "style.css"));
        var width = (int)Math.Ceiling(MapLayout.DesktopWidthPx * 11.25 / MapLayout.LabelFontPx);
        Assert.Contains($"grid-template-columns: minmax({width}px, 1fr)", css);
    }

    private static double DistanceToSegment(double x, double y, CorridorStation s)
    {
        double ex = s.X2 - s.X1, ey = s.Y2 - s.Y1, length2 = ex * ex + ey * ey;
        var t = length2 == 0 ? 0 : Math.Clamp(((x - s.X1) * ex + (y - s.Y1) * ey) / length2, 0, 1);
        return Math.Sqrt((x - s.X1 - t * ex) * (x - s.X1 - t * ex) + (y - s.Y1 - t * ey) * (y - s.Y1 - t * ey));
    }
}
