using Atlas.Charts;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Tests.Support;

namespace Atlas.Tests.Charts;

/// <summary>The charts each figure of the shipped atlas is drawn in (<see cref="ChartData.ChartsOf"/>), found from an index built once.</summary>
public sealed class ChartDataTests
{
    [Fact]
    public void Each_figure_gets_exactly_the_charts_that_draw_it_in_chart_order()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));
        var charts = new ChartData(site!.Model);
        var all = charts.Charts.ToList();

        // Figures in a chart and figures on their own alike (a lone figure is in none).
        Assert.Contains(site.Model.Entities, e => charts.ChartsOf(e.Id).Any());
        Assert.Contains(charts.Uncharted, p => !charts.ChartsOf(p.Figure).Any());
        foreach (var entity in site.Model.Entities)
        {
            var drawing = all.Where(c => c.Points.Any(p => p.Figure == entity.Id)).ToList();
            Assert.Equal(drawing, charts.ChartsOf(entity.Id).ToList());
        }
    }
}
