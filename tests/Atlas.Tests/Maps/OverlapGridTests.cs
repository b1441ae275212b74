using Atlas.Maps;

namespace Atlas.Tests.Maps;

/// <summary>
/// The grid answers exactly what a test against every shape answers, whatever the shapes' sizes and cells, while it
/// holds few shapes (scanned) and after it files them in cells (past <see cref="OverlapGrid.ScanLimit"/>).
/// </summary>
public sealed class OverlapGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    public void Overlaps_and_crowding_match_a_test_against_every_shape_as_shapes_are_added(double cell)
    {
        var random = new Random(18);
        var boxes = new List<MapBox>();
        var circles = new List<MapCircle>();
        var grid = new OverlapGrid(cell);
        var checkedScanned = false;
        for (var i = 0; i < 150; i++)
        {
            var box = new MapBox(random.NextDouble() * 100, random.NextDouble() * 100, random.NextDouble() * 20, random.NextDouble() * 6);
            var circle = new MapCircle(random.NextDouble() * 100, random.NextDouble() * 100, random.NextDouble() * 5);
            // Shapes filed twice count twice, as a list would count them.
            foreach (var b in i == 149 ? [box, boxes[0]] : new[] { box })
            {
                boxes.Add(b);
                grid.Add(b);
            }

            foreach (var c in i == 149 ? [circle, circles[0]] : new[] { circle })
            {
                circles.Add(c);
                grid.Add(c);
            }

            if (i % 5 == 0 || i == 149)
            {
                checkedScanned |= boxes.Count + circles.Count <= OverlapGrid.ScanLimit;
                AnswersMatch(random, grid, boxes, circles, queries: 40);
            }
        }

        Assert.True(checkedScanned);
        Assert.True(boxes.Count + circles.Count > 5 * OverlapGrid.ScanLimit);
    }

    private static void AnswersMatch(Random random, OverlapGrid grid, List<MapBox> boxes, List<MapCircle> circles, int queries)
    {
        for (var i = 0; i < queries; i++)
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
