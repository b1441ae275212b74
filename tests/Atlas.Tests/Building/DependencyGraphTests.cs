using Atlas.Building;
using Atlas.Loading;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

public sealed class DependencyGraphTests
{
    [Fact]
    public void An_entity_file_affects_its_pages_the_pages_it_links_and_the_indexes()
    {
        using var site = TestSite.Minimal();
        var graph = site.BuildOk().Snapshot!.Graph;
        var affected = graph.AffectedBy("content/parks/gaozhu.yml");
        Assert.Contains("zh/parks/gaozhu/", affected);
        Assert.Contains("en/parks/gaozhu/", affected);
        Assert.Contains("en/cities/chongqing/", affected); // lists gaozhu as a backlink
        Assert.Contains("zh/parks/", affected);
        Assert.Contains("data/parks.json", affected);
        Assert.DoesNotContain("en/", affected); // the minimal home page shows no entity
        Assert.DoesNotContain("en/cities/chengdu/", affected);
        Assert.DoesNotContain("", affected);
    }

    [Fact]
    public void A_template_affects_the_pages_that_used_it_including_partials()
    {
        using var site = TestSite.Minimal("""
-- templates/partials/list.html --
<ul>{{ for e in collection.entities }}<li>{{ e.name }}</li>{{ end }}</ul>
-- templates/collection.html --
<h1>{{ collection.title }}</h1>{{ include "partials/list.html" }}
""");
        var graph = site.BuildOk().Snapshot!.Graph;
        var partial = graph.AffectedBy("templates/partials/list.html");
        Assert.Equal(["en/cities/", "en/parks/", "zh/cities/", "zh/parks/"], partial);
        Assert.Contains("en/parks/gaozhu/", graph.AffectedBy("templates/entity.html"));
        Assert.Contains("en/parks/gaozhu/", graph.AffectedBy("templates/layouts/base.html"));
        Assert.DoesNotContain("", graph.AffectedBy("templates/layouts/base.html")); // the root page has no layout
    }

    [Fact]
    public void A_bundle_affects_its_language_only_and_site_yml_affects_everything()
    {
        using var site = TestSite.Minimal();
        var result = site.BuildOk();
        var graph = result.Snapshot!.Graph;
        var englishPages = graph.AffectedBy("templates/i18n/en.yml").Where(p => p.EndsWith('/')).ToList();
        Assert.NotEmpty(englishPages);
        Assert.All(englishPages, p => Assert.StartsWith("en/", p));
        Assert.Equal(result.PageCount, graph.AffectedBy("site.yml").Count(p => p == "" || p.EndsWith('/') || p.EndsWith(".html", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_graph_a_snapshot_carries_across_incremental_builds_and_prose_rebuilds_equals_one_made_from_its_state()
    {
        // Incremental builds find the affected pages in the graph they are handed: carried from build to build, it
        // must stay the index of the records of the output as it is now.
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        var caches = new SiteCaches();
        var options = new BuildOptions(site.Directory) { OutputDirectory = output, HomeDirectory = "/nonexistent", SaveState = false };
        var last = SiteBuilder.BuildIncremental(options, null, caches);
        var changes = new (string Path, string Content)[]
        {
            ("content/cities/chengdu.en.md", "Chengdu, edited.\n"),
            ("content/parks/gaozhu.yml", "name: {zh: 川渝高竹新区, en: Gaozhu New Area}\nsummary: {zh: 跨省新区, en: A cross-provincial new area}\nkind: zone\ncities: [chongqing, chengdu]\nestablished: 2020-12\n"),
            ("templates/entity.html", "<h1>{{ entity.name }}</h1><p class=\"changed\">{{ entity.summary }}</p>\n"),
        };
        foreach (var (path, content) in changes)
        {
            _ = last.Snapshot!.Graph; // made, so the next build carries it instead of making it again
            site.Write(path, content);
            last = PreviewRebuilder.Rebuild(options, caches, last, [path]).Report;
            Assert.True(last.Succeeded, string.Join("\n", last.Diagnostics));
            var carried = last.Snapshot!.Graph;
            var fresh = DependencyGraph.Of(last.Snapshot.Site, last.Snapshot.State);
            Assert.Equal(fresh.Keys, carried.Keys);
            Assert.All(fresh.Keys, key => Assert.Equal(fresh.AffectedByKeys([key]), carried.AffectedByKeys([key])));
            Assert.Equal(fresh.AffectedBy("content/parks/gaozhu.yml"), carried.AffectedBy("content/parks/gaozhu.yml"));
        }
    }
}
