using Atlas.Maps;

namespace Atlas.Tests.Maps;

public sealed class PointIndexTests
{
    [Fact]
    public void The_nearest_within_a_cap_is_what_a_scan_of_every_point_gives()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 400).Select(_ => (random.NextDouble() * 300 - 50, random.NextDouble() * 200)).ToList();
        var index = new PointIndex(points, cell: 9);
        for (var i = 0; i < 500; i++)
        {
            var query = (random.NextDouble() * 400 - 100, random.NextDouble() * 300 - 50);
            var cap = random.NextDouble() * 120;
            var scan = Math.Min(cap, points.Min(p => Math.Sqrt((p.Item1 - query.Item1) * (p.Item1 - query.Item1) +
                (p.Item2 - query.Item2) * (p.Item2 - query.Item2))));
            Assert.Equal(scan, index.NearestWithin(query, cap));
        }
    }

    [Fact]
    public void Without_points_or_with_nothing_near_the_answer_is_the_cap()
    {
        Assert.Equal(5, new PointIndex([], cell: 1).NearestWithin((0, 0), 5));
        var index = new PointIndex([(100, 100)], cell: 2);
        Assert.Equal(5, index.NearestWithin((0, 0), 5));
        index.Add((3, 4));
        Assert.Equal(5, index.NearestWithin((0, 0), 6));
        Assert.Equal(2, index.Count);
    }
}
