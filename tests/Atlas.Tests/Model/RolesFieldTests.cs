using Atlas.Tests.Support;

namespace Atlas.Tests.Model;

/// <summary>The roles field type: the posts a person held, each as a dated source gives it.</summary>
public sealed class RolesFieldTests
{
    /// <summary>The minimal site with parks' area declared as roles sourced from cities (its label is in the bundles already).</summary>
    private static TestSite SiteWithRoles(string roles)
    {
        var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", config.Replace("area: {type: number}", "area: {type: roles, to: cities}", StringComparison.Ordinal));
        site.Write("content/parks/gaozhu.yml", $"""
            name: {"{"}zh: 川渝高竹新区, en: Gaozhu New Area{"}"}
            summary: {"{"}zh: 跨省新区, en: A cross-provincial new area{"}"}
            kind: zone
            area: {roles}

            """);
        return site;
    }

    [Fact]
    public void Roles_are_shown_newest_first_in_each_language_and_exported_in_the_order_written()
    {
        using var site = SiteWithRoles("[{title: {zh: 副市长, en: Vice-mayor}, date: 2020-12, source: chengdu}, {title: {zh: 市长, en: Mayor}, date: 2024-03, source: chongqing}]");
        site.BuildOk();
        Assert.Contains("<dd>Mayor, Vice-mayor</dd>", site.Read("en/parks/gaozhu/index.html"));
        var json = site.Read("data/parks.json");
        Assert.True(json.IndexOf("Vice-mayor", StringComparison.Ordinal) < json.IndexOf("\"Mayor\"", StringComparison.Ordinal), json);
        Assert.Contains("Vice-mayor / 副市长 (2020-12; cities/chengdu); Mayor / 市长 (2024-03; cities/chongqing)", site.Read("data/parks.csv"));
    }

    [Fact]
    public void A_role_a_later_source_no_longer_gives_is_marked_former_for_templates()
    {
        using var site = SiteWithRoles("[{title: {zh: 副市长, en: Vice-mayor}, date: 2020-12, source: chengdu}, {title: {zh: 市长, en: Mayor}, date: 2024-03, source: chongqing}]");
        site.Write("templates/entity.html", """
            {{ if entity.collection == "parks" }}{{ for role in entity.values.area.items }}<p>{{ role.title }}|{{ role.former }}|{{ role.date }}|{{ role.source.name }}</p>{{ end }}{{ end }}
            """);
        site.BuildOk();
        var page = site.Read("en/parks/gaozhu/index.html");
        Assert.Contains("<p>Mayor|false|March 2024|Chongqing</p>", page);
        Assert.Contains("<p>Vice-mayor|true|December 2020|Chengdu</p>", page);
    }

    [Theory]
    [InlineData("[{title: {zh: 市长}, date: 2021-03, source: chengdu}]", "a role in 'area' has no 'en' title; add en: ... to its title.")]
    [InlineData("[{title: 市长, date: 2021-03, source: chengdu}]", "a role in 'area' needs a title in each language: title: {zh: ..., en: ...}.")]
    [InlineData("[{title: {zh: 市长, en: Mayor}, date: 2021-13, source: chengdu}]", "the date of a role in 'area' is not a real date")]
    [InlineData("[{title: {zh: 市长, en: Mayor}, date: March, source: chengdu}]", "the date of a role in 'area' must be written YYYY-MM-DD, YYYY-MM or YYYY, not 'March'.")]
    [InlineData("[{title: {zh: 市长, en: Mayor}, date: 2021-03}]", "a role in 'area' has no source; add source: slug.")]
    [InlineData("[{title: {zh: 市长, en: Mayor}, date: 2021-03, source: xian}]", "'area' refers to cities/xian, which does not exist; create content/cities/xian.yml or fix the slug.")]
    [InlineData("[{title: {zh: 市长, en: Mayor}, date: 2021-03, source: chengdu, term: 5}]", "'term' is not part of a role in 'area'; a role has title, date and source.")]
    [InlineData("{title: {zh: 市长, en: Mayor}, date: 2021-03, source: chengdu}", "'area' must be a list of roles like")]
    [InlineData("[]", "'area' must be a list of roles like")]
    public void A_wrong_role_is_reported_on_its_line(string roles, string message)
    {
        using var site = SiteWithRoles(roles);
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 4, message);
    }
}
