using System.Xml.Linq;
using Atlas.Tests.Support;

namespace Atlas.Tests.Shipping;

/// <summary>Sitemaps at scale: lastmod from the Git dates, and an index of files of at most sitemap.max_urls URLs.</summary>
public sealed class SitemapTests
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static List<string> Locations(XDocument urlset) =>
        [.. urlset.Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value)];

    [Fact]
    public void A_site_over_the_limit_gets_an_index_of_files_within_it_listing_every_page_once()
    {
        using var whole = TestSite.Minimal();
        whole.BuildOk();
        var all = Locations(XDocument.Parse(whole.Read("sitemap.xml")));
        Assert.Equal(13, all.Count);

        using var site = TestSite.Minimal();
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), "sitemap: {max_urls: 5}\n");
        site.BuildOk();
        var index = XDocument.Parse(site.Read("sitemap.xml"));
        Assert.Equal(Sitemaps + "sitemapindex", index.Root!.Name);
        var parts = index.Root.Elements(Sitemaps + "sitemap").Select(s => s.Element(Sitemaps + "loc")!.Value).ToList();
        Assert.Equal(["https://example.org/atlas/sitemap-1.xml", "https://example.org/atlas/sitemap-2.xml", "https://example.org/atlas/sitemap-3.xml"], parts);

        var listed = new List<string>();
        foreach (var part in parts)
        {
            var urls = Locations(XDocument.Parse(site.Read(part["https://example.org/atlas/".Length..])));
            Assert.InRange(urls.Count, 1, 5);
            listed.AddRange(urls);
        }

        Assert.Equal(all, listed);
        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://example.org/atlas/sitemap.xml\n", site.Read("robots.txt"));
        Assert.Equal(whole.Read("sitemap.xml"), Build(whole, limit: 13)); // at the limit exactly: one file, as before
    }

    private static string Build(TestSite site, int limit)
    {
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), $"sitemap: {{max_urls: {limit}}}\n");
        site.BuildOk();
        return site.Read("sitemap.xml");
    }

    [Theory]
    [InlineData("sitemap: {max_urls: 0}", "sitemap max_urls must be between 1 and 50000")]
    [InlineData("sitemap: {max_urls: 50001}", "sitemap max_urls must be between 1 and 50000")]
    [InlineData("sitemap: {max_urls: many}", "'max_urls' in sitemap must be a whole number")]
    [InlineData("sitemap: {max: 5}", "max")]
    [InlineData("git_dates: sometimes", "'git_dates' in site.yml must be true or false")]
    public void A_bad_setting_is_a_located_error(string line, string message)
    {
        using var site = TestSite.Minimal();
        var lines = File.ReadAllLines(Path.Combine(site.Directory, "site.yml")).Length;
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), line + "\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("site.yml", error.Location.Path);
        Assert.Equal(lines + 1, error.Location.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Lastmod_is_each_entitys_last_commit_and_the_newest_of_a_list_and_absent_where_unknown()
    {
        using var site = TestSite.Minimal();
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), "git_dates: true\n");
        Git.Commit(site.Directory, "2024-03-05T10:00:00Z");
        site.Write("content/cities/chongqing.en.md", "Chongqing, edited later.\n");
        Git.Commit(site.Directory, "2025-06-07T10:00:00Z");
        var result = site.Build(output: Path.Combine(Path.GetDirectoryName(site.Directory)!, "out"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var sitemap = XDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(site.Directory)!, "out", "sitemap.xml")));
        var lastmod = sitemap.Root!.Elements(Sitemaps + "url").ToDictionary(
            u => u.Element(Sitemaps + "loc")!.Value["https://example.org/atlas/".Length..], u => u.Element(Sitemaps + "lastmod")?.Value);

        Assert.Equal("2024-03-05", lastmod["en/cities/chengdu/"]);
        Assert.Equal("2024-03-05", lastmod["zh/cities/chengdu/"]);
        Assert.Equal("2025-06-07", lastmod["en/cities/chongqing/"]);
        Assert.Equal("2025-06-07", lastmod["zh/cities/chongqing/"]); // the entity changed, whichever language's file
        Assert.Equal("2024-03-05", lastmod["en/parks/gaozhu/"]);
        Assert.Equal("2025-06-07", lastmod["en/cities/"]); // a list: the newest of what it lists
        Assert.Equal("2024-03-05", lastmod["en/parks/"]);
        Assert.Null(lastmod["en/"]); // the home page: a selection from across the site, drawn also by templates
        Assert.Null(lastmod[""]);
    }

    [Fact]
    public void Without_git_dates_no_page_has_a_lastmod()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        Assert.DoesNotContain("lastmod", site.Read("sitemap.xml"));
    }
}
