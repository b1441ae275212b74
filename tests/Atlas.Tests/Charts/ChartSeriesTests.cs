using Atlas.Charts;
using Atlas.Model;

namespace Atlas.Tests.Charts;

/// <summary>How the figures of one measure become charts (<see cref="ChartSeries.Group"/>): time series per subject,
/// a comparison across subjects, single figures left as figures.</summary>
public sealed class ChartSeriesTests
{
    private static readonly Unit Cars = Unit.Parse("万辆");

    private static ChartPoint Point(string figure, string? subject, int year, decimal value) =>
        new(new EntityId("indicators", figure), subject is null ? null : new EntityId("cities", subject), year, value);

    [Fact]
    public void One_subject_over_the_years_is_a_time_series_in_year_order()
    {
        var series = ChartSeries.Group("output", Cars, [Point("b", "chengdu", 2024, 343), Point("a", "chengdu", 2020, 300), Point("c", "chengdu", 2022, 320)]);

        var chart = Assert.Single(series.Charts);
        Assert.Equal(ChartShape.TimeSeries, chart.Shape);
        Assert.Equal(new EntityId("cities", "chengdu"), chart.Subject);
        Assert.Equal([2020, 2022, 2024], chart.Points.Select(p => p.Year));
        Assert.Empty(series.Uncharted);
    }

    [Fact]
    public void Several_subjects_in_one_year_are_a_comparison_largest_first()
    {
        var series = ChartSeries.Group("growth", Unit.Parse("%"), [Point("s", "sichuan", 2024, 6.6m), Point("c", "chongqing", 2024, 7.3m), Point("d", "deyang", 2024, 8.1m)]);

        var chart = Assert.Single(series.Charts);
        Assert.Equal(ChartShape.Comparison, chart.Shape);
        Assert.Null(chart.Subject);
        Assert.Equal(["d", "c", "s"], chart.Points.Select(p => p.Figure.Slug));
        Assert.False(chart.MixesYears);
    }

    [Fact]
    public void A_comparison_takes_each_subjects_latest_figure_and_says_when_years_differ()
    {
        var series = ChartSeries.Group("tasks", Unit.Parse("项"), [Point("joint", "a", 2020, 37), Point("port", "b", 2021, 14), Point("equipment", "c", 2021, 9)]);

        var chart = Assert.Single(series.Charts);
        Assert.Equal(ChartShape.Comparison, chart.Shape);
        Assert.Equal(["joint", "port", "equipment"], chart.Points.Select(p => p.Figure.Slug));
        Assert.True(chart.MixesYears);
    }

    [Fact]
    public void A_measure_with_both_shapes_gets_the_comparison_and_a_time_series_per_subject_with_two_years()
    {
        var series = ChartSeries.Group("output", Cars,
        [
            Point("cd-2020", "chengdu", 2020, 100), Point("cd-2024", "chengdu", 2024, 150),
            Point("cq-2024", "chongqing", 2024, 200),
            Point("dy-2021", "deyang", 2021, 20), Point("dy-2023", "deyang", 2023, 30),
        ]);

        Assert.Equal([ChartShape.Comparison, ChartShape.TimeSeries, ChartShape.TimeSeries], series.Charts.Select(c => c.Shape));
        var comparison = series.Charts[0];
        Assert.Equal(["cq-2024", "cd-2024", "dy-2023"], comparison.Points.Select(p => p.Figure.Slug));
        Assert.Equal([new EntityId("cities", "chengdu"), new EntityId("cities", "deyang")], series.Charts.Skip(1).Select(c => c.Subject!.Value));
        Assert.Equal(["cd-2020", "cd-2024"], series.Charts[1].Points.Select(p => p.Figure.Slug));
        Assert.Empty(series.Uncharted); // every figure is in a chart: the older ones in their subject's time series
    }

    [Fact]
    public void A_single_figure_is_no_chart()
    {
        var series = ChartSeries.Group("gdp", Unit.Parse("亿元"), [Point("gdp-2023", "circle", 2023, 81986.67m)]);

        Assert.Empty(series.Charts);
        Assert.Equal("gdp-2023", Assert.Single(series.Uncharted).Figure.Slug);
    }

    [Fact]
    public void Two_figures_of_one_subject_and_year_make_no_one_point_chart()
    {
        // A result and a target of the same year: neither a time series (one year) nor a comparison (one subject).
        var series = ChartSeries.Group("output", Cars, [Point("result", "chengdu", 2025, 10), Point("target", "chengdu", 2025, 12)]);

        Assert.Empty(series.Charts);
        Assert.Equal(2, series.Uncharted.Count());
    }

    [Fact]
    public void Figures_without_a_subject_stand_for_themselves_and_are_compared()
    {
        var series = ChartSeries.Group("piles", Unit.Parse("个"), [Point("x", null, 2025, 745), Point("y", null, 2025, 204)]);

        var chart = Assert.Single(series.Charts);
        Assert.Equal(ChartShape.Comparison, chart.Shape);
        Assert.Equal(["x", "y"], chart.Points.Select(p => p.Figure.Slug));
    }

    [Fact]
    public void The_grouping_does_not_depend_on_the_order_of_the_figures()
    {
        ChartPoint[] points =
        [
            Point("cd-2020", "chengdu", 2020, 100), Point("cd-2024", "chengdu", 2024, 150), Point("cq-2024", "chongqing", 2024, 150),
            Point("dy-2021", "deyang", 2021, 20),
        ];
        static string Shape(ChartSeries s) => string.Join(" | ", s.Charts.Select(c => $"{c.Shape}:{string.Join(",", c.Points.Select(p => p.Figure.Slug))}"));

        var expected = Shape(ChartSeries.Group("m", Cars, points));
        Assert.Equal(expected, Shape(ChartSeries.Group("m", Cars, points.Reverse())));
        Assert.Equal(expected, Shape(ChartSeries.Group("m", Cars, [points[2], points[0], points[3], points[1]])));
        Assert.Equal("Comparison:cd-2024,cq-2024,dy-2021 | TimeSeries:cd-2020,cd-2024", expected); // equal values: by subject
    }
}
