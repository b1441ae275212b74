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

    [Fact]
    public void A_value_label_goes_under_its_point_only_when_a_higher_neighbours_label_would_touch_it()
    {
        // 300 and 343 of 343: 14 px apart, so the lower one's label goes below it; the higher one's stays above.
        decimal[] close = [300, 343];
        Assert.Equal("72.3", ChartLayout.LabelY(close, 0)); // point at 50.3 px, label 22 px under it
        Assert.Equal("24", ChartLayout.LabelY(close, 1));   // point at 36 px, label 12 px over it

        // 2, 4, 8, 10: neighbours 23 px or more apart, every label above its point.
        decimal[] apart = [2, 4, 8, 10];
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(
            decimal.Parse(ChartLayout.LabelY(apart, i), System.Globalization.CultureInfo.InvariantCulture) <
            decimal.Parse(ChartLayout.Y(apart[i], 2, 10), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
