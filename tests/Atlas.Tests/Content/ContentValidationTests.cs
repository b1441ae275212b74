using Atlas.Tests.Support;

namespace Atlas.Tests.Content;

/// <summary>One test per kind of content mistake: each names the file and line an editor has to fix.</summary>
public sealed class ContentValidationTests
{
    [Fact]
    public void The_minimal_site_builds()
    {
        using var site = TestSite.Minimal();
        var result = site.BuildOk();
        Assert.Equal(0, result.WarningCount);
    }

    [Fact]
    public void Bad_yaml_names_file_and_line()
    {
        using var site = TestSite.Minimal("""
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: "unclosed}
kind: zone
""");
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", null, "quoted value is not closed");
    }

    [Fact]
    public void Unknown_field_names_the_field_and_lists_the_declared_ones()
    {
        using var site = TestSite.Minimal("""
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A new area}
kind: zone
citys: [chongqing]
""");
        var error = DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 4, "'citys' is not a field of collection 'parks'");
        Assert.Contains("cities", error.Message);
    }

    [Theory]
    [InlineData("established: last year", "must be a date")]
    [InlineData("area: 12 km2", "must be a number")]
    [InlineData("kind: campus", "'campus' is not allowed in 'kind'")]
    [InlineData("cities: {a: b}", "must be a list")]
    public void Wrong_type_is_reported_on_its_line(string line, string fragment)
    {
        using var site = TestSite.Minimal($"""
-- content/parks/gaozhu.yml --
name: {"{"}zh: 川渝高竹新区, en: Gaozhu New Area{"}"}
summary: {"{"}zh: 跨省新区, en: A new area{"}"}
{line}
""");
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 3, fragment);
    }

    [Fact]
    public void Missing_required_field_says_what_to_add()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: 成都, en: Chengdu}
summary: {zh: 四川省会, en: Capital of Sichuan}
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.yml", 1, "required field 'coordinates' is missing; add coordinates: [104.07, 30.67]");
    }

    [Fact]
    public void A_localized_field_missing_a_language_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: 成都}
summary: {zh: 四川省会, en: Capital of Sichuan}
coordinates: [104.07, 30.57]
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.yml", 1, "'name' has no 'en' text");
    }

    [Fact]
    public void Front_matter_may_provide_a_language_of_a_localized_field()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: 成都}
summary: {zh: 四川省会, en: Capital of Sichuan}
coordinates: [104.07, 30.57]
-- content/cities/chengdu.en.md --
---
name: Chengdu City
---
Body.
""");
        site.BuildOk();
        Assert.Contains("<h1>Chengdu City</h1>", site.Read("en/cities/chengdu/index.html"));
        Assert.Contains("<h1>成都</h1>", site.Read("zh/cities/chengdu/index.html"));
    }

    [Fact]
    public void Dangling_reference_names_the_missing_entity()
    {
        using var site = TestSite.Minimal("""
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A new area}
cities: [chongqing, guangan]
""");
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 3, "refers to cities/guangan, which does not exist");
    }

    [Fact]
    public void Reference_into_the_wrong_collection_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chongqing.yml --
name: {zh: 重庆, en: Chongqing}
summary: {zh: 直辖市, en: A municipality}
coordinates: [106.55, 29.56]
twin: parks/gaozhu
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chongqing.yml", 4, "'twin' points into cities, not into 'parks'");
    }

    [Fact]
    public void Reference_to_itself_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chongqing.yml --
name: {zh: 重庆, en: Chongqing}
summary: {zh: 直辖市, en: A municipality}
coordinates: [106.55, 29.56]
twin: chongqing
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chongqing.yml", 4, "refers to this entity itself");
    }

    [Fact]
    public void Two_files_differing_only_in_case_are_a_duplicate_slug()
    {
        using var site = TestSite.Minimal("""
-- content/cities/Chengdu.yml --
name: {zh: 成都, en: Chengdu}
""");
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/cities/chengdu.yml" && d.Message.Contains("only in letter case", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("content/cities/Xian.yml")]
    [InlineData("content/cities/xi an.yml")]
    [InlineData("content/cities/西安.yml")]
    [InlineData("content/cities/xi_an.yml")]
    public void Invalid_slugs_are_refused(string path)
    {
        using var site = TestSite.Minimal();
        site.Write(path, "name: {zh: 西安, en: Xi'an}\n");
        DiagnosticAssert.HasError(site.Build(), path, 1, "is not a valid slug");
    }

    [Fact]
    public void Missing_translation_names_the_file_to_create()
    {
        using var site = TestSite.Minimal();
        site.Delete("content/cities/chengdu.en.md");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.yml", 1, "has no English page; create content/cities/chengdu.en.md");
    }

    [Fact]
    public void Unknown_language_code_in_a_file_name_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.fr.md --
Chengdu en français.
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.fr.md", 1, "'fr' is not a language of the site");
    }

    [Fact]
    public void Unknown_language_key_in_a_localized_value_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: 成都, en: Chengdu, fr: Chengdou}
summary: {zh: 四川省会, en: Capital of Sichuan}
coordinates: [104.07, 30.57]
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.yml", 1, "'fr' is not a language of the site");
    }

    [Fact]
    public void Markdown_without_data_file_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/xian.zh.md --
西安。
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/xian.zh.md", 1, "there is no data file");
    }

    [Fact]
    public void Stray_files_and_undeclared_folders_are_errors()
    {
        using var site = TestSite.Minimal("""
-- content/cities/notes.txt --
notes
-- content/people/someone.yml --
name: {zh: 某人, en: Someone}
""");
        var result = site.Build();
        DiagnosticAssert.HasError(result, "content/cities/notes.txt", 1, "only <slug>.yml and <slug>.<language>.md");
        DiagnosticAssert.HasError(result, "content/people/", 1, "not a collection folder declared in site.yml");
    }

    [Fact]
    public void Unclosed_front_matter_is_reported_on_line_one()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
---
summary: never closed
Body.
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.en.md", 1, "never closed");
    }

    [Fact]
    public void Front_matter_that_is_not_a_map_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
---
- a
- b
---
Body.
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.en.md", 2, "front matter must be a map");
    }

    [Fact]
    public void Front_matter_may_not_set_shared_fields()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
---
coordinates: [1, 2]
---
Body.
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.en.md", 2, "'coordinates' is shared by all languages");
    }

    [Fact]
    public void Script_links_in_markdown_are_errors_at_their_line_after_front_matter()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
---
summary: Capital
---
Line four.

[click](javascript:alert(1))
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.en.md", 6, "'javascript:' URLs are not allowed");
    }

    [Fact]
    public void Entity_links_must_resolve()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
See [Xi'an](ref:cities/xian).
""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.en.md", 1, "'ref:cities/xian' points to no entity");
    }

    [Fact]
    public void An_empty_data_file_is_an_error()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --

""");
        DiagnosticAssert.HasError(site.Build(), "content/cities/chengdu.yml", 1, "the data file is empty");
    }

    [Fact]
    public void Crlf_line_ends_and_a_bom_build_like_lf()
    {
        using var site = TestSite.Minimal();
        var yaml = "name: {zh: 成都, en: Chengdu}\r\nsummary: {zh: 四川省会, en: Capital of Sichuan}\r\ncoordinates: [104.07, 30.57]\r\n";
        site.WriteBytes("content/cities/chengdu.yml", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(yaml)]);
        site.Write("content/cities/chengdu.en.md", "---\r\nsummary: Capital\r\n---\r\nChengdu body.\r\n");
        site.BuildOk();
        Assert.Contains("<p class=\"summary\">Capital</p>", site.Read("en/cities/chengdu/index.html"));
    }

    [Fact]
    public void All_problems_of_a_run_are_reported_together()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: 成都, en: Chengdu}
summary: {zh: 四川省会, en: Capital of Sichuan}
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A new area}
kind: campus
-- templates/home.html --
{{ if }}
""");
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/cities/chengdu.yml");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "content/parks/gaozhu.yml");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "templates/home.html");
    }
}
