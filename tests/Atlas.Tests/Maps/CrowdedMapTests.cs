using Atlas.Building;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Maps;

/// <summary>
/// A main map more crowded than the shipped one (a large site): markers that find no room near their places are left
/// out of the drawing rather than scattered far away, the caption says how many, and the list under the map still
/// names them.
/// </summary>
public sealed class CrowdedMapTests : IDisposable
{
    private const int Extra = 80;

    private readonly string _site = ScratchSpace.NewFolder("crowded-map");

    public CrowdedMapTests()
    {
        foreach (var file in new[] { "site.yml" })
        {
            Directory.CreateDirectory(_site);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_site, file));
        }

        foreach (var folder in new[] { "content", "templates" })
        {
            CopyFolder(Path.Combine(Repository.Root, folder), Path.Combine(_site, folder));
        }

        // Eighty parks with their own coordinates, a few hundred metres apart east of Chengdu (distinct places, so
        // not one counted marker): a few pixels of the first view for all of them.
        for (var i = 0; i < Extra; i++)
        {
            var slug = $"crowded-{i:D2}";
            File.WriteAllText(Path.Combine(_site, "content", "parks", slug + ".yml"),
                $"name: {{zh: \"拥挤园区{i}\", en: \"Crowded Park {i}\"}}\nkind: airport\ncities: [chengdu]\n" +
                FormattableString.Invariant($"coordinates: [{104.44 + i % 9 * 0.004:F3}, {30.31 + i / 9 * 0.004:F3}]\n") +
                "coordinates_source: {zh: \"测试\", en: \"a test\"}\n" +
                "sectors: [transport]\nsources: [five-years-2025]\n");
            File.WriteAllText(Path.Combine(_site, "content", "parks", slug + ".zh.md"), $"---\nsummary: 测试园区{i}。\n---\n");
            File.WriteAllText(Path.Combine(_site, "content", "parks", slug + ".en.md"), $"---\nsummary: Test park {i}.\n---\n");
        }
    }

    [Fact]
    public void Markers_without_room_near_their_place_are_left_out_counted_in_the_caption_and_listed()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(_site), diagnostics);
        Assert.True(site?.Map is not null, string.Join("\n", diagnostics.ToSortedList()));

        var layout = new MapLayout(site!.Model, site.Map!, "en");
        Assert.NotEmpty(layout.Omitted);
        Assert.All(layout.Omitted, id => Assert.DoesNotContain(layout.Markers, m => m.Entities.Any(e => e.Id == id)));
        var maxDistance = MapLayout.MaxDisplacementPx / layout.PixelsPerUnit;
        Assert.All(layout.Markers.Where(m => m.Importance >= MapLayout.MajorLevels), m =>
            Assert.True(Math.Sqrt(Math.Pow(m.Placed.X - m.Placed.AnchorX, 2) + Math.Pow(m.Placed.Y - m.Placed.AnchorY, 2)) <= maxDistance + 1e-6, m.Key));

        // Every city of the shipped map is still drawn: only the least important markers (later layers) give way.
        Assert.DoesNotContain(layout.Omitted, id => id.Collection == "cities");

        var output = Path.Combine(_site, "public");
        var result = SiteBuilder.Build(new BuildOptions(_site) { OutputDirectory = output, HomeDirectory = "/nonexistent-home-for-tests" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var built = new BuiltSite(output, "https://example.org/");
        foreach (var language in new[] { "zh", "en" })
        {
            // Labels differ in width between languages, and markers keep off labels: each language has its own count.
            var omitted = new MapLayout(site.Model, site.Map!, language).Omitted;
            var words = language == "zh" ? $"另有{omitted.Length}项" : $"{omitted.Length} more entries";
            var page = built.Document($"{language}/map/index.html");
            Assert.Contains(words, page.QuerySelector("figure.atlas-map figcaption")!.TextContent);
            var listed = page.QuerySelectorAll(".map-list a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.All(omitted, id => Assert.Contains(listed, href => href.EndsWith($"/{id.Collection}/{id.Slug}/", StringComparison.Ordinal)));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_site))
        {
            Directory.Delete(_site, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
