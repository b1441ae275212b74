using Atlas.Checking;

namespace Atlas.Tests.Building;

/// <summary>
/// Weight budgets of the shipped atlas, measured on its build as a browser gets it (gzip, the page with the CSS,
/// scripts and images it loads; see <see cref="PageWeights"/>): an entity page with its locator map at most 150 KB,
/// the home page at most 300 KB, and at most 30 KB of scripts on any page but search.
/// </summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class PageWeightTests(ShippedSiteTests.Build build)
{
    private const long EntityBudget = 150 * 1024;
    private const long HomeBudget = 300 * 1024;
    private const long ScriptBudget = 30 * 1024;

    private IReadOnlyList<PageWeight> Weights
    {
        get
        {
            _ = build.Site; // fails with the build's diagnostics if it did not build
            return PageWeights.Measure(build.OutputDirectory);
        }
    }

    [Fact]
    public void Pages_stay_within_their_weight_budgets()
    {
        // The web editor (/admin/, issue 23) is for editors, not readers: it loads Decap CMS (1.5 MB gzipped) and
        // is in no reader's path (no link, no sitemap, noindex).
        var weights = Weights.Where(w => w.Page != "admin/index.html").ToList();
        var over = new List<string>();
        foreach (var weight in weights)
        {
            var segments = weight.Page.Split('/');
            var budget = segments is [_, "index.html"] ? HomeBudget
                : segments.Length == 4 ? EntityBudget // /<lang>/<collection>/<slug>/: an entity (or a term) page
                : long.MaxValue;
            if (weight.Total > budget)
            {
                over.Add($"{weight.Page}: {weight.Total / 1024} KB, over its {budget / 1024} KB budget ({string.Join(", ", weight.Loads.Select(l => $"{l.File} {l.Bytes / 1024} KB"))})");
            }

            if (segments is not [_, "search", "index.html"] && weight.Scripts > ScriptBudget)
            {
                over.Add($"{weight.Page}: {weight.Scripts / 1024} KB of scripts, over the {ScriptBudget / 1024} KB budget");
            }
        }

        Assert.True(over.Count == 0, string.Join("\n", over));
        // The budgets were applied: both home pages and hundreds of entity pages were measured.
        Assert.Equal(2, weights.Count(w => w.Page.Split('/') is [_, "index.html"] && w.Page != "index.html"));
        Assert.True(weights.Count(w => w.Page.Split('/').Length == 4) > 400);
    }

    [Fact]
    public void A_page_weighs_its_html_and_what_it_loads_not_what_it_links()
    {
        var home = Weights.Single(w => w.Page == "en/index.html");
        var loaded = home.Loads.Select(l => l.File).ToList();
        Assert.Contains(loaded, f => f.StartsWith("assets/style.", StringComparison.Ordinal) && f.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(loaded, f => f.StartsWith("assets/atlas.", StringComparison.Ordinal) && f.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(loaded, f => f.StartsWith("assets/basemap.", StringComparison.Ordinal)); // the small map's base, an <image>
        Assert.Contains(loaded, f => f.StartsWith("assets/favicon.", StringComparison.Ordinal));
        Assert.DoesNotContain(loaded, f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".geojson", StringComparison.Ordinal));
        Assert.True(home.Html > 0 && home.Html < new FileInfo(Path.Combine(build.OutputDirectory, "en/index.html")).Length, "the HTML is counted gzip-compressed");
        Assert.Equal(home.Html + home.Loads.Sum(l => l.Bytes), home.Total);
    }
}
