using System.Collections.Immutable;

namespace Atlas.Maps;

/// <summary>Where a label of the map's furniture goes: its centre in map coordinates and its angle in degrees (clockwise).</summary>
public sealed record LabelSpot(double X, double Y, double Angle);

/// <summary>
/// Places the map's furniture labels (rivers, provinces) inside a frame, away from its edge and from the content's
/// points, so they do not sit on a city's marker. Pure geometry: the same input gives the same spots.
/// </summary>
public static class MapLabelSpots
{
    /// <summary>Share of the frame's width kept clear along each edge.</summary>
    public const double EdgeShare = 0.08;

    /// <summary>
    /// A spot on <paramref name="river"/> for a label <paramref name="length"/> units long: the middle of a stretch that
    /// lies wholly inside the frame (minus its edge), as straight as it can be and as far as possible (up to
    /// <paramref name="clearance"/>) from <paramref name="avoid"/>; rotated along the stretch, never upside down.
    /// Null when no stretch that long is inside.
    /// </summary>
    public static LabelSpot? AlongRiver(River river, MapFrame frame, double length,
        IReadOnlyCollection<(double X, double Y)> avoid, double clearance = 25, IReadOnlyList<MapFrame>? keepOut = null)
    {
        var inset = frame.Width * EdgeShare;
        bool Inside((double X, double Y) p) =>
            p.X >= frame.X + inset && p.X <= frame.X + frame.Width - inset &&
            p.Y >= frame.Y + inset && p.Y <= frame.Y + frame.Height - inset && !InAny(keepOut, p);

        var near = new PointIndex(avoid, clearance);
        LabelSpot? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var line in river.Lines)
        {
            var along = new double[line.Length];
            for (var i = 1; i < line.Length; i++)
            {
                along[i] = along[i - 1] + Distance(line[i - 1], line[i]);
            }

            // Candidate middles: every vertex and every quarter of the label's length along the line.
            var step = Math.Max(length / 4, 1);
            var middles = along.Concat(Enumerable.Range(0, (int)(along[^1] / step) + 1).Select(k => k * step)).Order();
            foreach (var middle in middles)
            {
                var start = middle - length / 2;
                var end = middle + length / 2;
                if (start < 0 || end > along[^1])
                {
                    continue;
                }

                var first = PointAt(line, along, start);
                var last = PointAt(line, along, end);
                if (!Inside(first) || !Inside(last) || !StretchInside(line, along, start, end, Inside))
                {
                    continue;
                }

                var straightness = Distance(first, last) / length;
                var centre = ((first.X + last.X) / 2, (first.Y + last.Y) / 2);
                var room = near.NearestWithin(centre, clearance);
                var score = straightness + room / clearance;
                if (score > bestScore + 1e-9)
                {
                    bestScore = score;
                    var angle = Math.Atan2(last.Y - first.Y, last.X - first.X) * 180 / Math.PI;
                    angle = angle > 90 ? angle - 180 : angle <= -90 ? angle + 180 : angle;
                    best = new LabelSpot(Math.Round(centre.Item1, 1), Math.Round(centre.Item2, 1), Math.Round(angle));
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A spot for the name of an area (<paramref name="contains"/> tells whether a map point is in it): on a grid over the frame
    /// (minus its edge), the point inside the area that is farthest from <paramref name="avoid"/> and from the area's
    /// own border (approximated by the nearest grid point outside it) and the frame's edge, and outside
    /// <paramref name="keepOut"/> (the inset, the scale bar), with both ends of a label <paramref name="halfWidth"/> to
    /// each side in the area too; a label <paramref name="labelHeight"/> tall keeps its whole height clear. Null when no grid
    /// point inside the frame has room.
    /// </summary>
    public static LabelSpot? InArea(Func<(double X, double Y), bool> contains, MapFrame frame,
        IReadOnlyCollection<(double X, double Y)> avoid, int grid = 28, IReadOnlyList<MapFrame>? keepOut = null, double halfWidth = 0,
        double labelHeight = 0)
    {
        var inset = frame.Width * EdgeShare;
        var width = frame.Width - 2 * inset;
        var height = frame.Height - 2 * inset;
        var inside = new List<(double X, double Y)>();
        var outside = new List<(double X, double Y)>();
        for (var row = 0; row <= grid; row++)
        {
            for (var column = 0; column <= grid; column++)
            {
                var point = (frame.X + inset + width * column / grid, frame.Y + inset + height * row / grid);
                if (!contains(point))
                {
                    outside.Add(point);
                    continue;
                }

                var fits = !InAny(keepOut, point) && !InAny(keepOut, (point.Item1 - halfWidth, point.Item2)) &&
                    !InAny(keepOut, (point.Item1 + halfWidth, point.Item2)) &&
                    point.Item1 - halfWidth >= frame.X + inset && point.Item1 + halfWidth <= frame.X + frame.Width - inset &&
                    contains((point.Item1 - halfWidth, point.Item2)) && contains((point.Item1 + halfWidth, point.Item2));
                if (fits)
                {
                    inside.Add(point);
                }
            }
        }

        // The score is the least of three distances, so each nearest-point search only needs to look as far as the
        // smaller of the others (PointIndex answers min(cap, distance)): the same spot as a scan of every point.
        var cell = Math.Max(width, height) / grid;
        var border = new PointIndex(outside, cell);
        var content = new PointIndex(avoid, cell);
        var samples = Math.Max(3, (int)Math.Ceiling(halfWidth / (cell / 2)));
        LabelSpot? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var point in inside)
        {
            var fromEdge = Math.Min(Math.Min(point.Item1 - frame.X, frame.X + frame.Width - point.Item1),
                Math.Min(point.Item2 - frame.Y, frame.Y + frame.Height - point.Item2));
            var cap = outside.Count == 0 ? Math.Min(width, fromEdge) : border.NearestWithin(point, fromEdge);
            if (avoid.Count == 0)
            {
                cap = Math.Min(cap, width);
            }

            // Along the label's baseline, half a grid cell apart at most, so no marker hides between two samples.
            // The text stands on its baseline: rows at its foot, middle and top, if it has a height.
            for (var row = 0; row <= (labelHeight > 0 ? 2 : 0); row++)
            {
                for (var k = -samples; k <= samples && cap > bestScore + 1e-9; k++)
                {
                    cap = content.NearestWithin((point.Item1 + halfWidth * k / samples, point.Item2 - labelHeight * row / 2), cap);
                }
            }

            var score = cap;
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                best = new LabelSpot(Math.Round(point.Item1, 1), Math.Round(point.Item2, 1), 0);
            }
        }

        return best;
    }

    /// <summary>Even–odd point-in-polygon over every ring (holes and several parts included).</summary>
    public static bool Contains(IReadOnlyList<ImmutableArray<(double X, double Y)>> rings, (double X, double Y) point)
    {
        var inside = false;
        foreach (var ring in rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                if ((ring[i].Y > point.Y) != (ring[j].Y > point.Y) &&
                    point.X < (ring[j].X - ring[i].X) * (point.Y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>The corners a frame's furniture covers, as shares of its width and height, in map coordinates.</summary>
    public static MapFrame Corner(MapFrame frame, bool right, bool bottom, double widthShare, double heightShare)
    {
        var width = frame.Width * widthShare;
        var height = frame.Height * heightShare;
        return new MapFrame(right ? frame.X + frame.Width - width : frame.X, bottom ? frame.Y + frame.Height - height : frame.Y, width, height);
    }

    /// <summary>Whether every vertex strictly between <paramref name="start"/> and <paramref name="end"/> along the line is inside.</summary>
    private static bool StretchInside(ImmutableArray<(double X, double Y)> line, double[] along, double start, double end,
        Func<(double X, double Y), bool> inside)
    {
        var j = Array.BinarySearch(along, start);
        j = j < 0 ? ~j : j + 1;
        for (; j < line.Length && along[j] < end; j++)
        {
            if (along[j] > start && !inside(line[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InAny(IReadOnlyList<MapFrame>? rectangles, (double X, double Y) p) =>
        rectangles?.Any(r => p.X >= r.X && p.X <= r.X + r.Width && p.Y >= r.Y && p.Y <= r.Y + r.Height) == true;

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static (double X, double Y) PointAt(ImmutableArray<(double X, double Y)> line, double[] along, double at)
    {
        // The first vertex at or past `at` (along only grows).
        var i = Array.BinarySearch(along, at);
        if (i >= 0)
        {
            while (i > 0 && along[i - 1] >= at)
            {
                i--;
            }
        }
        else
        {
            i = ~i < along.Length ? ~i : -1;
        }

        if (i <= 0)
        {
            return line[Math.Max(i, 0)];
        }

        var t = (at - along[i - 1]) / (along[i] - along[i - 1]);
        return (line[i - 1].X + (line[i].X - line[i - 1].X) * t, line[i - 1].Y + (line[i].Y - line[i - 1].Y) * t);
    }
}
