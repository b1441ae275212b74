using Atlas.Cli;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Editing;
using Atlas.Tests.Support;
using Atlas.Model.Fields;

namespace Atlas.Tests.Editing;

public sealed class EditingCommandsTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = AtlasCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void New_scaffolds_files_that_fail_until_required_fields_are_filled_then_pass()
    {
        using var site = TestSite.Minimal();
        var created = Run("new", "cities", "xian", "--site", site.Directory);
        Assert.Equal(0, created.Exit);
        Assert.Contains("created content/cities/xian.yml", created.Out);
        var data = File.ReadAllText(Path.Combine(site.Directory, "content/cities/xian.yml"));
        Assert.StartsWith("# yaml-language-server: $schema=../../.atlas/schemas/cities.schema.json", data);
        Assert.Contains("coordinates:  # required: [longitude, latitude]", data);
        Assert.Contains("# twin:  # optional:", data);

        var unfilled = site.Build();
        DiagnosticAssert.HasError(unfilled, "content/cities/xian.yml", 1, "required field 'coordinates' is missing");

        site.Write("content/cities/xian.yml", data
            .Replace("name:  # required\n  zh:\n  en:\n", "name:  # required\n  zh: 西安\n  en: Xi'an\n")
            .Replace("coordinates:  # required: [longitude, latitude]", "coordinates: [108.94, 34.34]"));
        site.Write("content/cities/xian.zh.md", File.ReadAllText(Path.Combine(site.Directory, "content/cities/xian.zh.md")).Replace("summary:", "summary: 陕西省会"));
        site.Write("content/cities/xian.en.md", File.ReadAllText(Path.Combine(site.Directory, "content/cities/xian.en.md")).Replace("summary:", "summary: Capital of Shaanxi"));
        site.BuildOk();
        Assert.Contains("Xi&#39;an", site.Read("en/cities/xian/index.html"));
    }

    [Theory]
    [InlineData("cities", "Xian", "is not a valid slug")]
    [InlineData("cities", "chengdu", "already exists")]
    [InlineData("towns", "xian", "there is no collection 'towns'")]
    public void New_refuses_invalid_or_existing_slugs_and_unknown_collections(string collection, string slug, string message)
    {
        using var site = TestSite.Minimal();
        var before = TestSite.Snapshot(Path.Combine(site.Directory, "content"));
        var result = Run("new", collection, slug, "--site", site.Directory);
        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Err);
        Assert.Equal(before, TestSite.Snapshot(Path.Combine(site.Directory, "content")));
    }

    [Fact]
    public void New_never_writes_through_a_link()
    {
        // A committed content/parks -> somewhere-outside, or a link standing where the new file would go.
        using var site = TestSite.Minimal();
        var outside = Directory.CreateTempSubdirectory("atlas-outside-").FullName;
        try
        {
            Directory.Delete(Path.Combine(site.Directory, "content/parks"), recursive: true);
            Directory.CreateSymbolicLink(Path.Combine(site.Directory, "content/parks"), outside);
            var throughFolder = Run("new", "parks", "lize-hub", "--site", site.Directory);
            Assert.Equal(1, throughFolder.Exit);
            Assert.Contains("content/parks/:1:1: error: this is a symbolic link, not a folder", throughFolder.Err);

            File.CreateSymbolicLink(Path.Combine(site.Directory, "content/cities/xian.yml"), Path.Combine(outside, "xian.yml"));
            var throughFile = Run("new", "cities", "xian", "--site", site.Directory);
            Assert.Equal(1, throughFile.Exit);
            Assert.Contains("content/cities/xian.yml:1:1: error: this file already exists", throughFile.Err);
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Status_counts_a_missing_translation()
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).Replace(
            "    title: {zh: 城市, en: Cities}", "    title: {zh: 城市, en: Cities}\n    fallback: true"));
        site.Delete("content/cities/chengdu.en.md");
        var result = Run("status", "--site", site.Directory);
        Assert.Equal(0, result.Exit);
        Assert.Matches(@"cities\s+2\s+2/2\s+1/2", result.Out);
        var json = Run("status", "--site", site.Directory, "--json");
        Assert.Contains("\"translated\"", json.Out);
        Assert.Contains("\"en\": 1", json.Out);
    }

    [Fact]
    public void Check_passes_a_good_site_and_fails_on_a_broken_link_and_a_missing_anchor()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var good = Run("check", "--site", site.Directory, "--output", site.Output);
        Assert.Equal(0, good.Exit);
        Assert.Contains("0 problems", good.Out);

        var page = Path.Combine(site.Output, "en/cities/chengdu/index.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>",
            "<a href=\"../../parks/nowhere/\">x</a><a href=\"../../parks/gaozhu/#no-such-anchor\">y</a></body>"));
        var bad = Run("check", "--site", site.Directory, "--output", site.Output);
        Assert.Equal(1, bad.Exit);
        Assert.Matches(@"en/cities/chengdu/index\.html:\d+:\d+: error: broken link href=""\.\./\.\./parks/nowhere/""", bad.Err);
        Assert.Matches(@"en/cities/chengdu/index\.html:\d+:\d+: error: broken anchor href=""\.\./\.\./parks/gaozhu/#no-such-anchor""", bad.Err);
    }

    [Fact]
    public void Check_builds_the_current_content_when_no_output_is_given()
    {
        using var site = TestSite.Minimal();
        var result = Run("check", "--site", site.Directory);
        Assert.Equal(0, result.Exit);
        Assert.Contains("checked 13 pages", result.Out);
    }

    [Fact]
    public void The_committed_schemas_match_site_yml()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Repository.Root, FieldTypes.Catalog, diagnostics)!;
        foreach (var (path, content) in SchemaWriter.Schemas(config))
        {
            var committed = Path.Combine(Repository.Root, path);
            Assert.True(File.Exists(committed), $"{path} is missing: run 'dotnet run --project src/Atlas.Cli -- schema'");
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(committed)), $"{path} is out of date: run 'dotnet run --project src/Atlas.Cli -- schema'");
        }
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = TestSite.Minimal();
        site.Write("content/cities/xian.yml", "name: {zh: 西安, en: Xi'an}\nsummary: {zh: 陕西, en: Shaanxi}\ncoordinates: [108.94, 34.34]\ndraft: true\n");
        site.Write("content/cities/xian.zh.md", "西安。\n");
        site.Write("content/cities/xian.en.md", "Xi'an.\n");
        site.BuildOk();
        Assert.False(site.Exists("en/cities/xian/index.html"));
        Assert.Equal(0, Run("build", "--site", site.Directory, "--drafts").Exit);
        Assert.True(site.Exists("en/cities/xian/index.html"));
    }
}
