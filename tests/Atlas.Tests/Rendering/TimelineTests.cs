using System.Collections.Immutable;
using Atlas.Localization;
using Atlas.Model;
using Atlas.Tests.Support;

namespace Atlas.Tests.Rendering;

/// <summary>
/// The timeline: site.yml's timeline.collections says which collections are on it and as what kind of entry; rows
/// under a year's heading give only the day and month.
/// </summary>
public sealed class TimelineTests
{
    /// <summary>The minimal site with a timeline page, a date on cities too, and <paramref name="timeline"/> as site.yml's timeline.</summary>
    private static TestSite Site(string timeline, bool withStrings = true)
    {
        var site = TestSite.Minimal("""
-- templates/pages/timeline.html --
<h1>timeline</h1>
{{ for year in atlas.timeline }}<section data-year="{{ year.year }}">{{ for e in year.entries }}<p class="row" data-kind="{{ e.kind }}">{{ e.date }}|{{ e.kind_label }}|{{ e.event }}|{{ e.entity.name }}</p>{{ end }}</section>{{ end }}
-- content/cities/chengdu.yml --
name: {zh: 成都, en: Chengdu}
summary: {zh: 四川省会, en: Capital of Sichuan}
coordinates: [104.07, 30.57]
established: 2020-03-17
""");
        var yml = File.ReadAllText(Path.Combine(site.Directory, "site.yml"))
            .Replace("      twin: {type: reference, to: cities}", "      twin: {type: reference, to: cities}\n      established: {type: date}", StringComparison.Ordinal);
        site.Write("site.yml", yml + "pages:\n  timeline: {title: {zh: 时间线, en: Timeline}}\ntimeline:\n" + timeline);
        if (withStrings)
        {
            Append(site, "zh", "timeline: {kind: {milestone: 建设节点, place: 城市}, event: {established: 设立}}\n");
            Append(site, "en", "timeline: {kind: {milestone: Milestone, place: City}, event: {established: established}}\n");
            foreach (var (language, day, month) in new[] { ("zh", "\"{month}月{day}日\"", "\"{month}月\""), ("en", "\"{day} {month_name}\"", "\"{month_name}\"") })
            {
                var path = Path.Combine(site.Directory, "templates", "i18n", language + ".yml");
                site.Write($"templates/i18n/{language}.yml", File.ReadAllText(path).Replace(
                    "  date: {day:", $"  date: {{day_in_year: {day}, month_in_year: {month}, day:", StringComparison.Ordinal));
            }
        }

        return site;
    }

    private static void Append(TestSite site, string language, string text) =>
        site.Write($"templates/i18n/{language}.yml", File.ReadAllText(Path.Combine(site.Directory, "templates", "i18n", language + ".yml")) + text);

    private static string Page(TestSite site, string output, string language) =>
        File.ReadAllText(Path.Combine(output, language, "timeline", "index.html"));

    [Fact]
    public void Only_the_collections_listed_are_on_the_timeline_each_as_its_kind_with_the_date_under_its_year()
    {
        using var site = Site("  dates: [established]\n  collections: {parks: milestone}\n");
        var output = Path.Combine(site.Directory, "public");
        site.BuildOk(output);

        var zh = Page(site, output, "zh");
        Assert.Contains("<section data-year=\"2020\"><p class=\"row\" data-kind=\"milestone\">12月|建设节点|设立|川渝高竹新区</p></section>", zh);
        Assert.DoesNotContain("成都", zh); // cities have a date but are not listed
        Assert.Contains("December|Milestone|established|Gaozhu New Area", Page(site, output, "en"));
    }

    [Fact]
    public void Without_a_list_every_collection_with_a_timeline_date_is_on_it_labelled_by_its_collection()
    {
        using var site = Site("  dates: [established]\n");
        var output = Path.Combine(site.Directory, "public");
        site.BuildOk(output);

        var en = Page(site, output, "en");
        Assert.Contains("<p class=\"row\" data-kind=\"\">17 March|Cities|established|Chengdu</p>", en);
        Assert.Contains("December|Parks|established|Gaozhu New Area", en);
        Assert.True(en.IndexOf("Chengdu", StringComparison.Ordinal) < en.IndexOf("Gaozhu", StringComparison.Ordinal), "oldest first");
    }

    [Theory]
    [InlineData("{meetings: conference}", "timeline.collections names collection 'meetings', which site.yml does not declare")]
    [InlineData("{parks: milestone, cities: place}", "timeline.collections names 'cities', which has none of the timeline's dates (opened)")]
    [InlineData("{parks: Big Kind}", "timeline.collections.parks must be a kind of entry in lowercase letters, digits and hyphens")]
    public void A_listed_collection_must_be_declared_dated_and_given_a_kind(string collections, string fragment)
    {
        var dates = fragment.Contains("(opened)", StringComparison.Ordinal) ? "[opened]" : "[established]";
        using var site = Site($"  dates: {dates}\n  collections: {collections}\n");
        if (dates == "[opened]")
        {
            site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml"))
                .Replace("      area: {type: number}", "      area: {type: number}\n      opened: {type: date}", StringComparison.Ordinal));
        }

        DiagnosticAssert.HasError(site.Build(), "site.yml", null, fragment);
    }

    [Fact]
    public void Each_kind_and_each_date_field_needs_its_words_in_every_language()
    {
        using var site = Site("  dates: [established]\n  collections: {parks: milestone}\n", withStrings: false);
        var result = site.Build();
        DiagnosticAssert.HasError(result, "templates/i18n/en.yml", null, "missing UI string 'timeline.kind.milestone'");
        DiagnosticAssert.HasError(result, "templates/i18n/zh.yml", null, "missing UI string 'timeline.event.established'");
        DiagnosticAssert.HasError(result, "templates/i18n/zh.yml", null, "missing UI string 'format.date.day_in_year'");
    }

    [Theory]
    [InlineData("2021-12-14", "12月14日", "14 December")]
    [InlineData("2021-03", "3月", "March")]
    [InlineData("2021", null, null)]
    public void Under_its_years_heading_a_date_leaves_the_year_out(string iso, string? zh, string? en)
    {
        Assert.True(PartialDate.TryParse(iso, out var date));
        Assert.Equal(zh, Formatter("zh", "{month}月{day}日", "{month}月", "12月").DateInYear(date));
        Assert.Equal(en, Formatter("en", "{day} {month_name}", "{month_name}", "December").DateInYear(date));
    }

    private static Formatter Formatter(string language, string day, string month, string december) => new(new I18nBundle(language,
        $"templates/i18n/{language}.yml",
        new Dictionary<string, string>
        {
            ["format.date.day_in_year"] = day, ["format.date.month_in_year"] = month,
            ["month.3"] = language == "zh" ? "3月" : "March", ["month.12"] = december,
        }.ToImmutableSortedDictionary(StringComparer.Ordinal),
        ImmutableDictionary<string, Atlas.Diagnostics.SourceLocation>.Empty));
}
