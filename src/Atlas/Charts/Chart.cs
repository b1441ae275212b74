using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Charts;

/// <summary>What a chart shows: one subject over the years, or several subjects side by side.</summary>
public enum ChartShape
{
    /// <summary>One subject's figures over the years: a line, years along the x-axis, each point labelled.</summary>
    TimeSeries,

    /// <summary>Subjects side by side: horizontal bars sorted by value, each with its full label and its value.</summary>
    Comparison,
}

/// <summary>
/// One drawn chart: figures of one measure in one unit, at least two of them. A time series has its
/// <paramref name="Subject"/> and its points in year order; a comparison has one point per subject, largest first.
/// </summary>
public sealed record Chart(string Measure, Unit Unit, ChartShape Shape, EntityId? Subject, ImmutableArray<ChartPoint> Points)
{
    /// <summary>Whether the points come from more than one year (a comparison then labels each bar with its year).</summary>
    public bool MixesYears => Points.Select(p => p.Year).Distinct().Count() > 1;

    public bool Contains(EntityId figure) => Points.Any(p => p.Figure == figure);
}
