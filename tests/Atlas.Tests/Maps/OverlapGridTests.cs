using Atlas.Maps;

namespace Atlas.Tests.Maps;

/// <summary>The grid answers exactly what a test against every shape answers, whatever the shapes' sizes and cells.</summary>
public sealed class OverlapGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    public void Overlaps_and_crowding_match_a_test_against_every_shape(double cell)
    {
        var random = new Random(18);
        var boxes = Enumerable.Range(0, 150).Select(_ => new MapBox(random.NextDouble() * 100, random.NextDouble() * 100,
            random.NextDouble() * 20, random.NextDouble() * 6)).ToList();
        var circles = Enumerable.Range(0, 150).Select(_ => new MapCircle(random.NextDouble() * 100, random.NextDouble() * 100,
            random.NextDouble() * 5)).ToList();
        // Shapes filed twice count twice, as a list would count them.
        boxes.Add(boxes[0]);
        circles.Add(circles[0]);
        var grid = new OverlapGrid(cell);
        boxes.ForEach(grid.Add);
        circles.ForEach(grid.Add);

        for (var i = 0; i < 300; i++)
        {
            var box = new MapBox(random.NextDouble() * 110 - 5, random.NextDouble() * 110 - 5, random.NextDouble() * 25, random.NextDouble() * 8);
            var circle = new MapCircle(random.NextDouble() * 100, random.NextDouble() * 100, random.NextDouble() * 6);
            var boxCount = boxes.Count(b => b.Overlaps(box));
            var circleCount = circles.Count(c => box.Overlaps(c));

            Assert.Equal((boxCount, circleCount), grid.Crowding(box));
            Assert.Equal(boxCount + circleCount > 0, grid.Overlaps(box));
            Assert.Equal(boxes.Exists(b => b.Overlaps(circle)) || circles.Exists(c => c.Overlaps(circle)), grid.Overlaps(circle));
        }
    }
}
