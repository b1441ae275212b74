using Atlas.Checking;
using Atlas.Tests.Support;

namespace Atlas.Tests.Shipping;

/// <summary>
/// The link checker reads each page once and lets it go: what one page's check needs of another (its #anchors, its
/// language alternates) must still be found, in both directions, as when every page was kept.
/// </summary>
public sealed class CheckStreamingTests
{
    private static void Append(TestSite site, string page, string html)
    {
        var file = Path.Combine(site.Output, page);
        File.WriteAllText(file, File.ReadAllText(file).Replace("</body>", html + "</body>"));
    }

    [Fact]
    public void Anchors_in_other_pages_and_on_the_same_page_are_checked_both_ways()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        Append(site, "en/parks/gaozhu/index.html", "<p id=\"kept-anchor\">x</p><a href=\"#kept-anchor\">same page, good</a><a href=\"#gone\">same page, bad</a>");
        // Checked before and after the page that holds the anchor (pages are read in parallel, in any order).
        Append(site, "en/cities/chengdu/index.html", "<a href=\"../../parks/gaozhu/#kept-anchor\">good</a><a href=\"../../parks/gaozhu/#missing\">bad</a>");
        Append(site, "zh/parks/gaozhu/index.html", "<a href=\"../../../en/parks/gaozhu/#kept-anchor\">good</a>");

        var report = SiteChecker.Check(site.Output, "https://example.org/atlas/");
        Assert.Equal(
        [
            "en/cities/chengdu/index.html: broken anchor href=\"../../parks/gaozhu/#missing\": en/parks/gaozhu/index.html has no element with id \"missing\".",
            "en/parks/gaozhu/index.html: broken anchor href=\"#gone\": en/parks/gaozhu/index.html has no element with id \"gone\".",
        ], report.Problems.Select(p => $"{p.Location.Path}: {p.Message}"));
    }

    [Fact]
    public void A_language_alternate_that_is_not_pointed_back_to_is_found()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        Assert.Empty(SiteChecker.Check(site.Output, "https://example.org/atlas/").Problems);

        // The English Chengdu page no longer names its alternates (x-default, the Chinese page, counts as pointing
        // back): the Chinese page's English alternate is one-sided.
        var file = Path.Combine(site.Output, "en/cities/chengdu/index.html");
        var html = File.ReadAllText(file);
        var withoutAlternates = System.Text.RegularExpressions.Regex.Replace(html, "<link rel=\"alternate\" hreflang=[^>]*>", "");
        Assert.NotEqual(html, withoutAlternates);
        File.WriteAllText(file, withoutAlternates);

        var report = SiteChecker.Check(site.Output, "https://example.org/atlas/");
        var problem = Assert.Single(report.Problems);
        Assert.Equal("zh/cities/chengdu/index.html", problem.Location.Path);
        Assert.Equal("hreflang en points to en/cities/chengdu/index.html, which has no alternate pointing back here.", problem.Message);
    }
}
