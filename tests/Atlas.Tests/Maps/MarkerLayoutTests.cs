using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Maps;
using Atlas.Tests.Support;

namespace Atlas.Tests.Maps;

public sealed class MarkerLayoutTests
{
    [Fact]
    public void Markers_on_one_spot_are_moved_apart_with_disjoint_hit_circles_and_the_first_keeps_its_place()
    {
        var requests = Enumerable.Range(0, 12).Select(i => new MarkerRequest($"m{i}", 100 + (i % 3) * 0.5, 100)).ToList();
        var placed = MarkerLayout.Place(requests, 5);

        Assert.False(placed[0].Displaced);
        Assert.True(placed.Skip(1).All(p => p.Displaced));
        AssertDisjoint(placed.Select(p => p.Hit(5)).ToList());

        // Near their place: within a few rings.
        Assert.All(placed, p => Assert.True(Math.Sqrt(Math.Pow(p.X - p.AnchorX, 2) + Math.Pow(p.Y - p.AnchorY, 2)) < 40));
    }

    [Fact]
    public void Markers_keep_off_obstacles_and_circles_taken_before_and_the_layout_is_deterministic()
    {
        var requests = new[] { new MarkerRequest("a", 10, 10), new MarkerRequest("b", 12, 10) };
        var obstacle = new MapBox(5, 5, 10, 10);
        var taken = new MapCircle(30, 10, 5);
        var placed = MarkerLayout.Place(requests, 4, [obstacle], [taken]);

        Assert.All(placed, p => Assert.False(obstacle.Overlaps(p.Hit(4))));
        Assert.All(placed, p => Assert.False(taken.Overlaps(p.Hit(4))));
        AssertDisjoint(placed.Select(p => p.Hit(4)).ToList());
        Assert.Equal(placed.ToList(), MarkerLayout.Place(requests, 4, [obstacle], [taken]).ToList());
    }

    [Fact]
    public void A_marker_with_no_room_near_its_place_is_left_out_and_the_rest_keep_their_order()
    {
        // Two hundred markers on one spot (a crowded large site): only as many as fit within the bound are drawn.
        var requests = Enumerable.Range(0, 200).Select(i => new MarkerRequest($"m{i}", 100, 100)).ToList();
        var placed = MarkerLayout.Place(requests, 5, maxDistance: 30);

        Assert.InRange(placed.Length, 2, 199);
        Assert.Equal("m0", placed[0].Id);
        Assert.False(placed[0].Displaced);
        Assert.All(placed, p => Assert.True(Math.Sqrt(Math.Pow(p.X - p.AnchorX, 2) + Math.Pow(p.Y - p.AnchorY, 2)) <= 30 + 1e-9));
        AssertDisjoint(placed.Select(p => p.Hit(5)).ToList());
        var order = placed.Select(p => int.Parse(p.Id[1..])).ToList();
        Assert.Equal(order.Order().ToList(), order);

        // Without a bound every marker is drawn, however far it has to go.
        Assert.Equal(200, MarkerLayout.Place(requests, 5).Length);
    }

    [Fact]
    public void On_the_shipped_atlas_hit_circles_are_disjoint_and_labels_overlap_nothing_in_either_language()
    {
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), new DiagnosticBag())!;
        foreach (var language in site.Model.Config.Languages.Select(l => l.Code))
        {
            var layout = new MapLayout(site.Model, site.Map!, language);
            Assert.True(layout.HitRadius * layout.PixelsPerUnit >= 12, "hit circles of at least 12 CSS px");
            var hits = layout.Markers.Select(m => m.Placed.Hit(layout.HitRadius)).ToList();
            AssertDisjoint(hits);

            var frame = new MapBox(site.Map!.Frame.X, site.Map.Frame.Y, site.Map.Frame.Width, site.Map.Frame.Height);
            var labels = layout.Labels;
            for (var i = 0; i < labels.Length; i++)
            {
                Assert.True(labels[i].Box.Inside(frame), $"{labels[i].Id} leaves the frame");
                Assert.All(hits, h => Assert.False(labels[i].Box.Overlaps(h), $"{language}: {labels[i].Id} covers a marker"));
                for (var j = i + 1; j < labels.Length; j++)
                {
                    Assert.False(labels[i].Box.Overlaps(labels[j].Box), $"{language}: {labels[i].Id} overlaps {labels[j].Id}");
                }
            }

            Assert.True(labels.Min(l => l.FontSize) * layout.PixelsPerUnit >= 13, "labels of at least 13 CSS px");

            // The municipality and every prefecture-level city on the map are labelled.
            var major = site.Model.Collections["cities"]
                .Where(c => c.Field("level") is Atlas.Model.EnumValue { Value: "municipality" or "prefecture" })
                .Where(c => site.Map.GeometryOf(c.Id) is not null).Select(c => c.Id.ToString()).ToList();
            Assert.NotEmpty(major);
            Assert.All(major, id => Assert.Contains(labels, l => l.Id == id));
        }
    }

    private static void AssertDisjoint(List<MapCircle> circles)
    {
        for (var i = 0; i < circles.Count; i++)
        {
            for (var j = i + 1; j < circles.Count; j++)
            {
                Assert.False(circles[i].Overlaps(circles[j]), $"hit circles {i} and {j} overlap");
            }
        }
    }
}
