using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Charts;

/// <summary>
/// Figures that can share one chart: same series key, same unit. A line when they span three or more years,
/// bars otherwise (one bar per figure, labelled by year, or by name when the years repeat).
/// </summary>
public sealed record ChartSeries(string Key, Unit Unit, ImmutableArray<ChartPoint> Points)
{
    public bool IsLine => Points.Select(p => p.Year).Distinct().Count() >= 3 && Points.Select(p => p.Year).Distinct().Count() == Points.Length;

    public bool LabelsAreYears => Points.Select(p => p.Year).Distinct().Count() == Points.Length;
}
