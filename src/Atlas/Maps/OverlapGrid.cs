namespace Atlas.Maps;

/// <summary>
/// Map boxes and circles filed in a square grid, for "does anything placed so far overlap this?" asked many times over
/// while markers and labels are placed: each shape is filed in every cell its bounds touch, and a query looks only at
/// the shapes in the cells its own bounds touch. Two shapes that overlap have overlapping bounds, so they share a
/// cell: the answer is exactly that of a test against every shape, at a cost that depends on what lies near, not on
/// how many there are (a main map with thousands of markers). The queries loop rather than call a lambda: they are
/// asked hundreds of thousands of times on a crowded map, and a closure per question is garbage per question.
/// </summary>
public sealed class OverlapGrid
{
    /// <summary>Up to this many shapes, a question looks at every one of them and nothing is filed in cells: a
    /// locator's dozen labels and markers are answered faster by a short scan than by a grid, and without the grid's
    /// dictionaries and lists, garbage made for each of a large site's thousands of locators.</summary>
    public const int ScanLimit = 48;

    private readonly double _cell;
    private readonly List<MapBox> _allBoxes = [];
    private readonly List<MapCircle> _allCircles = [];
    private Dictionary<(long, long), List<MapBox>>? _boxes;
    private Dictionary<(long, long), List<MapCircle>>? _circles;

    /// <param name="cell">The cells' side in map units: about the size of the shapes filed (a marker's hit circle, a label).</param>
    public OverlapGrid(double cell) => _cell = cell > 0 ? cell : 1;

    public void Add(MapBox box)
    {
        _allBoxes.Add(box);
        if (_boxes is not null)
        {
            File(_boxes, box, Bounds(box));
        }
        else
        {
            FileAllWhenMany();
        }
    }

    public void Add(MapCircle circle)
    {
        _allCircles.Add(circle);
        if (_circles is not null)
        {
            File(_circles, circle, Bounds(circle));
        }
        else
        {
            FileAllWhenMany();
        }
    }

    /// <summary>Past <see cref="ScanLimit"/> shapes, files them all in cells; later shapes are filed as they come.</summary>
    private void FileAllWhenMany()
    {
        if (_allBoxes.Count + _allCircles.Count <= ScanLimit)
        {
            return;
        }

        _boxes = [];
        _circles = [];
        foreach (var box in _allBoxes)
        {
            File(_boxes, box, Bounds(box));
        }

        foreach (var circle in _allCircles)
        {
            File(_circles, circle, Bounds(circle));
        }
    }

    /// <summary>Whether any filed box or circle overlaps <paramref name="circle"/> (<see cref="MapCircle.Overlaps"/>, <see cref="MapBox.Overlaps(MapCircle)"/>).</summary>
    public bool Overlaps(MapCircle circle)
    {
        if (_boxes is null || _circles is null)
        {
            foreach (var other in _allCircles)
            {
                if (other.Overlaps(circle))
                {
                    return true;
                }
            }

            foreach (var other in _allBoxes)
            {
                if (other.Overlaps(circle))
                {
                    return true;
                }
            }

            return false;
        }

        var (x0, y0, x1, y1) = Cells(Bounds(circle));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_circles.TryGetValue((x, y), out var circles))
                {
                    foreach (var other in circles)
                    {
                        if (other.Overlaps(circle))
                        {
                            return true;
                        }
                    }
                }

                if (_boxes.TryGetValue((x, y), out var boxes))
                {
                    foreach (var other in boxes)
                    {
                        if (other.Overlaps(circle))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether any filed box or circle overlaps <paramref name="box"/>.</summary>
    public bool Overlaps(MapBox box)
    {
        if (_boxes is null || _circles is null)
        {
            foreach (var other in _allBoxes)
            {
                if (other.Overlaps(box))
                {
                    return true;
                }
            }

            foreach (var other in _allCircles)
            {
                if (box.Overlaps(other))
                {
                    return true;
                }
            }

            return false;
        }

        var (x0, y0, x1, y1) = Cells(box);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_boxes.TryGetValue((x, y), out var boxes))
                {
                    foreach (var other in boxes)
                    {
                        if (other.Overlaps(box))
                        {
                            return true;
                        }
                    }
                }

                if (_circles.TryGetValue((x, y), out var circles))
                {
                    foreach (var other in circles)
                    {
                        if (box.Overlaps(other))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>How many filed boxes and circles overlap <paramref name="box"/>, each counted once (in the first of the
    /// query's cells that it was filed in).</summary>
    public (int Boxes, int Circles) Crowding(MapBox box)
    {
        int boxCount = 0, circleCount = 0;
        if (_boxes is null || _circles is null)
        {
            foreach (var other in _allBoxes)
            {
                boxCount += other.Overlaps(box) ? 1 : 0;
            }

            foreach (var other in _allCircles)
            {
                circleCount += box.Overlaps(other) ? 1 : 0;
            }

            return (boxCount, circleCount);
        }

        var (x0, y0, x1, y1) = Cells(box);
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                if (_boxes.TryGetValue((x, y), out var boxes))
                {
                    foreach (var other in boxes)
                    {
                        if (FirstShared(Cells(other), x, y, x0, y0) && other.Overlaps(box))
                        {
                            boxCount++;
                        }
                    }
                }

                if (_circles.TryGetValue((x, y), out var circles))
                {
                    foreach (var other in circles)
                    {
                        if (FirstShared(Cells(Bounds(other)), x, y, x0, y0) && box.Overlaps(other))
                        {
                            circleCount++;
                        }
                    }
                }
            }
        }

        return (boxCount, circleCount);
    }

    /// <summary>Whether cell (x, y) is the first cell, in the query's scan order, that a shape filed in
    /// <paramref name="shape"/>'s cells shares with the query starting at (x0, y0).</summary>
    private static bool FirstShared((long X0, long Y0, long X1, long Y1) shape, long x, long y, long x0, long y0) =>
        x == Math.Max(shape.X0, x0) && y == Math.Max(shape.Y0, y0);

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
