using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Charts;

/// <summary>
/// Figures that can share one chart: same series key, same unit. A line over the years when there are three or
/// more figures, one per year; otherwise bars, one per figure, labelled with the figure's name.
/// </summary>
public sealed record ChartSeries(string Key, Unit Unit, ImmutableArray<ChartPoint> Points)
{
    public bool IsLine => Points.Length >= 3 && Points.Select(p => p.Year).Distinct().Count() == Points.Length;
}
