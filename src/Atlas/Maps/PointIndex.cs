namespace Atlas.Maps;

/// <summary>
/// Points bucketed in a square grid, for "how far is the nearest of them, up to a cap" asked many times over: only the
/// cells within the cap are looked at, so the answer costs what lies near the query, not every point. The answer is
/// exactly min(cap, the true distance), so a caller that takes a minimum with the cap anyway gets the same result as a
/// scan over every point.
/// </summary>
public sealed class PointIndex
{
    private readonly double _cell;
    private readonly Dictionary<(int, int), List<(double X, double Y)>> _cells = [];

    public PointIndex(IEnumerable<(double X, double Y)> points, double cell)
    {
        _cell = cell > 0 ? cell : 1;
        foreach (var point in points)
        {
            Add(point);
        }
    }

    public int Count { get; private set; }

    public void Add((double X, double Y) point)
    {
        var key = KeyOf(point);
        if (!_cells.TryGetValue(key, out var list))
        {
            _cells[key] = list = [];
        }

        list.Add(point);
        Count++;
    }

    /// <summary>The distance from <paramref name="point"/> to the nearest indexed point, or <paramref name="cap"/> if none is nearer.</summary>
    public double NearestWithin((double X, double Y) point, double cap)
    {
        if (Count == 0 || cap <= 0)
        {
            return cap;
        }

        var reach = (int)Math.Ceiling(cap / _cell);
        var (cx, cy) = KeyOf(point);
        var cells = (2L * reach + 1) * (2L * reach + 1);
        var best = cap * cap;
        if (cells > _cells.Count)
        {
            // A cap wider than the points' spread: a scan of the buckets is cheaper than of the empty cells.
            foreach (var list in _cells.Values)
            {
                best = Nearest(list, point, best);
            }
        }
        else
        {
            for (var x = cx - reach; x <= cx + reach; x++)
            {
                for (var y = cy - reach; y <= cy + reach; y++)
                {
                    if (_cells.TryGetValue((x, y), out var list))
                    {
                        best = Nearest(list, point, best);
                    }
                }
            }
        }

        return Math.Min(cap, Math.Sqrt(best));
    }

    private static double Nearest(List<(double X, double Y)> list, (double X, double Y) point, double best)
    {
        foreach (var p in list)
        {
            var d = (p.X - point.X) * (p.X - point.X) + (p.Y - point.Y) * (p.Y - point.Y);
            if (d < best)
            {
                best = d;
            }
        }

        return best;
    }

    private (int, int) KeyOf((double X, double Y) point) => ((int)Math.Floor(point.X / _cell), (int)Math.Floor(point.Y / _cell));
}
