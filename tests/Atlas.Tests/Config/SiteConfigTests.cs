using Atlas.Tests.Support;

namespace Atlas.Tests.Config;

public sealed class SiteConfigTests
{
    private static string SiteYml(string collections) => $"""
-- site.yml --
title: {"{"}zh: 测试, en: Test{"}"}
base_url: https://example.org/
default_language: zh
languages:
  - {"{"}code: zh, locale: zh-CN, name: 中文{"}"}
  - {"{"}code: en, locale: en, name: English{"}"}
collections:
{collections}
""";

    [Fact]
    public void Unknown_keys_in_site_yml_are_errors_with_the_known_ones_listed()
    {
        using var site = TestSite.Minimal(SiteYml("""
  cities:
    title: {zh: 城市, en: Cities}
    feilds: {}
"""));
        var error = DiagnosticAssert.HasError(site.Build(), "site.yml", 10, "unknown key 'feilds'");
        Assert.Contains("fields", error.Message);
    }

    [Fact]
    public void Unknown_field_types_list_the_valid_ones()
    {
        using var site = TestSite.Minimal(SiteYml("""
  cities:
    title: {zh: 城市, en: Cities}
    fields:
      coordinates: {type: point}
"""));
        DiagnosticAssert.HasError(site.Build(), "site.yml", 11, "unknown field type 'point'");
    }

    [Fact]
    public void References_must_point_to_declared_collections()
    {
        using var site = TestSite.Minimal(SiteYml("""
  cities:
    title: {zh: 城市, en: Cities}
    fields:
      coordinates: {type: coordinates}
      province: {type: reference, to: provinces}
"""));
        DiagnosticAssert.HasError(site.Build(), "site.yml", 12, "points to collection 'provinces', which site.yml does not declare");
    }

    [Fact]
    public void The_default_language_must_be_declared()
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).Replace("default_language: zh", "default_language: fr"));
        DiagnosticAssert.HasError(site.Build(), "site.yml", 4, "default_language 'fr' is not one of the declared languages");
    }

    [Fact]
    public void A_new_collection_needs_no_code_only_site_yml_templates_and_content()
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")) + """
  meetings:
    title: {zh: 会议, en: Meetings}
    fields:
      held: {type: date, required: true}
      city: {type: reference, to: cities}

""");
        site.Write("content/meetings/first.yml", "name: {zh: 第一次会议, en: First meeting}\nsummary: {zh: 会议, en: A meeting}\nheld: 2020-03-17\ncity: chongqing\n");
        site.Write("content/meetings/first.zh.md", "会议。\n");
        site.Write("content/meetings/first.en.md", "Meeting.\n");
        foreach (var bundle in new[] { "zh", "en" })
        {
            var path = Path.Combine(site.Directory, $"templates/i18n/{bundle}.yml");
            File.WriteAllText(path, File.ReadAllText(path).Replace("field: {", "field: {held: H, city: C, "));
        }

        site.BuildOk();
        Assert.Contains("First meeting", site.Read("en/meetings/first/index.html"));
        Assert.Contains("17 March 2020", site.Read("en/meetings/first/index.html"));
        Assert.Contains("First meeting", site.Read("en/cities/chongqing/index.html")); // the backlink
    }

    [Fact]
    public void A_collection_kept_out_of_the_menu_is_still_built_and_listed_for_templates()
    {
        using var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", config.Replace("  cities:\n    title: {zh: 城市, en: Cities}\n", "  cities:\n    title: {zh: 城市, en: Cities}\n    menu: false\n", StringComparison.Ordinal));
        site.Write("templates/home.html", "{{ for c in site.collections }}[{{ c.name }} {{ c.menu }}]{{ end }}");
        site.BuildOk();
        Assert.Contains("[parks true][cities false]", site.Read("en/index.html"));
        Assert.True(File.Exists(Path.Combine(site.Output, "en", "cities", "index.html")));
    }
}
