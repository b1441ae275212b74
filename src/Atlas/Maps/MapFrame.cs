namespace Atlas.Maps;

/// <summary>
/// A rectangle in base-map coordinates: what a map view shows (its SVG viewBox). The main map frames what the content
/// places on the map, not the whole of both provinces, so the economic circle fills the view.
/// </summary>
public sealed record MapFrame(double X, double Y, double Width, double Height)
{
    /// <summary>The share of the frame's width added on each side, so markers and labels at the edge stay inside.</summary>
    public const double Margin = 0.08;

    /// <summary>
    /// The bounding box of <paramref name="points"/> plus <see cref="Margin"/>, widened to at least
    /// <paramref name="minimumWidth"/> and to an aspect ratio no taller than <paramref name="maxHeightRatio"/> × width
    /// (a tall narrow frame reads badly on a wide screen), kept inside the base map where it can be.
    /// </summary>
    public static MapFrame Around(IEnumerable<(double X, double Y)> points, double baseWidth, double baseHeight,
        double minimumWidth = 120, double maxHeightRatio = 0.9)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return new MapFrame(0, 0, baseWidth, baseHeight);
        }

        double minX = list.Min(p => p.X), maxX = list.Max(p => p.X), minY = list.Min(p => p.Y), maxY = list.Max(p => p.Y);
        var width = Math.Max(maxX - minX, minimumWidth);
        var height = maxY - minY;
        var margin = Math.Max(width, height) * Margin;
        width += 2 * margin;
        height += 2 * margin;
        height = Math.Max(height, width * 0.5);
        width = Math.Max(width, height / maxHeightRatio);
        var x = (minX + maxX) / 2 - width / 2;
        var y = (minY + maxY) / 2 - height / 2;
        x = Math.Clamp(x, Math.Min(0, baseWidth - width), Math.Max(0, baseWidth - width));
        y = Math.Clamp(y, Math.Min(0, baseHeight - height), Math.Max(0, baseHeight - height));
        return new MapFrame(Math.Round(x, 1), Math.Round(y, 1), Math.Round(width, 1), Math.Round(height, 1));
    }

    /// <summary>Whether a map point lies in the rectangle (edges included).</summary>
    public bool Contains(double x, double y) => x >= X && x <= X + Width && y >= Y && y <= Y + Height;

    /// <summary>The frame as an SVG viewBox value.</summary>
    public string ViewBox => string.Join(' ', new[] { X, Y, Width, Height }.Select(BaseMap.Format));
}
