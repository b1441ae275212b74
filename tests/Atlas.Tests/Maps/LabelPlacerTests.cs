using Atlas.Maps;

namespace Atlas.Tests.Maps;

public sealed class LabelPlacerTests
{
    private static readonly MapBox Frame = new(0, 0, 200, 100);

    private static LabelRequest Label(string id, double x, double y, int priority = 1, bool required = false, string text = "Label") =>
        new(id, text, x, y, FontSize: 5, Clearance: 3, priority, required);

    [Fact]
    public void Width_counts_cjk_as_one_em_and_latin_and_digits_as_about_half()
    {
        Assert.Equal(30, LabelPlacer.Width("成都市", 10), 6);
        Assert.Equal(5.5 * 7, LabelPlacer.Width("Chengdu", 10), 6);
        Assert.Equal(5.5 * 3, LabelPlacer.Width("G93", 10), 6);
    }

    [Fact]
    public void The_first_choice_is_to_the_right_of_the_point_clear_of_its_marker()
    {
        var placed = Assert.Single(LabelPlacer.Place([Label("a", 50, 50)], [new MapCircle(50, 50, 3)], Frame));

        Assert.Equal(LabelAnchor.Start, placed.Anchor);
        Assert.True(placed.X > 53);
        Assert.False(placed.Box.Overlaps(new MapCircle(50, 50, 3)));
    }

    [Fact]
    public void Labels_of_crowded_points_never_overlap_each_other_markers_or_the_frame()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Label($"p{i}", 10 + (i * 37 % 180), 8 + (i * 23 % 85), priority: i % 4)).ToList();
        var markers = rows.Select(r => new MapCircle(r.X, r.Y, 3)).ToList();
        var placed = LabelPlacer.Place(rows, markers, Frame);

        Assert.NotEmpty(placed);
        Assert.True(placed.Length < rows.Count, "some labels cannot be placed in so little room");
        for (var i = 0; i < placed.Length; i++)
        {
            Assert.True(placed[i].Box.Inside(Frame));
            Assert.All(markers, m => Assert.False(placed[i].Box.Overlaps(m), $"{placed[i].Id} covers a marker"));
            for (var j = i + 1; j < placed.Length; j++)
            {
                Assert.False(placed[i].Box.Overlaps(placed[j].Box), $"{placed[i].Id} overlaps {placed[j].Id}");
            }
        }
    }

    [Fact]
    public void The_more_important_label_wins_and_the_other_is_left_out()
    {
        // Two points side by side in a low frame: a long label fits only to the right of either, and only once.
        var frame = new MapBox(0, 0, 60, 12);
        var low = Label("low", 20, 6, priority: 5, text: "LongerLabel");
        var high = Label("high", 21, 6, priority: 0, text: "LongerLabel");
        var placed = LabelPlacer.Place([low, high], [], frame);

        Assert.Equal("high", Assert.Single(placed).Id);
    }

    [Fact]
    public void A_label_that_fits_nowhere_is_left_out_but_a_required_one_is_always_placed()
    {
        var walls = new List<MapCircle>();
        for (var x = 0; x <= 200; x += 4)
        {
            for (var y = 0; y <= 100; y += 4)
            {
                if (Math.Abs(x - 100) + Math.Abs(y - 50) > 2)
                {
                    walls.Add(new MapCircle(x, y, 2.5));
                }
            }
        }

        Assert.Empty(LabelPlacer.Place([Label("optional", 100, 50)], walls, Frame));
        Assert.Equal("required", Assert.Single(LabelPlacer.Place([Label("required", 100, 50, required: true)], walls, Frame)).Id);
    }

    [Fact]
    public void Placement_is_deterministic_and_respects_labels_placed_before()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Label($"p{i}", 10 + (i * 41 % 180), 8 + (i * 29 % 85), priority: i % 3)).ToList();
        Assert.Equal(LabelPlacer.Place(rows, [], Frame).ToList(), LabelPlacer.Place(rows, [], Frame).ToList());

        var taken = new MapBox(50, 40, 30, 20);
        Assert.All(LabelPlacer.Place(rows, [], Frame, [taken]), l => Assert.False(l.Box.Overlaps(taken)));
    }
}
