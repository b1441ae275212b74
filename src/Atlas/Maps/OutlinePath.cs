using System.Text;

namespace Atlas.Maps;

/// <summary>
/// A unit's outline as compact SVG path data for a locator's highlight: simplified to what a small map can show
/// (Douglas–Peucker within <c>tolerance</c> map units) and written in relative steps, so the one path a page carries
/// inline costs little; the boundaries themselves come from the shared base map.
/// </summary>
public static class OutlinePath
{
    public static string Of(GeoRegion region, MapProjection projection, double tolerance = 0.3)
    {
        var data = new StringBuilder();
        foreach (var ring in region.Rings)
        {
            var points = Simplify([.. ring.Select(p => projection.Project(p))], tolerance);
            if (points.Count < 3)
            {
                continue; // an islet smaller than the tolerance: invisible at a locator's scale
            }

            // Steps between rounded positions (tenths of a unit, as integers) so rounding does not accumulate.
            var (px, py) = (Tenths(points[0].X), Tenths(points[0].Y));
            data.Append('M').Append(Format(px)).Append(',').Append(Format(py)).Append('l');
            for (var i = 1; i < points.Count; i++)
            {
                var (x, y) = (Tenths(points[i].X), Tenths(points[i].Y));
                if (x == px && y == py)
                {
                    continue;
                }

                if (data[^1] != 'l')
                {
                    data.Append(x - px >= 0 ? " " : "");
                }

                data.Append(Format(x - px)).Append(y - py >= 0 ? "," : "").Append(Format(y - py));
                (px, py) = (x, y);
            }

            data.Append('z');
        }

        return data.ToString();
    }

    private static long Tenths(double value) => (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);

    /// <summary>Tenths as the shortest decimal: 12 → "1.2", -5 → "-.5", 30 → "3".</summary>
    private static string Format(long tenths)
    {
        var sign = tenths < 0 ? "-" : "";
        var abs = Math.Abs(tenths);
        var (whole, fraction) = (abs / 10, abs % 10);
        return fraction == 0 ? sign + whole : whole == 0 ? $"{sign}.{fraction}" : $"{sign}{whole}.{fraction}";
    }

    /// <summary>Douglas–Peucker on a closed ring (its first and last point are kept).</summary>
    public static List<(double X, double Y)> Simplify(IReadOnlyList<(double X, double Y)> ring, double tolerance)
    {
        if (ring.Count <= 3)
        {
            return [.. ring];
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        // A closed ring's first and last points coincide: split it at its farthest point from the start as well.
        var far = Enumerable.Range(1, ring.Count - 2).MaxBy(i => Distance2(ring[i], ring[0]));
        keep[far] = true;
        var stack = new Stack<(int From, int To)>([(0, far), (far, ring.Count - 1)]);
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (worst, worstDistance) = (-1, tolerance);
            for (var i = from + 1; i < to; i++)
            {
                var distance = SegmentDistance(ring[i], ring[from], ring[to]);
                if (distance > worstDistance)
                {
                    (worst, worstDistance) = (i, distance);
                }
            }

            if (worst > 0)
            {
                keep[worst] = true;
                stack.Push((from, worst));
                stack.Push((worst, to));
            }
        }

        return [.. ring.Where((_, i) => keep[i])];
    }

    private static double Distance2((double X, double Y) a, (double X, double Y) b) =>
        (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y);

    private static double SegmentDistance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var length2 = Distance2(a, b);
        if (length2 == 0)
        {
            return Math.Sqrt(Distance2(p, a));
        }

        var t = Math.Clamp(((p.X - a.X) * (b.X - a.X) + (p.Y - a.Y) * (b.Y - a.Y)) / length2, 0, 1);
        return Math.Sqrt(Distance2(p, (a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y))));
    }
}
