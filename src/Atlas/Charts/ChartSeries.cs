using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Charts;

/// <summary>
/// Every figure of one measure in one unit, with the charts drawn from them. A figure that is in no chart (the only
/// figure of its measure) is shown as a figure, never as a one-bar chart: <see cref="Uncharted"/>.
/// </summary>
public sealed record ChartSeries(string Measure, Unit Unit, ImmutableArray<ChartPoint> Points, ImmutableArray<Chart> Charts)
{
    public IEnumerable<ChartPoint> Uncharted => Points.Where(p => !Charts.Any(c => c.Contains(p.Figure)));

    /// <summary>
    /// Groups the figures of one measure and unit into charts.
    /// <list type="bullet">
    /// <item>Each subject with figures from two or more years gets a time series (one point per year).</item>
    /// <item>Two or more subjects get a comparison of each subject's latest figure. Not only the figures of the
    /// single latest year: the sources report different subjects in different years (one plan's tasks in 2020,
    /// another's in 2021), and a comparison of one year would drop most subjects, often leaving a single bar; each
    /// bar says its year when the years differ. A measure with both shapes gets both: the comparison says how the
    /// subjects stand, each time series how one subject moved.</item>
    /// <item>A chart needs two points; the rest are figures of their own.</item>
    /// </list>
    /// Two figures of one subject in one year (a result and a target) keep the first by figure id in a time series
    /// and in a comparison; the other is then a figure of its own. The output depends only on the points, not on
    /// their order.
    /// </summary>
    public static ChartSeries Group(string measure, Unit unit, IEnumerable<ChartPoint> figures)
    {
        var points = figures.OrderBy(p => p.Year).ThenBy(p => p.Figure).ToImmutableArray();
        var charts = ImmutableArray.CreateBuilder<Chart>();
        var bySubject = points.GroupBy(p => p.SubjectOrSelf).OrderBy(g => g.Key).ToList();

        if (bySubject.Count >= 2)
        {
            var latest = bySubject
                .Select(g => g.OrderByDescending(p => p.Year).ThenBy(p => p.Figure).First())
                .OrderByDescending(p => p.Value).ThenBy(p => p.SubjectOrSelf)
                .ToImmutableArray();
            charts.Add(new Chart(measure, unit, ChartShape.Comparison, null, latest));
        }

        foreach (var subject in bySubject)
        {
            var perYear = subject.GroupBy(p => p.Year).Select(y => y.OrderBy(p => p.Figure).First()).OrderBy(p => p.Year).ToImmutableArray();
            if (perYear.Length >= 2)
            {
                charts.Add(new Chart(measure, unit, ChartShape.TimeSeries, subject.Key, perYear));
            }
        }

        return new ChartSeries(measure, unit, points, charts.ToImmutable());
    }
}
