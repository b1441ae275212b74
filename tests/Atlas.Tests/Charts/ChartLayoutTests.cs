using Atlas.Charts;

namespace Atlas.Tests.Charts;

/// <summary>Where <see cref="ChartLayout"/> puts a chart's marks: bars leave room for their value, years keep their gaps.</summary>
public sealed class ChartLayoutTests
{
    [Fact]
    public void The_longest_bar_leaves_room_for_its_value_and_others_are_in_proportion()
    {
        Assert.Equal("60%", ChartLayout.BarWidth(37, 37));
        Assert.Equal("30%", ChartLayout.BarWidth(18.5m, 37));
        Assert.Equal("0.5%", ChartLayout.BarWidth(0, 37)); // a zero still shows
        Assert.Equal("60%", ChartLayout.BarWidth(-5, 5));
    }

    [Fact]
    public void Years_are_placed_by_time_so_uneven_gaps_look_uneven()
    {
        Assert.Equal("9%", ChartLayout.X(2020, 2020, 2025));
        Assert.Equal("91%", ChartLayout.X(2025, 2020, 2025));
        Assert.Equal("25.4%", ChartLayout.X(2021, 2020, 2025));
        Assert.Equal("58.2%", ChartLayout.X(2023, 2020, 2025));
    }

    [Fact]
    public void Values_rise_from_a_zero_baseline_and_edge_labels_run_inward()
    {
        Assert.Equal(ChartLayout.PlotBottom.ToString(), ChartLayout.Baseline(2, 10));
        Assert.Equal(ChartLayout.PlotTop.ToString(), ChartLayout.Y(10, 2, 10));
        Assert.Equal(["start", "middle", "end"], Enumerable.Range(0, 3).Select(i => ChartLayout.Anchor(i, 3)));
    }
}
