using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Rendering;
using Atlas.Tests.Support;

namespace Atlas.Tests.Rendering;

/// <summary>
/// site.yml <c>repository:</c> and the "edit this page" / "history" links it gives every entity page: GitHub's web
/// editor and commit list for the page's language file and for the data file.
/// </summary>
public sealed class EditLinkTests
{
    private const string Repository = """
repository:
  host: github
  repo: example-org/cc-atlas
  branch: main
""";

    // The minimal site's entity page, plus the links as the shipped partial writes them (href only).
    private const string EntityTemplate = """
-- templates/entity.html --
<h1>{{ entity.name }}</h1>
{{ if entity.edit }}<a class="edit" href="{{ entity.edit.edit }}">e</a><a class="history" href="{{ entity.edit.history }}">h</a><a class="data" href="{{ entity.edit.data_edit }}">{{ entity.edit.data_file }}</a>{{ end }}
""";

    private static TestSite Site(string? repository, params string[] overrides)
    {
        var site = TestSite.Minimal([EntityTemplate, .. overrides]);
        if (repository is not null)
        {
            site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).TrimEnd() + "\n" + repository);
        }

        return site;
    }

    private static (SiteConfig Config, SiteModel Model) Load(TestSite site)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(new LoadOptions(site.Directory), diagnostics);
        Assert.True(loaded is not null && !diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        return (loaded!.Model.Config, loaded.Model);
    }

    private static Entity Entity(SiteModel model, string collection, string slug) =>
        model.Find(new EntityId(collection, slug)) ?? throw new InvalidOperationException($"no {collection}/{slug}");

    [Fact]
    public void The_page_edits_its_language_file_and_offers_the_data_file_each_with_its_history()
    {
        using var site = Site(Repository);
        var (config, model) = Load(site);
        var gaozhu = Entity(model, "parks", "gaozhu");

        var zh = EditLinks.For(config, gaozhu, "zh")!;
        Assert.Equal("https://github.com/example-org/cc-atlas/edit/main/content/parks/gaozhu.zh.md", zh.Edit);
        Assert.Equal("https://github.com/example-org/cc-atlas/commits/main/content/parks/gaozhu.zh.md", zh.History);
        Assert.Equal("gaozhu.yml", zh.DataFile);
        Assert.Equal("https://github.com/example-org/cc-atlas/edit/main/content/parks/gaozhu.yml", zh.DataEdit);
        Assert.Equal("https://github.com/example-org/cc-atlas/commits/main/content/parks/gaozhu.yml", zh.DataHistory);

        var en = EditLinks.For(config, gaozhu, "en")!;
        Assert.Equal("https://github.com/example-org/cc-atlas/edit/main/content/parks/gaozhu.en.md", en.Edit);
        Assert.Equal(zh.DataEdit, en.DataEdit);
    }

    [Fact]
    public void The_sites_folder_in_the_repository_and_the_branch_are_in_the_path_each_segment_escaped()
    {
        using var site = Site("""
repository:
  repo: example-org/cc-atlas
  branch: release/2026
  path: /sites/成渝 atlas/
""");
        var (config, model) = Load(site);
        var links = EditLinks.For(config, Entity(model, "parks", "gaozhu"), "zh")!;
        Assert.Equal("https://github.com/example-org/cc-atlas/edit/release/2026/sites/%E6%88%90%E6%B8%9D%20atlas/content/parks/gaozhu.zh.md", links.Edit);
        Assert.Equal("https://github.com/example-org/cc-atlas/commits/release/2026/sites/%E6%88%90%E6%B8%9D%20atlas/content/parks/gaozhu.yml", links.DataHistory);
    }

    [Fact]
    public void A_page_showing_the_default_languages_text_creates_its_own_language_file()
    {
        using var site = Site(Repository);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml"))
            .Replace("    title: {zh: 城市, en: Cities}\n", "    title: {zh: 城市, en: Cities}\n    fallback: true\n", StringComparison.Ordinal));
        site.Delete("content/cities/chengdu.en.md");
        var (config, model) = Load(site);
        var chengdu = Entity(model, "cities", "chengdu");
        Assert.True(chengdu.Texts["en"].IsFallback);

        var links = EditLinks.For(config, chengdu, "en")!;
        Assert.Equal("https://github.com/example-org/cc-atlas/new/main/content/cities?filename=chengdu.en.md", links.Edit);
        Assert.Equal("https://github.com/example-org/cc-atlas/edit/main/content/cities/chengdu.zh.md", EditLinks.For(config, chengdu, "zh")!.Edit);
    }

    [Fact]
    public void Without_a_repository_the_pages_have_no_edit_links()
    {
        using var site = Site(repository: null);
        var (config, model) = Load(site);
        Assert.Null(config.Repository);
        Assert.Null(EditLinks.For(config, Entity(model, "parks", "gaozhu"), "zh"));

        site.BuildOk();
        var page = site.Read("zh/parks/gaozhu/index.html");
        Assert.Contains("<h1>", page);
        Assert.DoesNotContain("class=\"edit\"", page);
        Assert.DoesNotContain("github.com", page);
    }

    [Fact]
    public void With_a_repository_every_entity_page_carries_the_links()
    {
        using var site = Site(Repository);
        site.BuildOk();
        foreach (var (page, file) in new[] { ("zh/parks/gaozhu/", "parks/gaozhu.zh.md"), ("en/parks/gaozhu/", "parks/gaozhu.en.md"), ("en/cities/chengdu/", "cities/chengdu.en.md") })
        {
            var html = site.Read(page + "index.html");
            Assert.Contains($"<a class=\"edit\" href=\"https://github.com/example-org/cc-atlas/edit/main/content/{file}\">", html);
            Assert.Contains($"<a class=\"history\" href=\"https://github.com/example-org/cc-atlas/commits/main/content/{file}\">", html);
        }
    }

    /// <summary>A publish workflow passes the repository it runs in (--repository), so a fork's site edits the fork;
    /// site.yml's branch and path stay, and without a repository: in site.yml the option alone turns the links on.</summary>
    [Fact]
    public void The_repository_option_overrides_or_sets_owner_and_name_and_a_bad_one_is_refused()
    {
        using var site = Site(Repository);
        var output = Path.Combine(site.Directory, "fork");
        var result = Atlas.Building.SiteBuilder.Build(new Atlas.Building.BuildOptions(site.Directory)
        {
            OutputDirectory = output, Repository = "a-fork/atlas-copy", HomeDirectory = "/nonexistent-home-for-tests",
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("href=\"https://github.com/a-fork/atlas-copy/edit/main/content/parks/gaozhu.zh.md\"",
            File.ReadAllText(Path.Combine(output, "zh", "parks", "gaozhu", "index.html")));

        using var bare = Site(repository: null);
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(new LoadOptions(bare.Directory) { Repository = "a-fork/atlas-copy" }, diagnostics);
        Assert.Equal(("a-fork", "atlas-copy", "main", ""), (loaded!.Model.Config.Repository!.Owner, loaded.Model.Config.Repository.Name,
            loaded.Model.Config.Repository.Branch, loaded.Model.Config.Repository.Path));

        diagnostics = new DiagnosticBag();
        Assert.Null(SiteLoader.Load(new LoadOptions(bare.Directory) { Repository = "not a repository" }, diagnostics));
        Assert.Contains(diagnostics.ToSortedList(), d => d.ToString().Contains("--repository 'not a repository' must be owner/name", StringComparison.Ordinal));
    }
}
