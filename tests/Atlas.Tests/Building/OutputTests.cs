using Atlas.Output;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

public sealed class OutputTests
{
    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var site = TestSite.Minimal();
        site.BuildOk(Path.Combine(site.Directory, "out-a"));
        site.BuildOk(Path.Combine(site.Directory, "out-b"));
        var a = TestSite.Snapshot(Path.Combine(site.Directory, "out-a"));
        var b = TestSite.Snapshot(Path.Combine(site.Directory, "out-b"));
        Assert.True(a.Count > 10);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_failing_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);

        site.Write("content/parks/gaozhu.yml", "name: {zh: 高竹, en: Gaozhu}\nsummary: {zh: x, en: y}\ncities: [nowhere]\n");
        site.Write("content/cities/chengdu.en.md", "Changed text that must not be published.\n");
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".public.staging")));
    }

    [Fact]
    public void A_template_error_found_while_rendering_also_leaves_the_output_untouched()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);
        site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1>{{ entity.missing }}\n");
        Assert.False(site.Build().Succeeded);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void A_successful_build_replaces_the_output_and_drops_pages_that_no_longer_exist()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        Assert.True(site.Exists("en/cities/chengdu/index.html"));
        site.Write("content/cities/chongqing.yml", "name: {zh: 重庆, en: Chongqing}\nsummary: {zh: 直辖市, en: A municipality}\ncoordinates: [106.55, 29.56]\n");
        site.Write("content/parks/gaozhu.zh.md", "高竹新区正文。\n");
        foreach (var file in new[] { "chengdu.yml", "chengdu.zh.md", "chengdu.en.md" })
        {
            site.Delete($"content/cities/{file}");
        }

        site.BuildOk();
        Assert.False(site.Exists("en/cities/chengdu/index.html"));
        Assert.True(site.Exists("en/cities/chongqing/index.html"));
    }

    [Fact]
    public void An_existing_folder_that_no_build_wrote_is_not_replaced_unless_forced()
    {
        using var site = TestSite.Minimal();
        var foreign = Path.Combine(site.Directory, "elsewhere");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.docx"), "precious");

        var refused = site.Build(foreign);
        Assert.False(refused.Succeeded);
        Assert.Contains("holds files that no atlas build wrote", refused.Diagnostics.Single().Message);
        Assert.True(File.Exists(Path.Combine(foreign, "thesis.docx")));

        Assert.True(site.Build(foreign, force: true).Succeeded);
        Assert.False(File.Exists(Path.Combine(foreign, "thesis.docx")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/home/editor")]
    [InlineData("/home")]
    [InlineData("/work/site")]
    [InlineData("/work")]
    [InlineData("/work/site/content")]
    [InlineData("/work/site/content/parks")]
    [InlineData("/work/site/templates")]
    public void Dangerous_output_folders_are_refused_by_the_policy(string output)
    {
        Assert.NotNull(OutputPathPolicy.Check("/work/site", output, "/home/editor"));
    }

    [Theory]
    [InlineData("/work/site/public")]
    [InlineData("/work/site/build/preview")]
    [InlineData("/tmp/atlas-out")]
    public void Ordinary_output_folders_are_accepted(string output)
    {
        Assert.Null(OutputPathPolicy.Check("/work/site", output, "/home/editor"));
    }

    [Fact]
    public void A_refused_output_is_reported_before_anything_is_written()
    {
        using var site = TestSite.Minimal();
        var result = site.Build(Path.Combine(site.Directory, "content"));
        Assert.False(result.Succeeded);
        Assert.Contains("inside the site's content/ folder", Assert.Single(result.Diagnostics).Message);
        Assert.False(File.Exists(Path.Combine(site.Directory, "content", OutputWriter.MarkerFile)));
    }
}
