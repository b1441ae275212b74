using Atlas.Loading;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>
/// The preview's first look at an edit to an entity's data (<see cref="Atlas.Preview.DataEditFirstLook"/>): its own
/// pages are written and reloaded before the model is rebuilt, the ordinary build then gives a full build's bytes, and
/// a build that fails leaves the output as the last good build left it.
/// </summary>
public sealed class DataEditFirstLookTests
{
    private const string RenamedChengdu = "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n";

    [Fact]
    public void A_data_edit_shows_on_the_entitys_own_pages_first_then_everywhere_and_equals_a_full_build()
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild(null).Report.Succeeded);
        var seen = new List<(bool Page, bool List)>();
        preview.OnTold = _ => seen.Add((
            File.ReadAllText(Path.Combine(preview.Output, "en/cities/chengdu/index.html")).Contains("Chengdu City", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(preview.Output, "en/cities/index.html")).Contains("Chengdu City", StringComparison.Ordinal)));

        site.Write("content/cities/chengdu.yml", RenamedChengdu);
        var result = preview.Rebuild("content/cities/chengdu.yml");

        Assert.True(result.Report.Succeeded, string.Join("\n", result.Report.Diagnostics));
        Assert.Equal(2, result.FirstLookPages);
        // First the first look: the entity's pages, before any list shows the new name.
        Assert.Equal(["en/cities/chengdu/index.html", "zh/cities/chengdu/index.html"], preview.Told[0]);
        Assert.Equal((true, false), seen[0]);
        // Then the ordinary build: the first look was right, so the entity's pages are not written (or reloaded)
        // again; the pages that show the entity follow.
        Assert.DoesNotContain(preview.Told.Skip(1).SelectMany(f => f), f => f.StartsWith("en/cities/chengdu/", StringComparison.Ordinal));
        Assert.Contains("en/cities/index.html", preview.Told.Skip(1).SelectMany(f => f));
        Assert.Equal((true, true), seen[^1]);
        preview.AssertSameAsFullBuild();
    }

    [Fact]
    public void When_the_first_look_is_not_what_the_full_model_shows_the_ordinary_build_corrects_it()
    {
        // Chongqing's page lists what links to it; Gaozhu now links to Chengdu instead. The first look renders Gaozhu's
        // pages from the previous model, whose backlinks are the old ones: its own pages are right, and Chongqing's
        // and Chengdu's pages come from the ordinary build.
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild(null).Report.Succeeded);

        site.Write("content/parks/gaozhu.yml",
            "name: {zh: 川渝高竹新区, en: Gaozhu New Area}\nsummary: {zh: 跨省新区, en: A cross-provincial new area}\nkind: zone\ncities: [chengdu]\nestablished: 2020-12\n");
        var result = preview.Rebuild("content/parks/gaozhu.yml");

        Assert.True(result.Report.Succeeded, string.Join("\n", result.Report.Diagnostics));
        Assert.All(preview.Told[0], f => Assert.Matches("^(en|zh)/parks/gaozhu/", f));
        Assert.Contains("en/cities/chengdu/index.html", preview.Told.Skip(1).SelectMany(f => f));
        Assert.Contains("en/cities/chongqing/index.html", preview.Told.Skip(1).SelectMany(f => f));
        preview.AssertSameAsFullBuild();
    }

    [Fact]
    public void When_the_build_after_the_first_look_fails_the_first_look_is_taken_back_and_reverting_gives_a_full_builds_bytes()
    {
        // The entity page renders the new name; the collection list fails on it (a UI string that is not defined):
        // the first look is written, then the ordinary build fails after rendering some pages (Chongqing's shows its
        // twin's new name). Both are taken back, and reverting the edit gives a full build's bytes.
        using var site = TestSite.Minimal("""
-- templates/collection.html --
<h1>{{ collection.title }}</h1><ul>{{ for e in collection.entities }}<li>{{ e.name }}{{ if e.name == "Chengdu City" }}{{ t "no.such.string" }}{{ end }}</li>{{ end }}</ul>
""");
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild(null).Report.Succeeded);
        var page = Path.Combine(preview.Output, "en/cities/chengdu/index.html");
        var before = File.ReadAllBytes(page);
        var twin = Path.Combine(preview.Output, "en/cities/chongqing/index.html");
        var twinBefore = File.ReadAllBytes(twin);
        var original = File.ReadAllText(Path.Combine(site.Directory, "content/cities/chengdu.yml"));

        site.Write("content/cities/chengdu.yml", RenamedChengdu);
        var failed = preview.Rebuild("content/cities/chengdu.yml");

        Assert.False(failed.Report.Succeeded);
        Assert.Equal(["en/cities/chengdu/index.html", "zh/cities/chengdu/index.html"], preview.Told[0]); // the first look was there
        Assert.Equal(before, File.ReadAllBytes(page)); // and was taken back
        Assert.Equal(twinBefore, File.ReadAllBytes(twin)); // what the failed build had rewritten is rolled back too
        Assert.Empty(failed.Report.RewrittenFiles);

        site.Write("content/cities/chengdu.yml", original);
        Assert.True(preview.Rebuild("content/cities/chengdu.yml").Report.Succeeded);
        preview.AssertSameAsFullBuild();
    }
}
