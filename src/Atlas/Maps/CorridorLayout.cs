using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Atlas.Maps;

/// <summary>A stop on a corridor's route. Stops with the same <see cref="Key"/> are the same place on every route.</summary>
/// <param name="Named">A real place (a city) that other routes may pass near and so be snapped through; the vertices of
/// a given geometry (a river) are not.</param>
public sealed record CorridorStop(string Key, double X, double Y, bool Named = true);

/// <summary>A corridor to lay out: its ordered stops, first to last.</summary>
public sealed record CorridorRoute(string Id, ImmutableArray<CorridorStop> Stops)
{
    /// <summary>
    /// A corridor through its stops that follows a river between them: <paramref name="legs"/>[i] is the river from
    /// near stop i to near stop i + 1. The stops stay shared with the corridors that stop there too (so lines leaving a
    /// city side by side get lanes), the river's vertices are private to the route.
    /// </summary>
    public static CorridorRoute AlongRiver(string id, IReadOnlyList<CorridorStop> stops,
        IReadOnlyList<IReadOnlyList<(double X, double Y)>> legs, double clearOfStops = 0)
    {
        static double Distance(CorridorStop stop, (double X, double Y) p) => Math.Sqrt((stop.X - p.X) * (stop.X - p.X) + (stop.Y - p.Y) * (stop.Y - p.Y));

        var route = new List<CorridorStop>();
        for (var i = 0; i < stops.Count; i++)
        {
            route.Add(stops[i]);
            if (i < legs.Count && i + 1 < stops.Count)
            {
                // The river's vertices right at a stop would make the line's first step from it a wobble, and the
                // direction it leaves in is what gives it a lane beside the others leaving that stop.
                var (from, to) = (stops[i], stops[i + 1]);
                route.AddRange(legs[i]
                    .Select((p, k) => (p, k))
                    .Where(v => Distance(from, v.p) > clearOfStops && Distance(to, v.p) > clearOfStops)
                    .Select(v => new CorridorStop(
                        $"{id}#{i.ToString(CultureInfo.InvariantCulture)}.{v.k.ToString(CultureInfo.InvariantCulture)}", v.p.X, v.p.Y, Named: false)));
            }
        }

        return new(id, [.. route]);
    }
}

/// <summary>Where a drawn corridor passes or ends at one of its named stops: the stop's place and the line's point there
/// (beside the place by the corridor's lane).</summary>
public sealed record LaneAtStop(string Stop, double StopX, double StopY, double X, double Y);

/// <summary>
/// A station bar: where corridors side by side end at or pass a stop wider than its marker, the bar across their lanes
/// through the stop, from one outermost line to the other, like an interchange on a transit map. Without it the outer
/// lines of a bundle end beside the city, not at it.
/// </summary>
public sealed record CorridorStation(string Stop, double X1, double Y1, double X2, double Y2)
{
    /// <summary>The bar as SVG path data, rounded as <see cref="LaidOutCorridor.PathData"/> rounds its lines.</summary>
    public string PathData => LaidOutCorridor.Path([(X1, Y1), (X2, Y2)]);
}

/// <summary>A corridor as drawn: its polyline after offsetting.</summary>
public sealed record LaidOutCorridor(string Id, ImmutableArray<(double X, double Y)> Points)
{
    /// <summary>The line's points at its named stops (none for a line of fewer than two stops).</summary>
    public ImmutableArray<LaneAtStop> AtStops { get; init; } = [];

    /// <summary>The point halfway along the polyline (where its name is shown on keyboard focus).</summary>
    public (double X, double Y) Middle
    {
        get
        {
            var lengths = Points.Zip(Points.Skip(1), (a, b) => Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y))).ToList();
            var remaining = lengths.Sum() / 2;
            for (var i = 0; i < lengths.Count; i++)
            {
                if (remaining <= lengths[i] && lengths[i] > 0)
                {
                    var t = remaining / lengths[i];
                    return (Points[i].X + t * (Points[i + 1].X - Points[i].X), Points[i].Y + t * (Points[i + 1].Y - Points[i].Y));
                }

                remaining -= lengths[i];
            }

            return Points.Length > 0 ? Points[0] : (0, 0);
        }
    }

    /// <summary>The polyline as SVG path data (one decimal: a tenth of a map unit is a quarter of a CSS pixel).</summary>
    public string PathData => Path(Points);

    internal static string Path(IReadOnlyList<(double X, double Y)> points)
    {
        var data = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            data.Append(i == 0 ? 'M' : 'L').Append(BaseMap.Format(Math.Round(points[i].X, 1)))
                .Append(',').Append(BaseMap.Format(Math.Round(points[i].Y, 1)));
        }

        return data.ToString();
    }
}

/// <summary>
/// Lays corridors out like lines on a transit map: corridors that share a stretch run side by side instead of on top
/// of one another. A stretch is shared when two routes have the same pair of consecutive stops (in either direction),
/// or when one passes straight by a stop of another (A→C beside A→B→C with B near the line A–C): such a route is
/// snapped through that stop first, so both share the edges A–B and B–C. Each corridor then gets a lane, in the order
/// of the input, distinct from the lanes of every corridor it shares an edge with, and its polyline is offset
/// perpendicular by its lane all along, with mitred joins at the stops. Pure and deterministic.
/// </summary>
public static class CorridorLayout
{
    /// <param name="routes">The corridors in the order their slots follow (a stable order keeps lines from swapping sides).</param>
    /// <param name="spacing">The distance between the centre lines of neighbouring corridors on a shared edge, in map units.</param>
    /// <param name="snapDistance">How near a stop must lie to another route's straight segment for that route to be
    /// drawn through it, in map units.</param>
    public static ImmutableArray<LaidOutCorridor> Lay(IReadOnlyList<CorridorRoute> routes, double spacing, double snapDistance)
    {
        var named = routes.SelectMany(r => r.Stops).Where(s => s.Named)
            .GroupBy(s => s.Key, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var snapped = routes.Select(r => Snap(r, named, snapDistance)).ToList();

        // Each corridor keeps one lane along its whole route (0, then 1, -1, 2, -2, …: a bundle is centred on its
        // stops), the first lane whose position is free on every edge it uses. A lane is a side of the corridor's own
        // direction of travel, so on an edge it occupies position lane × (+1 or −1 by the way it runs); corridors
        // sharing an edge never share a position. One lane for the whole route means no jogs at stops, only mitres.
        // Two corridors leaving one stop on different edges at a narrow angle also take different positions, the one
        // heading further left on the left, so they part without running over each other.
        var taken = new Dictionary<(string, string), HashSet<int>>();
        var departures = new Dictionary<string, List<Departure>>(StringComparer.Ordinal);
        var lanes = new int[snapped.Count];
        var candidates = Enumerable.Range(0, 2 * snapped.Count + 1).Select(n => n % 2 == 1 ? (n + 1) / 2 : -n / 2).ToList();
        for (var index = 0; index < snapped.Count; index++)
        {
            var stops = snapped[index];
            var edges = Enumerable.Range(0, Math.Max(0, stops.Count - 1))
                .Select(i => (Key: EdgeKey(stops[i], stops[i + 1]), Sign: string.CompareOrdinal(stops[i].Key, stops[i + 1].Key) <= 0 ? 1 : -1))
                .ToList();
            var leaving = Departures(stops);
            var neighbours = leaving.SelectMany(mine => departures.GetValueOrDefault(mine.Stop, [])
                .Where(other => other.Edge != mine.Edge && mine.Ux * other.Ux + mine.Uy * other.Uy > NarrowCosine)
                .Select(other => (Mine: mine, Other: other, Left: other.Ux * mine.Uy - other.Uy * mine.Ux))).ToList();

            bool EdgesFree(int lane) => edges.All(e => !taken.TryGetValue(e.Key, out var used) || !used.Contains(lane * e.Sign));
            // Ordered against the nearest in angle at each stop (the one it would run over longest), apart from all.
            var nearest = neighbours.GroupBy(n => n.Mine)
                .Select(g => g.OrderByDescending(n => n.Mine.Ux * n.Other.Ux + n.Mine.Uy * n.Other.Uy).First()).ToHashSet();
            bool Parted(int lane, bool ordered) => neighbours.All(n =>
            {
                var (mine, other) = (lane * n.Mine.Sign, lanes[n.Other.Corridor] * n.Other.Sign);
                return ordered && n.Left != 0 && nearest.Contains(n) ? (n.Left > 0 ? mine > other : mine < other) : mine != other;
            });

            var lane = candidates.FirstOrDefault(l => EdgesFree(l) && Parted(l, ordered: true), int.MinValue);
            lane = lane != int.MinValue ? lane : candidates.FirstOrDefault(l => EdgesFree(l) && Parted(l, ordered: false), int.MinValue);
            lanes[index] = lane != int.MinValue ? lane : candidates.First(EdgesFree);
            foreach (var edge in edges)
            {
                if (!taken.TryGetValue(edge.Key, out var used))
                {
                    taken[edge.Key] = used = [];
                }

                used.Add(lanes[index] * edge.Sign);
            }

            foreach (var departure in leaving)
            {
                if (!departures.TryGetValue(departure.Stop, out var list))
                {
                    departures[departure.Stop] = list = [];
                }

                list.Add(departure with { Corridor = index });
            }
        }

        var result = ImmutableArray.CreateBuilder<LaidOutCorridor>(routes.Count);
        for (var index = 0; index < snapped.Count; index++)
        {
            var stops = snapped[index];
            if (stops.Count < 2)
            {
                result.Add(new LaidOutCorridor(routes[index].Id, [.. stops.Select(s => (s.X, s.Y))]));
                continue;
            }

            // The polyline moved to the left of travel by the lane, mitred at every stop.
            var offset = lanes[index] * spacing;
            var points = new List<(double X, double Y)>();
            var atStops = new List<LaneAtStop>();
            void Add(CorridorStop stop, IEnumerable<(double X, double Y)> at)
            {
                foreach (var point in at)
                {
                    points.Add(point);
                    if (stop.Named)
                    {
                        atStops.Add(new LaneAtStop(stop.Key, stop.X, stop.Y, point.X, point.Y));
                    }
                }
            }

            var (sx, sy) = Normal(stops[1].X - stops[0].X, stops[1].Y - stops[0].Y);
            Add(stops[0], [(stops[0].X + sx * offset, stops[0].Y + sy * offset)]);
            for (var i = 1; i + 1 < stops.Count; i++)
            {
                Add(stops[i], Mitre(stops[i - 1], stops[i], stops[i + 1], offset));
            }

            var (ex, ey) = Normal(stops[^1].X - stops[^2].X, stops[^1].Y - stops[^2].Y);
            Add(stops[^1], [(stops[^1].X + ex * offset, stops[^1].Y + ey * offset)]);
            result.Add(new LaidOutCorridor(routes[index].Id, [.. points]) { AtStops = [.. atStops] });
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The station bars of laid-out corridors: at each named stop, the lines' points there lie on a few straight lines
    /// through the stop (one per way the lines run through it: the normal of an edge they end on, the bisector of a
    /// corner they turn at); the widest such set reaching further than <paramref name="reach"/> from the stop (the
    /// marker's radius: within it the marker covers the ends) gets a bar from its outermost point on one side, through
    /// the stop, to the other. Ordered by stop, so the output is deterministic.
    /// </summary>
    public static ImmutableArray<CorridorStation> Stations(IEnumerable<LaidOutCorridor> lines, double reach)
    {
        var result = ImmutableArray.CreateBuilder<CorridorStation>();
        foreach (var stop in lines.SelectMany(l => l.AtStops).GroupBy(a => a.Stop, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (cx, cy) = (stop.First().StopX, stop.First().StopY);

            // Each point off the stop as an angle in [0°, 180°) (the line through the stop it lies on) and a signed
            // distance along that line; a point on the stop itself belongs to every bar.
            var off = stop.Select(a => (dx: a.X - cx, dy: a.Y - cy))
                .Where(d => d.dx * d.dx + d.dy * d.dy > 1e-12)
                .Select(d =>
                {
                    var angle = Math.Atan2(d.dy, d.dx) * 180 / Math.PI;
                    var distance = Math.Sqrt(d.dx * d.dx + d.dy * d.dy);
                    return angle < 0 ? (Angle: angle + 180, Along: -distance) : angle >= 180 ? (Angle: angle - 180, Along: -distance) : (Angle: angle, Along: distance);
                })
                .OrderBy(p => p.Angle).ThenBy(p => p.Along).ToList();
            var groups = new List<List<(double Angle, double Along)>>();
            foreach (var point in off)
            {
                if (groups.Count == 0 || point.Angle - groups[^1][^1].Angle > StationAngleTolerance)
                {
                    groups.Add([]);
                }

                groups[^1].Add(point);
            }

            // 0° and 179.9° are the same line through the stop.
            if (groups.Count > 1 && groups[0][0].Angle + 180 - groups[^1][^1].Angle <= StationAngleTolerance)
            {
                groups[0].AddRange(groups[^1].Select(p => (p.Angle, -p.Along)));
                groups.RemoveAt(groups.Count - 1);
            }

            // One bar a stop, across its widest set of lanes: two bars crossing at a stop read as a knot, not a station,
            // and the narrower sets end within a lane or two of the stop.
            var widest = groups
                .Select(g => (Group: g, Low: Math.Min(0, g.Min(p => p.Along)), High: Math.Max(0, g.Max(p => p.Along))))
                .Where(g => Math.Max(-g.Low, g.High) > reach)
                .OrderByDescending(g => g.High - g.Low).ThenBy(g => g.Group[0].Angle)
                .FirstOrDefault();
            if (widest.Group is { } group)
            {
                var radians = group[0].Angle * Math.PI / 180;
                var (ux, uy) = (Math.Cos(radians), Math.Sin(radians));
                result.Add(new CorridorStation(stop.Key, cx + ux * widest.Low, cy + uy * widest.Low, cx + ux * widest.High, cy + uy * widest.High));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Points at a stop whose directions from it differ by less than this (degrees) lie on one bar: lanes of
    /// one edge or corner are exactly in line, up to rounding.</summary>
    private const double StationAngleTolerance = 2;

    /// <summary>
    /// Below this angle between two corridors leaving a stop (its cosine: 12°), they would run over each other beyond
    /// the stop's marker; at a wider angle they part under it, as lines meet at a station. The same angle is what
    /// <see cref="ClosestParallelApproach"/> calls running alongside.
    /// </summary>
    private const double NarrowCosine = 0.978;

    /// <summary>A corridor leaving a stop along an edge: the unit direction away from the stop, and +1 if the corridor
    /// travels that way (−1 if it arrives along it), which says which side its lane is on.</summary>
    private sealed record Departure(string Stop, (string, string) Edge, double Ux, double Uy, int Sign, int Corridor = -1);

    private static List<Departure> Departures(List<CorridorStop> stops)
    {
        var result = new List<Departure>();
        for (var i = 0; i < stops.Count; i++)
        {
            foreach (var (j, sign) in new[] { (i + 1, 1), (i - 1, -1) })
            {
                if (j < 0 || j >= stops.Count)
                {
                    continue;
                }

                double dx = stops[j].X - stops[i].X, dy = stops[j].Y - stops[i].Y, length = Math.Sqrt(dx * dx + dy * dy);
                if (length > 0)
                {
                    result.Add(new Departure(stops[i].Key, EdgeKey(stops[i], stops[j]), dx / length, dy / length, sign));
                }
            }
        }

        return result;
    }

    /// <summary>The route with every named stop that lies near one of its straight segments inserted into it.</summary>
    private static List<CorridorStop> Snap(CorridorRoute route, List<CorridorStop> named, double snapDistance)
    {
        var stops = new List<CorridorStop>();
        for (var i = 0; i < route.Stops.Length; i++)
        {
            var a = route.Stops[i];
            if (stops.Count > 0 && stops[^1].Key == a.Key)
            {
                continue;
            }

            stops.Add(a);
            if (i + 1 == route.Stops.Length || !a.Named || !route.Stops[i + 1].Named)
            {
                continue;
            }

            var b = route.Stops[i + 1];
            double dx = b.X - a.X, dy = b.Y - a.Y, length2 = dx * dx + dy * dy;
            if (length2 == 0)
            {
                continue;
            }

            var between = new List<(double T, CorridorStop Stop)>();
            foreach (var stop in named)
            {
                if (stop.Key == a.Key || stop.Key == b.Key || route.Stops.Any(s => s.Key == stop.Key))
                {
                    continue;
                }

                var t = ((stop.X - a.X) * dx + (stop.Y - a.Y) * dy) / length2;
                var distance = Math.Abs((stop.X - a.X) * dy - (stop.Y - a.Y) * dx) / Math.Sqrt(length2);
                var along = t * Math.Sqrt(length2);
                // Near an end, only a stop that lies more along the segment than off it: a detour sharper than 45°
                // is not passing by (a line ending beside a terminus is not drawn through its neighbour).
                var remaining = (1 - t) * Math.Sqrt(length2);
                if (distance <= snapDistance && along > 1 && remaining > 1 && distance < Math.Min(along, remaining))
                {
                    between.Add((t, stop));
                }
            }

            stops.AddRange(between.OrderBy(s => s.T).ThenBy(s => s.Stop.Key, StringComparer.Ordinal).Select(s => s.Stop));
        }

        return stops;
    }

    private static (string, string) EdgeKey(CorridorStop a, CorridorStop b) =>
        string.CompareOrdinal(a.Key, b.Key) <= 0 ? (a.Key, b.Key) : (b.Key, a.Key);

    private static (double X, double Y) Normal(double dx, double dy)
    {
        var length = Math.Sqrt(dx * dx + dy * dy);
        return length == 0 ? (0, 0) : (-dy / length, dx / length);
    }

    /// <summary>
    /// Where two consecutive segments offset by the same lane meet: the mitre point, on the bisector of the corner at
    /// the lane's distance from each segment; at a turn sharper than about 135° (where a mitre would reach far out)
    /// the end of one and the start of the other instead.
    /// </summary>
    private static IEnumerable<(double X, double Y)> Mitre(CorridorStop before, CorridorStop stop, CorridorStop after, double offset)
    {
        var (n1x, n1y) = Normal(stop.X - before.X, stop.Y - before.Y);
        var (n2x, n2y) = Normal(after.X - stop.X, after.Y - stop.Y);
        var cosine = n1x * n2x + n1y * n2y;
        if (cosine > -0.7)
        {
            var scale = offset / (1 + cosine);
            yield return (stop.X + (n1x + n2x) * scale, stop.Y + (n1y + n2y) * scale);
            yield break;
        }

        yield return (stop.X + n1x * offset, stop.Y + n1y * offset);
        yield return (stop.X + n2x * offset, stop.Y + n2y * offset);
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>
    /// The shortest distance between two polylines where they run alongside each other: points sampled every
    /// <paramref name="step"/> along <paramref name="a"/>, measured to <paramref name="b"/>, counting only where the
    /// two run within <paramref name="parallelDegrees"/> of the same direction (a crossing, or two lines leaving a
    /// stop at an angle, is not two lines drawn on top of one another). Used by tests of the layout of straight lines.
    /// </summary>
    public static double ClosestParallelApproach(IReadOnlyList<(double X, double Y)> a, IReadOnlyList<(double X, double Y)> b,
        double step = 0.25, double parallelDegrees = 12)
    {
        var best = double.PositiveInfinity;
        var cosLimit = Math.Cos(parallelDegrees * Math.PI / 180);
        for (var i = 0; i + 1 < a.Count; i++)
        {
            double dx = a[i + 1].X - a[i].X, dy = a[i + 1].Y - a[i].Y, length = Math.Sqrt(dx * dx + dy * dy);
            if (length == 0)
            {
                continue;
            }

            var samples = Math.Max(1, (int)Math.Ceiling(length / step));
            for (var s = 0; s <= samples; s++)
            {
                var p = (X: a[i].X + dx * s / samples, Y: a[i].Y + dy * s / samples);
                for (var j = 0; j + 1 < b.Count; j++)
                {
                    double ex = b[j + 1].X - b[j].X, ey = b[j + 1].Y - b[j].Y, elength = Math.Sqrt(ex * ex + ey * ey);
                    if (elength == 0 || Math.Abs((dx * ex + dy * ey) / (length * elength)) < cosLimit)
                    {
                        continue;
                    }

                    var t = Math.Clamp(((p.X - b[j].X) * ex + (p.Y - b[j].Y) * ey) / (elength * elength), 0, 1);
                    best = Math.Min(best, Distance(p, (b[j].X + t * ex, b[j].Y + t * ey)));
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The longest stretch of <paramref name="a"/> (its length, sampled every <paramref name="step"/>) that stays within
    /// <paramref name="distance"/> of <paramref name="b"/>: how far the two run together. Lines that cross or touch
    /// share only a short stretch (two straight lines crossing at angle θ stay within d of each other over 2d / sin θ),
    /// even where one of them winds (a waterway along its river); lines drawn over one another share a long one. This
    /// is the measure for lines of any shape; <see cref="ClosestParallelApproach"/> suits straight ones.
    /// </summary>
    public static double LongestStretchWithin(IReadOnlyList<(double X, double Y)> a, IReadOnlyList<(double X, double Y)> b,
        double distance, double step)
    {
        double longest = 0, run = 0;
        for (var i = 0; i + 1 < a.Count; i++)
        {
            double dx = a[i + 1].X - a[i].X, dy = a[i + 1].Y - a[i].Y, length = Math.Sqrt(dx * dx + dy * dy);
            var samples = Math.Max(1, (int)Math.Ceiling(length / step));
            for (var s = i == 0 ? 0 : 1; s <= samples; s++)
            {
                var p = (a[i].X + dx * s / samples, a[i].Y + dy * s / samples);
                run = DistanceTo(b, p) < distance ? run + (s == 0 ? 0 : length / samples) : 0;
                longest = Math.Max(longest, run);
            }
        }

        return longest;
    }

    private static double DistanceTo(IReadOnlyList<(double X, double Y)> line, (double X, double Y) p)
    {
        var best = double.PositiveInfinity;
        for (var j = 0; j + 1 < line.Count; j++)
        {
            double ex = line[j + 1].X - line[j].X, ey = line[j + 1].Y - line[j].Y, length2 = ex * ex + ey * ey;
            var t = length2 == 0 ? 0 : Math.Clamp(((p.X - line[j].X) * ex + (p.Y - line[j].Y) * ey) / length2, 0, 1);
            best = Math.Min(best, Distance(p, (line[j].X + t * ex, line[j].Y + t * ey)));
        }

        return best;
    }
}
