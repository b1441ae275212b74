using Atlas.Loading;
using Atlas.Preview;
using Atlas.Building;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>
/// The preview's fast path for edits to Markdown bodies (<see cref="PreviewRebuilder.Rebuild"/>): it must give the bytes
/// of a full build, take only prose edits, and hand everything else to the ordinary incremental build.
/// </summary>
public sealed class ProseEditTests
{
    [Fact]
    public void A_body_edit_renders_only_the_entitys_pages_and_the_search_index_and_equals_a_full_build()
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild(null).Report.Succeeded);
        var unrelated = File.GetLastWriteTimeUtc(Path.Combine(preview.Output, "en/cities/chengdu/index.html"));

        site.Write("content/parks/gaozhu.en.md", "## Overview\n\nGaozhu body, edited in the preview.\n");
        var result = preview.Rebuild("content/parks/gaozhu.en.md");

        Assert.True(result.Report.Succeeded, string.Join("\n", result.Report.Diagnostics));
        Assert.True(result.ProseOnly);
        Assert.InRange(result.Report.PagesRendered, 1, 4); // its page and reading page, per language that shows the English body
        Assert.Contains("edited in the preview", File.ReadAllText(Path.Combine(preview.Output, "en/parks/gaozhu/index.html")));
        Assert.Contains("edited in the preview", SearchText(preview.Output));
        Assert.Equal(unrelated, File.GetLastWriteTimeUtc(Path.Combine(preview.Output, "en/cities/chengdu/index.html")));
        preview.AssertSameAsFullBuild();
    }

    [Fact]
    public void A_warning_about_site_yml_does_not_turn_the_fast_path_off_and_stays_reported()
    {
        // git_dates outside a Git repository: a warning at site.yml that no content edit changes (a site downloaded as
        // a zip, the 10,000-entity scale site). It used to send every edit through the whole incremental build.
        using var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).TrimEnd() + "\ngit_dates: true\n");
        var preview = new PreviewBuilds(site);
        var first = preview.Rebuild(null).Report;
        Assert.True(first.Succeeded);
        var warning = Assert.Single(first.Diagnostics);
        Assert.Equal("site.yml", warning.Location.Path);

        site.Write("content/parks/gaozhu.en.md", "## Overview\n\nGaozhu body, edited beside a warning.\n");
        var result = preview.Rebuild("content/parks/gaozhu.en.md");

        Assert.True(result.ProseOnly);
        Assert.Equal([warning], result.Report.Diagnostics);
        Assert.Contains("edited beside a warning", File.ReadAllText(Path.Combine(preview.Output, "en/parks/gaozhu/index.html")));
        preview.AssertSameAsFullBuild();

        // An edit that breaks the content still goes to the ordinary build, which reports it.
        site.Write("content/parks/gaozhu.en.md", "## Overview\n\nGaozhu body.\n\n[x](ref:parks/gaozhu-missing)\n");
        var broken = preview.Rebuild("content/parks/gaozhu.en.md");
        Assert.False(broken.ProseOnly);
        Assert.Contains(broken.Report.Diagnostics, d => d.IsError && d.Location.Path == "content/parks/gaozhu.en.md");
    }

    [Fact]
    public void Open_pages_are_told_to_reload_once_the_pages_are_written_before_the_search_index()
    {
        // The preview reloads open pages from PagesWritten: by then the page must show the edit; the search index
        // (tens of megabytes at 10,000 entities) follows in the same rebuild.
        using var site = TestSite.Minimal();
        var output = Path.Combine(site.Directory, "public");
        var caches = new SiteCaches();
        (bool PageShowsEdit, bool IndexShowsEdit)? seen = null;
        BuildOptions Options() => new(site.Directory)
        {
            OutputDirectory = output, HomeDirectory = "/nonexistent", SaveState = false,
            PagesWritten = _ => seen = (
                File.ReadAllText(Path.Combine(output, "en/cities/chengdu/index.html")).Contains("reload order", StringComparison.Ordinal),
                SearchText(output).Contains("reload order", StringComparison.Ordinal)),
        };
        var first = PreviewRebuilder.Rebuild(Options(), caches, null, null).Report;

        site.Write("content/cities/chengdu.en.md", "Chengdu, reload order.\n");
        var result = PreviewRebuilder.Rebuild(Options(), caches, first, ["content/cities/chengdu.en.md"]);

        Assert.True(result.ProseOnly);
        Assert.Equal((true, false), seen);
        Assert.Contains("reload order", SearchText(output));
    }

    [Fact]
    public void Edits_one_after_another_keep_equal_to_a_full_build_whichever_path_each_takes()
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        Assert.True(preview.Rebuild(null).Report.Succeeded);
        (string Path, string Content, bool Prose)[] edits =
        [
            ("content/parks/gaozhu.zh.md", "---\nsummary: 川渝唯一跨省域共建新区\n---\n## 高竹新区概况\n\n改过的正文，见[成都](ref:cities/chengdu)。\n", true),
            ("content/parks/gaozhu.zh.md", "---\nsummary: 改过的概要\n---\n## 高竹新区概况\n\n改过的正文。\n", false), // front matter: a summary lists show
            ("content/cities/chengdu.en.md", "Chengdu body, second edit.\n", true),
            ("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n", false),
            ("content/cities/chengdu.en.md", "Chengdu body, third edit.\n", true),
            ("content/cities/chongqing.en.md", "Chongqing body, edited.\n", true),
        ];

        foreach (var (path, content, prose) in edits)
        {
            site.Write(path, content);
            var result = preview.Rebuild(path);
            Assert.True(result.Report.Succeeded, $"{path}: {string.Join("\n", result.Report.Diagnostics)}");
            Assert.Equal(prose, result.ProseOnly);
            preview.AssertSameAsFullBuild();
        }
    }

    [Fact]
    public void Two_bodies_saved_together_make_one_prose_rebuild()
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        preview.Rebuild(null);
        site.Write("content/cities/chengdu.en.md", "Chengdu, together.\n");
        site.Write("content/cities/chongqing.zh.md", "重庆，一起改。\n");

        var result = preview.Rebuild("content/cities/chengdu.en.md", "content/cities/chongqing.zh.md", "content/cities/.chengdu.en.md.swp");

        Assert.True(result.ProseOnly); // the editor's temporary file is gone and was never content
        preview.AssertSameAsFullBuild();
    }

    public static TheoryData<string, string[]> NotProse => new()
    {
        { "a data file", ["content/cities/chengdu.yml"] },
        { "a new Markdown file", ["content/cities/xian.en.md"] },
        { "a file outside content/", ["templates/entity.html"] },
        { "not known which", [] },
    };

    [Theory]
    [MemberData(nameof(NotProse))]
    public void Other_changes_take_the_ordinary_incremental_build(string kind, string[] changed)
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        preview.Rebuild(null);
        site.Write("content/cities/chengdu.en.md", "Chengdu body, edited.\n");
        switch (kind)
        {
            case "a data file":
                site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu}\nsummary: {zh: 四川省会, en: Capital}\ncoordinates: [104.07, 30.57]\n");
                break;
            case "a new Markdown file":
                site.Write("content/cities/xian.en.md", "Xi'an.\n"); // no data file: the ordinary build reports it
                break;
            case "a file outside content/":
                site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1><div>{{ entity.body }}</div>\n");
                break;
        }

        // "Not known which": the watcher lost events, so the preview passes no list at all.
        var result = preview.Rebuild(kind == "not known which" ? null : ["content/cities/chengdu.en.md", .. changed]);

        Assert.False(result.ProseOnly, kind);
        if (kind == "a new Markdown file")
        {
            Assert.False(result.Report.Succeeded);
            Assert.Contains(result.Report.Diagnostics, d => d.Location.Path == "content/cities/xian.en.md");
            return;
        }

        Assert.True(result.Report.Succeeded, string.Join("\n", result.Report.Diagnostics));
        preview.AssertSameAsFullBuild();
    }

    [Fact]
    public void A_body_with_a_problem_is_reported_like_a_full_build_reports_it_and_the_fix_recovers()
    {
        using var site = TestSite.Minimal();
        var preview = new PreviewBuilds(site);
        preview.Rebuild(null);
        site.Write("content/cities/chengdu.en.md", "See [nowhere](ref:cities/nowhere).\n");

        var broken = preview.Rebuild("content/cities/chengdu.en.md");

        Assert.False(broken.Report.Succeeded);
        Assert.False(broken.ProseOnly);
        Assert.Equal(site.Build(Path.Combine(site.Directory, "check")).Diagnostics.Select(d => d.ToString()), broken.Report.Diagnostics.Select(d => d.ToString()));

        site.Write("content/cities/chengdu.en.md", "See [Chongqing](ref:cities/chongqing).\n");
        var fixedAgain = preview.Rebuild("content/cities/chengdu.en.md");
        Assert.True(fixedAgain.Report.Succeeded, string.Join("\n", fixedAgain.Report.Diagnostics));
        preview.AssertSameAsFullBuild();
    }

    /// <summary>The English search index's texts (search/en/x/*.txt), run together.</summary>
    private static string SearchText(string output) =>
        string.Concat(Directory.EnumerateFiles(Path.Combine(output, "search", "en", "x")).Order(StringComparer.Ordinal).Select(File.ReadAllText));
}
