namespace Atlas.Maps;

/// <summary>
/// Map boxes and circles filed in a square grid, for "does anything placed so far overlap this?" asked many times over
/// while markers and labels are placed: each shape is filed in every cell its bounds touch, and a query looks only at
/// the shapes in the cells its own bounds touch. Two shapes that overlap have overlapping bounds, so they share a
/// cell: the answer is exactly that of a test against every shape, at a cost that depends on what lies near, not on
/// how many there are (a main map with thousands of markers).
/// </summary>
public sealed class OverlapGrid
{
    private readonly double _cell;
    private readonly Dictionary<(long, long), List<MapBox>> _boxes = [];
    private readonly Dictionary<(long, long), List<MapCircle>> _circles = [];

    /// <param name="cell">The cells' side in map units: about the size of the shapes filed (a marker's hit circle, a label).</param>
    public OverlapGrid(double cell) => _cell = cell > 0 ? cell : 1;

    public void Add(MapBox box) => File(_boxes, box, Bounds(box));

    public void Add(MapCircle circle) => File(_circles, circle, Bounds(circle));

    /// <summary>Whether any filed box or circle overlaps <paramref name="circle"/> (<see cref="MapCircle.Overlaps"/>, <see cref="MapBox.Overlaps(MapCircle)"/>).</summary>
    public bool Overlaps(MapCircle circle)
    {
        var (x0, y0, x1, y1) = Cells(Bounds(circle));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_circles.TryGetValue((x, y), out var circles) && circles.Exists(c => c.Overlaps(circle)) ||
                    _boxes.TryGetValue((x, y), out var boxes) && boxes.Exists(b => b.Overlaps(circle)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether any filed box or circle overlaps <paramref name="box"/>.</summary>
    public bool Overlaps(MapBox box)
    {
        var (x0, y0, x1, y1) = Cells(box);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_boxes.TryGetValue((x, y), out var boxes) && boxes.Exists(b => b.Overlaps(box)) ||
                    _circles.TryGetValue((x, y), out var circles) && circles.Exists(box.Overlaps))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static MapBox Bounds(MapCircle circle) => new(circle.X - circle.Radius, circle.Y - circle.Radius, 2 * circle.Radius, 2 * circle.Radius);

    private static MapBox Bounds(MapBox box) => box;

    private (long X0, long Y0, long X1, long Y1) Cells(MapBox bounds) =>
        ((long)Math.Floor(bounds.X / _cell), (long)Math.Floor(bounds.Y / _cell),
         (long)Math.Floor(bounds.Right / _cell), (long)Math.Floor(bounds.Bottom / _cell));

    private void File<T>(Dictionary<(long, long), List<T>> cells, T shape, MapBox bounds)
    {
        var (x0, y0, x1, y1) = Cells(bounds);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (!cells.TryGetValue((x, y), out var list))
                {
                    cells[(x, y)] = list = [];
                }

                list.Add(shape);
            }
        }
    }
}
