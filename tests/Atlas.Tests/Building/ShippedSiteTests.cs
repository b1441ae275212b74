using Atlas.Building;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

[CollectionDefinition(Name)]
public sealed class ShippedSiteCollection : ICollectionFixture<ShippedSiteTests.Build>
{
    public const string Name = "shipped atlas";
}

/// <summary>Builds the atlas the repository ships and checks every page like a reader and a crawler would.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class ShippedSiteTests
{
    private readonly Build _build;

    public ShippedSiteTests(Build build) => _build = build;

    public sealed class Build : IDisposable
    {
        public Build()
        {
            OutputDirectory = Path.Combine(Path.GetTempPath(), "atlas-tests", "shipped-" + Guid.NewGuid().ToString("N")[..8]);
            Result = SiteBuilder.Build(new BuildOptions(Repository.Root) { OutputDirectory = OutputDirectory });
            Site = new BuiltSite(OutputDirectory, "https://example.org/atlas/");
        }

        public string OutputDirectory { get; }

        public BuildResult Result { get; }

        /// <summary>The built site; fails the calling test with the build's diagnostics if the build failed.</summary>
        public BuiltSite Site
        {
            get
            {
                Assert.True(Result.Succeeded, "the shipped atlas did not build:\n" + string.Join("\n", Result.Diagnostics.Take(30)));
                return field;
            }
        }

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(OutputDirectory + "/")!, recursive: true);
    }

    [Fact]
    public void The_shipped_atlas_builds_without_errors_or_warnings()
    {
        Assert.True(_build.Result.Succeeded, string.Join("\n", _build.Result.Diagnostics));
        Assert.Empty(_build.Result.Diagnostics);
        Assert.Equal(_build.Result.PagesPerLanguage["zh"], _build.Result.PagesPerLanguage["en"]);
    }

    [Fact]
    public void Every_internal_link_and_anchor_resolves()
    {
        var broken = new List<string>();
        foreach (var page in _build.Site.Pages)
        {
            var document = _build.Site.Document(page);
            foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src], img[src]"))
            {
                var href = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (_build.Site.Resolve(page, href) is not { } target)
                {
                    continue;
                }

                var full = Path.Combine(_build.OutputDirectory, target.File);
                if (!File.Exists(full))
                {
                    broken.Add($"{page}: {href} -> {target.File} does not exist");
                }
                else if (target.Fragment is { Length: > 0 } fragment && target.File.EndsWith(".html", StringComparison.Ordinal) &&
                         _build.Site.Document(target.File).GetElementById(fragment) is null)
                {
                    broken.Add($"{page}: {href} -> no element #{fragment}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(50)));
    }

    [Fact]
    public void Every_hreflang_alternate_exists_and_points_back()
    {
        var problems = new List<string>();
        foreach (var page in _build.Site.Pages)
        {
            foreach (var link in _build.Site.Document(page).QuerySelectorAll("link[rel=alternate][hreflang]"))
            {
                var target = _build.Site.Resolve(page, link.GetAttribute("href")!);
                if (target is null || !File.Exists(Path.Combine(_build.OutputDirectory, target.Value.File)))
                {
                    problems.Add($"{page}: hreflang {link.GetAttribute("hreflang")} -> {link.GetAttribute("href")} missing");
                    continue;
                }

                var back = _build.Site.Document(target.Value.File).QuerySelectorAll("link[rel=alternate][hreflang]")
                    .Select(l => _build.Site.Resolve(target.Value.File, l.GetAttribute("href")!)?.File);
                if (!back.Contains(page))
                {
                    problems.Add($"{page}: {target.Value.File} does not link back");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }

    [Fact]
    public void Every_page_has_a_title_one_h1_and_the_right_lang()
    {
        foreach (var page in _build.Site.Pages)
        {
            var document = _build.Site.Document(page);
            Assert.False(string.IsNullOrWhiteSpace(document.Title), $"{page} has no title");
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{page} has {document.QuerySelectorAll("h1").Length} h1");
            var expected = page.StartsWith("en/", StringComparison.Ordinal) ? "en" : "zh-CN";
            Assert.Equal(expected, document.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public void Every_entity_page_cites_at_least_one_source_and_offers_the_other_language()
    {
        var entities = _build.Site.Pages.Where(p => _build.Site.Document(p).QuerySelector("article.entity") is not null &&
                                                    !p.Contains("/sources/", StringComparison.Ordinal)).ToList();
        Assert.True(entities.Count > 400, $"only {entities.Count} entity pages");
        foreach (var page in entities)
        {
            var document = _build.Site.Document(page);
            Assert.True(document.QuerySelectorAll(".citations li a").Length >= 1, $"{page} cites no source");
            var other = page.StartsWith("zh/", StringComparison.Ordinal) ? "en" + page[2..] : "zh" + page[2..];
            var switcher = document.QuerySelectorAll(".language-switcher a")
                .Select(a => _build.Site.Resolve(page, a.GetAttribute("href")!)?.File);
            Assert.Contains(other, switcher);
        }
    }

    [Fact]
    public void The_root_page_lets_the_reader_pick_a_language_without_javascript()
    {
        var root = _build.Site.Document("index.html");
        var targets = root.QuerySelectorAll("a[hreflang]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("./zh/", targets);
        Assert.Contains("./en/", targets);
        Assert.Empty(root.QuerySelectorAll("script:not([src])"));
    }
}
