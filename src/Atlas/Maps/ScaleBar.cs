namespace Atlas.Maps;

/// <summary>
/// A scale bar in a map's frame: a round number of kilometres (<see cref="Kilometres"/>) drawn
/// <see cref="Length"/> map units long from (<see cref="X"/>, <see cref="Y"/>), its left end near the frame's bottom-left corner.
/// </summary>
public sealed record ScaleBar(double X, double Y, double Length, int Kilometres)
{
    /// <summary>The lengths a bar may show: round numbers a reader can divide in their head.</summary>
    public static readonly int[] RoundKilometres = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

    /// <summary>
    /// The longest round length no longer than <paramref name="share"/> of the frame's width, measured along the
    /// parallel through the frame's middle (the projection's east–west scale varies with latitude).
    /// </summary>
    public static ScaleBar For(MapFrame frame, MapProjection projection, double share = 0.22)
    {
        var kilometresPerUnit = projection.KilometresPerUnitAt(projection.LatitudeAt(frame.Y + frame.Height / 2));
        var most = frame.Width * share * kilometresPerUnit;
        var kilometres = RoundKilometres.LastOrDefault(k => k <= most, RoundKilometres[0]);
        var padding = frame.Width * 0.035;
        return new ScaleBar(Math.Round(frame.X + padding, 1), Math.Round(frame.Y + frame.Height - padding, 1),
            Math.Round(kilometres / kilometresPerUnit, 1), kilometres);
    }
}
