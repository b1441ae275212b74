using Atlas.Tests.Support;

namespace Atlas.Tests.Model;

/// <summary>The route field type: references whose order is the meaning (a corridor from one city to the next).</summary>
public sealed class RouteFieldTests
{
    /// <summary>The minimal site with parks' sources declared as a route (its label is in the bundles already).</summary>
    private static TestSite SiteWithRoute(string stops)
    {
        var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", config.Replace("sources: {type: references, to: cities}", "sources: {type: route, to: cities}", StringComparison.Ordinal));
        site.Write("content/parks/gaozhu.yml", $"""
            name: {"{"}zh: 川渝高竹新区, en: Gaozhu New Area{"}"}
            summary: {"{"}zh: 跨省新区, en: A cross-provincial new area{"}"}
            kind: zone
            sources: {stops}

            """);
        return site;
    }

    [Fact]
    public void A_route_keeps_its_order_on_the_page_and_in_the_data()
    {
        using var site = SiteWithRoute("[chongqing, chengdu]");
        site.BuildOk();
        var page = System.Net.WebUtility.HtmlDecode(site.Read("en/parks/gaozhu/index.html"));
        Assert.Contains("<dd>Chongqing → Chengdu</dd>", page);
        // The page's list of what it references keeps the order too.
        Assert.Matches("<ul class=\"refs-sources\"><li><a href=\"[^\"]*\">Chongqing</a></li><li><a href=\"[^\"]*\">Chengdu</a></li></ul>", page);
        Assert.Contains("\"cities/chongqing\",\n      \"cities/chengdu\"", site.Read("data/parks.json"));
        Assert.Contains("cities/chongqing; cities/chengdu", site.Read("data/parks.csv"));
    }

    [Fact]
    public void Every_stop_of_a_route_gets_a_backlink()
    {
        using var site = SiteWithRoute("[chongqing, chengdu]");
        site.BuildOk();
        Assert.Matches("<ul class=\"backlinks-parks\"><li><a href=\"[^\"]*/parks/gaozhu/\">Gaozhu New Area</a></li></ul>", site.Read("en/cities/chengdu/index.html"));
        Assert.Matches("<ul class=\"backlinks-parks\"><li><a href=\"[^\"]*/parks/gaozhu/\">Gaozhu New Area</a></li></ul>", site.Read("en/cities/chongqing/index.html"));
    }

    [Fact]
    public void Reordering_a_route_changes_what_the_incremental_build_sees()
    {
        using var site = SiteWithRoute("[chongqing, chengdu]");
        site.BuildOk();
        site.Write("content/parks/gaozhu.yml", File.ReadAllText(Path.Combine(site.Directory, "content/parks/gaozhu.yml"))
            .Replace("[chongqing, chengdu]", "[chengdu, chongqing]", StringComparison.Ordinal));
        site.BuildOk();
        Assert.Contains("<dd>Chengdu → Chongqing</dd>", System.Net.WebUtility.HtmlDecode(site.Read("en/parks/gaozhu/index.html")));
    }

    [Theory]
    [InlineData("[chongqing, chengdu, chongqing]", "'chongqing' is listed twice in 'sources'; remove one.")]
    [InlineData("[chengdu, xian]", "'sources' refers to cities/xian, which does not exist; create content/cities/xian.yml or fix the slug.")]
    [InlineData("[chengdu]", "'sources' is a route: list at least two stops, from first to last, like [a, b].")]
    [InlineData("chengdu", "'sources' must be a list like [a, b], not a single value.")]
    [InlineData("[chengdu, parks/gaozhu]", "'sources' points into cities, not into 'parks'; fix the reference or the field.")]
    public void A_wrong_route_is_reported_on_its_line(string stops, string message)
    {
        using var site = SiteWithRoute(stops);
        var error = DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 4, message);
        Assert.Equal(message, error.Message);
    }
}
