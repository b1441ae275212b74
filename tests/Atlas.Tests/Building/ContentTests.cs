using System.Text.RegularExpressions;
using Atlas.Loading;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>The editorial rules of the shipped atlas: both languages, summaries, sources, places, figures.</summary>
public sealed partial class ContentTests
{
    private static readonly Lazy<LoadedSite> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteLoader.Load(new LoadOptions(Repository.Root), diagnostics);
        Assert.True(site is not null, string.Join("\n", diagnostics.ToSortedList()));
        return site!;
    });

    private static SiteModel Model => Site.Value.Model;

    [Fact]
    public void The_atlas_reaches_the_floor_of_every_collection()
    {
        var floor = new Dictionary<string, int>
        {
            ["clusters"] = 8, ["corridors"] = 12, ["parks"] = 15, ["plans"] = 20, ["meetings"] = 5, ["cities"] = 25,
            ["indicators"] = 30, ["sources"] = 5,
        };
        foreach (var (collection, minimum) in floor)
        {
            Assert.True(Model.Collections[collection].Length >= minimum, $"{collection}: {Model.Collections[collection].Length} < {minimum}");
        }
    }

    [Fact]
    public void Every_entity_has_both_languages_a_summary_and_a_source()
    {
        foreach (var entity in Model.Entities)
        {
            foreach (var language in Model.Config.Languages)
            {
                Assert.True(entity.Texts.TryGetValue(language.Code, out var text) && !text.IsFallback, $"{entity.Id} has no {language.Code} text");
                Assert.False(string.IsNullOrWhiteSpace(entity.Summary[language.Code]), $"{entity.Id} has no {language.Code} summary");
                Assert.False(string.IsNullOrWhiteSpace(entity.Name[language.Code]), $"{entity.Id} has no {language.Code} name");
                Assert.True(text!.PlainText.Length > 40, $"{entity.Id} has almost no {language.Code} text");
            }

            if (entity.Collection.Name != "sources")
            {
                Assert.True(entity.Field("sources") is ReferencesValue { Targets.Length: > 0 }, $"{entity.Id} cites no source");
            }
        }
    }

    [Fact]
    public void Every_reference_resolves_to_an_entity_of_the_right_collection()
    {
        foreach (var entity in Model.Entities)
        {
            foreach (var (name, value) in entity.Fields)
            {
                if (value is not ReferencesValue references)
                {
                    continue;
                }

                var field = entity.Collection.Field(name)!;
                foreach (var target in references.Targets)
                {
                    Assert.NotNull(Model.Find(target));
                    Assert.Contains(target.Collection, field.Targets);
                }
            }
        }
    }

    [Fact]
    public void Every_place_lies_in_sichuan_or_chongqing()
    {
        Assert.All(Model.Collections["cities"], city => Assert.IsType<CoordinatesValue>(city.Field("coordinates")));
        foreach (var entity in Model.Entities)
        {
            if (entity.Field("coordinates") is CoordinatesValue point)
            {
                Assert.InRange(point.Longitude, 97, 110.5);
                Assert.InRange(point.Latitude, 26, 34.5);
            }
        }
    }

    [Fact]
    public void Every_indicator_has_value_unit_year_and_source()
    {
        foreach (var indicator in Model.Collections["indicators"])
        {
            Assert.IsType<NumberValue>(indicator.Field("value"));
            Assert.IsType<UnitValue>(indicator.Field("unit"));
            Assert.IsType<YearValue>(indicator.Field("year"));
            Assert.True(indicator.Field("sources") is ReferencesValue { Targets.Length: > 0 }, $"{indicator.Id} has no source");
        }
    }

    /// <summary>A run of Chinese characters; in English text it is allowed only inside parentheses (the name in Chinese).</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3000-\u303f\uff00-\uffef]+")]
    private static partial Regex Cjk();

    public static IReadOnlyList<string> UntranslatedChinese(string text)
    {
        var problems = new List<string>();
        foreach (Match match in Cjk().Matches(text))
        {
            if (!InsideParentheses(text, match.Index))
            {
                var start = Math.Max(0, match.Index - 30);
                problems.Add(text.Substring(start, Math.Min(text.Length - start, match.Length + 60)).ReplaceLineEndings(" "));
            }
        }

        return problems;
    }

    private static bool InsideParentheses(string text, int index)
    {
        var depth = 0;
        for (var i = index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            depth += text[i] switch { ')' or '）' => -1, '(' or '（' => 1, _ => 0 };
            if (depth > 0)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void The_detector_flags_chinese_outside_parentheses_only()
    {
        Assert.Empty(UntranslatedChinese("The Gaozhu New Area (川渝高竹新区) lies on the border."));
        Assert.Single(UntranslatedChinese("The 高竹 area lies on the border."));
        Assert.Single(UntranslatedChinese("Growth (see below) was 高 in 2024."));
    }

    [Fact]
    public void English_text_carries_no_untranslated_chinese()
    {
        var problems = new List<string>();
        foreach (var entity in Model.Entities)
        {
            var english = string.Join("\n", entity.Name["en"], entity.Summary["en"], entity.Texts["en"].PlainText);
            problems.AddRange(UntranslatedChinese(english).Select(p => $"{entity.Id}: …{p}…"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }
}
