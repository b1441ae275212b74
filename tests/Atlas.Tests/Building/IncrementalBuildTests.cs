using Atlas.Building;
using Atlas.Loading;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>
/// An incremental build after each kind of change must give exactly the bytes of a full build of the same input,
/// while re-rendering only the pages the change can affect.
/// </summary>
public sealed class IncrementalBuildTests
{
    private static BuildResult Incremental(TestSite site, string output) =>
        SiteBuilder.BuildIncremental(new BuildOptions(site.Directory) { OutputDirectory = output, HomeDirectory = "/nonexistent" });

    private static void AssertSameAsFullBuild(TestSite site, string incrementalOutput)
    {
        var full = Path.Combine(site.Directory, "full-" + Guid.NewGuid().ToString("N")[..6]);
        site.BuildOk(full);
        Assert.Equal(TestSite.Snapshot(full), TestSite.Snapshot(incrementalOutput));
    }

    public static TheoryData<string, string, string> Changes => new()
    {
        { "content", "content/cities/chengdu.en.md", "Chengdu, edited.\n" },
        { "content data", "content/cities/chengdu.yml", "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n" },
        { "new reference", "content/parks/gaozhu.yml", "name: {zh: 川渝高竹新区, en: Gaozhu New Area}\nsummary: {zh: 跨省新区, en: A cross-provincial new area}\nkind: zone\ncities: [chongqing, chengdu]\nestablished: 2020-12\n" },
        { "template", "templates/entity.html", "<h1>{{ entity.name }}</h1><p class=\"changed\">{{ entity.summary }}</p>\n" },
        { "partial-free layout", "templates/home.html", "<h1>{{ site.title }}</h1><p>{{ t \"home.hello\" }}!</p>\n" },
        { "new entity", "content/cities/xian.yml", "name: {zh: 西安, en: Xi'an}\nsummary: {zh: 陕西省会, en: Capital of Shaanxi}\ncoordinates: [108.94, 34.34]\n" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void An_incremental_build_after_a_change_equals_a_full_build(string kind, string path, string content)
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Assert.True(Incremental(site, output).Succeeded); // no state yet: a full build
        site.Write(path, content);
        if (kind == "new entity")
        {
            site.Write("content/cities/xian.zh.md", "西安。\n");
            site.Write("content/cities/xian.en.md", "Xi'an.\n");
        }

        var result = Incremental(site, output);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.PagesRendered < result.PageCount, $"{kind}: rendered {result.PagesRendered} of {result.PageCount}");
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void A_build_cache_kept_across_changes_gives_the_bytes_of_a_full_build_and_reuses_what_did_not_change()
    {
        // The preview server's loop: one cache, one change after another, each build compared with a fresh one.
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        var caches = new SiteCaches();
        BuildResult Cached() => SiteBuilder.BuildIncremental(
            new BuildOptions(site.Directory) { OutputDirectory = output, HomeDirectory = "/nonexistent", SaveState = false },
            _state, caches);
        var first = Cached();
        Assert.True(first.Succeeded);
        _state = first.Snapshot;
        var fileCount = Directory.GetFiles(Path.Combine(site.Directory, "content"), "*", SearchOption.AllDirectories).Length;
        foreach (var (kind, path, content) in Changes.Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            site.Write(path, content);
            if (kind == "new entity")
            {
                site.Write("content/cities/xian.zh.md", "西安。\n");
                site.Write("content/cities/xian.en.md", "Xi'an.\n");
            }

            var result = Cached();
            Assert.True(result.Succeeded, $"{kind}: {string.Join("\n", result.Diagnostics)}");
            _state = result.Snapshot;
            AssertSameAsFullBuild(site, output);
            if (kind.StartsWith("content", StringComparison.Ordinal))
            {
                // Every other content file came from the cache, and every entity whose files did not change.
                Assert.Equal(fileCount - 1, caches.Files.Hits);
                Assert.True(caches.Entities.Hits > 0, kind);
            }
        }

        // A broken file is not cached: its error comes back on every build until it is fixed.
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu\n");
        var broken = Cached();
        var again = Cached();
        Assert.False(broken.Succeeded);
        Assert.Equal(broken.Diagnostics.Select(d => d.ToString()), again.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(again.Diagnostics, d => d.Location.Path == "content/cities/chengdu.yml");

        // After a change to site.yml nothing is reused.
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu}\nsummary: {zh: 四川省会, en: Capital}\ncoordinates: [104.07, 30.57]\n");
        var config = Path.Combine(site.Directory, "site.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Test Atlas", "Test Atlas 2"));
        var afterConfig = Cached();
        Assert.True(afterConfig.Succeeded, string.Join("\n", afterConfig.Diagnostics));
        Assert.Equal(0, caches.Files.Hits);
        Assert.Equal(0, caches.Entities.Hits);
        AssertSameAsFullBuild(site, output);
    }

    private BuildSnapshot? _state;

    [Fact]
    public void Bundle_and_site_yml_changes_equal_a_full_build()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        var bundle = Path.Combine(site.Directory, "templates/i18n/en.yml");
        File.WriteAllText(bundle, File.ReadAllText(bundle).Replace("home: {hello: Hello}", "home: {hello: Welcome}"));
        var afterBundle = Incremental(site, output);
        Assert.True(afterBundle.Succeeded);
        Assert.True(afterBundle.PagesRendered < afterBundle.PageCount); // only English pages
        AssertSameAsFullBuild(site, output);

        var config = Path.Combine(site.Directory, "site.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Test Atlas", "Test Atlas 2"));
        var afterConfig = Incremental(site, output);
        Assert.Equal(afterConfig.PageCount, afterConfig.PagesRendered);
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void A_rebuild_its_caller_stops_once_the_pages_are_written_takes_them_back_and_the_next_one_makes_both_edits()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        var before = TestSite.Snapshot(output);
        site.Write("content/parks/gaozhu.en.md", "Gaozhu, edited and then superseded.\n");

        // A caller (the preview, when a newer edit comes) stops the rebuild while it makes the generated files.
        using var stop = new CancellationTokenSource();
        var told = new List<string>();
        Assert.ThrowsAny<OperationCanceledException>(() => SiteBuilder.BuildIncremental(new BuildOptions(site.Directory)
        {
            OutputDirectory = output, HomeDirectory = "/nonexistent",
            PagesWritten = files =>
            {
                told.AddRange(files);
                stop.Cancel();
            },
        }, cancellation: stop.Token));

        Assert.Contains("en/parks/gaozhu/index.html", told); // the page was written and shown...
        Assert.Equal(before, TestSite.Snapshot(output)); // ...and taken back with the rest: the output is the last build's

        site.Write("content/cities/chengdu.en.md", "Chengdu, the newer edit.\n");
        Assert.True(Incremental(site, output).Succeeded);
        Assert.Contains("Gaozhu, edited and then superseded.", File.ReadAllText(Path.Combine(output, "en/parks/gaozhu/index.html")));
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void A_deleted_entity_disappears_like_in_a_full_build()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        Assert.True(File.Exists(Path.Combine(output, "en/parks/gaozhu/index.html")));
        foreach (var file in new[] { "gaozhu.yml", "gaozhu.zh.md", "gaozhu.en.md" })
        {
            site.Delete($"content/parks/{file}");
        }

        var told = new List<string>();
        var result = SiteBuilder.BuildIncremental(new BuildOptions(site.Directory)
        {
            OutputDirectory = output, HomeDirectory = "/nonexistent", PagesWritten = told.AddRange,
        });
        Assert.True(result.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(output, "en/parks/gaozhu")));
        Assert.Contains("en/parks/gaozhu/index.html", told); // an open page of it reloads, to the 404
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void A_data_edit_writes_the_entitys_own_pages_first_then_the_pages_that_show_it_naming_the_files_each_time()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        var steps = new List<(IReadOnlyList<string> Files, bool PageShowsEdit, bool ListShowsEdit)>();
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n");

        var result = SiteBuilder.BuildIncremental(new BuildOptions(site.Directory)
        {
            OutputDirectory = output, HomeDirectory = "/nonexistent",
            PagesWritten = files => steps.Add((files,
                File.ReadAllText(Path.Combine(output, "en/cities/chengdu/index.html")).Contains("Chengdu City", StringComparison.Ordinal),
                File.ReadAllText(Path.Combine(output, "en/cities/index.html")).Contains("Chengdu City", StringComparison.Ordinal))),
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, steps.Count);
        Assert.Contains("en/cities/chengdu/index.html", steps[0].Files);
        Assert.Contains("zh/cities/chengdu/index.html", steps[0].Files);
        Assert.All(steps[0].Files, file => Assert.Matches("^(en|zh)/cities/chengdu/", file));
        Assert.Equal((true, false), (steps[0].PageShowsEdit, steps[0].ListShowsEdit));
        Assert.Contains("en/cities/index.html", steps[1].Files);
        Assert.Contains("en/cities/chongqing/index.html", steps[1].Files); // its twin
        Assert.DoesNotContain("en/parks/gaozhu/index.html", steps[1].Files); // does not show Chengdu's name: unchanged
        Assert.True(steps[1].ListShowsEdit);
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void Editing_one_entity_rerenders_its_pages_and_what_shows_it_not_unrelated_pages()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        var unrelated = File.GetLastWriteTimeUtc(Path.Combine(output, "en/cities/chengdu/index.html"));
        site.Write("content/parks/gaozhu.en.md", "Gaozhu, edited.\n");
        var result = Incremental(site, output);
        Assert.True(result.Succeeded);
        Assert.Contains("Gaozhu, edited.", File.ReadAllText(Path.Combine(output, "en/parks/gaozhu/index.html")));
        Assert.Equal(unrelated, File.GetLastWriteTimeUtc(Path.Combine(output, "en/cities/chengdu/index.html")));
        Assert.InRange(result.PagesRendered, 2, 8);
    }

    [Fact]
    public void A_failed_incremental_build_is_reported_and_the_next_good_one_recovers()
    {
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        Incremental(site, output);
        site.Write("content/cities/chengdu.yml", "name: [broken\n");
        Assert.False(Incremental(site, output).Succeeded);
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu}\nsummary: {zh: 四川省会, en: Capital}\ncoordinates: [104.07, 30.57]\n");
        Assert.True(Incremental(site, output).Succeeded);
        AssertSameAsFullBuild(site, output);
    }
}
