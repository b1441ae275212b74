using System.Globalization;

namespace Atlas.Charts;

/// <summary>
/// Where a chart's marks go. Charts are drawn at the page's own scale (no viewBox), so their text is the size the
/// style sheet says on any screen: a time series places its points by percentage across the width and by pixels
/// down a fixed height; a comparison's bars are a percentage of their row, at most <see cref="BarShare"/> of it so
/// the value label has room at the bar's end.
/// </summary>
public static class ChartLayout
{
    /// <summary>The longest bar's share of its row, in percent; the rest is the value label's.</summary>
    public const decimal BarShare = 60m;

    /// <summary>The height of a time series in CSS pixels, its plot between <see cref="PlotTop"/> and <see cref="PlotBottom"/>.</summary>
    public const int LineHeight = 190;

    /// <summary>Room above the highest point for its value label.</summary>
    public const int PlotTop = 36;

    /// <summary>The baseline (zero); the years are written under it.</summary>
    public const int PlotBottom = 150;

    public const int YearLabelY = 174;

    /// <summary>The first and last years' distance from the edges, in percent of the width.</summary>
    private const decimal Margin = 9m;

    /// <summary>A bar's length in percent of its row: its value's share of the largest (negative values by their size).</summary>
    public static string BarWidth(decimal value, decimal largest)
    {
        var share = largest == 0 ? 0 : Math.Abs(value) / largest * BarShare;
        return Percent(Math.Max(share, 0.5m)); // a zero still shows a sliver, so the row does not look empty
    }

    /// <summary>A year's position across a time series, in percent: proportional to time, so uneven gaps look uneven.</summary>
    public static string X(int year, int first, int last) =>
        Percent(last == first ? 50m : Margin + (100m - 2 * Margin) * (year - first) / (last - first));

    /// <summary>A value's height in a time series, in pixels from the top; the axis starts at zero (or the lowest negative value).</summary>
    public static string Y(decimal value, decimal lowest, decimal highest) => Pixels(Height(value, lowest, highest));

    /// <summary>
    /// Where the value label of point <paramref name="index"/> of a time series sits: just above the point, or just
    /// below it when a neighbour is higher by less than a line of text (their labels would touch: 300 and 343 on one
    /// chart), unless that would reach the years under the baseline.
    /// </summary>
    public static string LabelY(IReadOnlyList<decimal> values, int index)
    {
        var lowest = values.Min();
        var highest = values.Max();
        var height = Height(values[index], lowest, highest);
        var crowded = new[] { index - 1, index + 1 }
            .Where(j => j >= 0 && j < values.Count)
            .Select(j => Height(values[j], lowest, highest))
            .Any(neighbour => neighbour < height && height - neighbour < LabelSpacing);
        return Pixels(crowded && height + Below < PlotBottom - 2 ? height + Below : height - Above);
    }

    /// <summary>A label's baseline above its point, and below it (the text hangs under its baseline's height).</summary>
    private const decimal Above = 12m;

    private const decimal Below = 22m;

    /// <summary>Labels of neighbouring points closer than this in height (a 13 px line and some air) would touch.</summary>
    private const decimal LabelSpacing = 20m;

    /// <summary>The zero line's height, in pixels from the top.</summary>
    public static string Baseline(decimal lowest, decimal highest) => Y(0m, lowest, highest);

    /// <summary>How a point's value label is anchored: the first and last points' labels run inward, so they stay inside the chart.</summary>
    public static string Anchor(int index, int count) => index == 0 && count > 1 ? "start" : index == count - 1 && count > 1 ? "end" : "middle";

    private static decimal Height(decimal value, decimal lowest, decimal highest)
    {
        var low = Math.Min(lowest, 0m);
        var high = Math.Max(highest, 0m);
        var range = high - low == 0 ? 1m : high - low;
        return PlotBottom - (PlotBottom - PlotTop) * (value - low) / range;
    }

    private static string Percent(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Pixels(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
