using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>The shipped atlas's entity pages link to GitHub's editor for files that exist in the repository.</summary>
[Collection(ShippedSiteCollection.Name)]
public sealed class ShippedEditLinkTests(ShippedSiteTests.Build build)
{
    [Fact]
    public void Every_entity_page_edits_its_own_language_file_and_its_data_file()
    {
        var config = File.ReadAllText(Path.Combine(Repository.Root, "site.yml"));
        var repo = System.Text.RegularExpressions.Regex.Match(config, @"(?m)^  repo: (\S+)$").Groups[1].Value;
        Assert.NotEmpty(repo);
        var prefix = $"https://github.com/{repo}/edit/main/";

        var checkedPages = 0;
        var wrong = new List<string>();
        foreach (var page in build.Site.Pages)
        {
            var parts = page.Split('/');
            if (parts.Length != 4 || parts[3] != "index.html" || !Directory.Exists(Path.Combine(Repository.Root, "content", parts[1])))
            {
                continue; // not an entity page: <lang>/<collection>/<slug>/index.html
            }

            var (language, collection, slug) = (parts[0], parts[1], parts[2]);
            var links = build.Site.Document(page).QuerySelectorAll(".edit-links a").Select(a => a.GetAttribute("href")!).ToList();
            var expected = new[]
            {
                $"{prefix}content/{collection}/{slug}.{language}.md",
                $"https://github.com/{repo}/commits/main/content/{collection}/{slug}.{language}.md",
                $"{prefix}content/{collection}/{slug}.yml",
                $"https://github.com/{repo}/commits/main/content/{collection}/{slug}.yml",
            };
            if (!links.SequenceEqual(expected))
            {
                wrong.Add($"{page}: {string.Join(" ", links)}");
            }

            foreach (var file in new[] { $"{slug}.{language}.md", $"{slug}.yml" })
            {
                if (!File.Exists(Path.Combine(Repository.Root, "content", collection, file)))
                {
                    wrong.Add($"{page}: links to content/{collection}/{file}, which does not exist");
                }
            }

            checkedPages++;
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        Assert.True(checkedPages > 600, $"only {checkedPages} entity pages found");
    }
}
