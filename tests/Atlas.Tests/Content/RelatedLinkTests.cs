using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Tests.Support;

namespace Atlas.Tests.Content;

/// <summary>Issue 19, item 7: a link to a related entity says which entity, not only what kind ("（指标）", "(indicator)").</summary>
public sealed partial class RelatedLinkTests
{
    [Fact]
    public void No_link_to_an_entity_is_labelled_by_its_type_alone()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));

        var problems = new List<string>();
        var links = 0;
        foreach (var language in site!.Model.Config.Languages.Select(l => l.Code))
        {
            // What names a kind rather than an entity: collection titles, field labels, and the words the issue found.
            var bundle = site.Bundles[language];
            var typeWords = site.Model.Config.Collections.Select(c => c.Title[language])
                .Concat(bundle.Strings.Where(p => p.Key.StartsWith("field.", StringComparison.Ordinal)).Select(p => p.Value))
                .Concat(["指标", "indicator", "key figure", "figure", "source", "来源"])
                .Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            foreach (var entity in site.Model.Entities)
            {
                foreach (Match link in EntityLink().Matches(entity.Texts[language].Html))
                {
                    links++;
                    var text = Regex.Replace(link.Groups[1].Value, "<[^>]+>", "").Trim().ToLowerInvariant();
                    if (typeWords.Contains(text))
                    {
                        problems.Add($"{entity.Texts[language].SourcePath}: a link labelled only '{text}'; name the entity it leads to");
                    }
                }
            }
        }

        Assert.True(links > 1000, $"{links} links to entities found: the pattern no longer matches the rendered links");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("<a href=\"atlas-root:/[^\"]*\">(.*?)</a>")]
    private static partial Regex EntityLink();
}
