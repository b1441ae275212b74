using System.Globalization;
using Atlas.Tests.Support;

namespace Atlas.Tests.Model;

/// <summary>The status field type: a stage of life, the year a source reported it in, and that source.</summary>
public sealed class StatusFieldTests
{
    private const string ZhStages = """
        stage.proposed: 建议中
        stage.planned: 规划中
        stage.under-construction: 在建
        stage.in-operation: 运营中
        stage.in-force: 实施中
        stage.completed: 已建成
        stage.suspended: 暂停

        """;

    private const string EnStages = """
        stage.proposed: Proposed
        stage.planned: Planned
        stage.under-construction: Under construction
        stage.in-operation: In operation
        stage.in-force: In force
        stage.completed: Completed
        stage.suspended: Suspended

        """;

    /// <summary>The minimal site with parks' area declared as a status sourced from cities (its label is in the bundles already).</summary>
    private static TestSite SiteWithStatus(string status, bool stageStrings = true)
    {
        var site = TestSite.Minimal();
        var config = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", config.Replace("area: {type: number}", "area: {type: status, to: cities}", StringComparison.Ordinal));
        if (stageStrings)
        {
            foreach (var (language, strings) in new[] { ("zh", ZhStages), ("en", EnStages) })
            {
                site.Write($"templates/i18n/{language}.yml", File.ReadAllText(Path.Combine(site.Directory, $"templates/i18n/{language}.yml")) + strings);
            }
        }

        site.Write("content/parks/gaozhu.yml", $"""
            name: {"{"}zh: 川渝高竹新区, en: Gaozhu New Area{"}"}
            summary: {"{"}zh: 跨省新区, en: A cross-provincial new area{"}"}
            kind: zone
            area: {status}

            """);
        return site;
    }

    [Fact]
    public void A_status_is_shown_in_each_language_and_exported()
    {
        using var site = SiteWithStatus("{stage: under-construction, year: 2023, source: chengdu}");
        site.BuildOk();
        Assert.Contains("<dd>在建 (2023)</dd>", site.Read("zh/parks/gaozhu/index.html"));
        Assert.Contains("<dd>Under construction (2023)</dd>", site.Read("en/parks/gaozhu/index.html"));
        Assert.Contains("\"area\": {\n      \"stage\": \"under-construction\",\n      \"year\": 2023,\n      \"source\": \"cities/chengdu\"\n    }", site.Read("data/parks.json"));
        Assert.Contains("under-construction; 2023; cities/chengdu", site.Read("data/parks.csv"));
        Assert.Contains("\"stage\": {\n", site.Read("data/schema/parks.schema.json"));
    }

    [Fact]
    public void A_status_reported_this_year_is_accepted()
    {
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        using var site = SiteWithStatus($"{{stage: planned, year: {year}, source: chengdu}}");
        site.BuildOk();
        Assert.Contains($"<dd>Planned ({year})</dd>", site.Read("en/parks/gaozhu/index.html"));
    }

    [Fact]
    public void A_status_in_a_year_still_to_come_is_refused()
    {
        var next = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        using var site = SiteWithStatus($"{{stage: planned, year: {next}, source: chengdu}}");
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 4, $"the year of 'area' cannot be {next}, which has not come yet");
    }

    [Fact]
    public void The_stages_need_their_words_in_every_bundle()
    {
        using var site = SiteWithStatus("{stage: planned, year: 2023, source: chengdu}", stageStrings: false);
        DiagnosticAssert.HasError(site.Build(), "templates/i18n/en.yml", null, "missing UI string 'stage.under-construction'");
    }

    [Theory]
    [InlineData("{stage: planned, year: 0000, source: chengdu}", "the year of 'area' cannot be 0000: a status is reported in a year from 1000 to this one.")]
    [InlineData("{stage: planned, year: 23, source: chengdu}", "the year of 'area' must be a four-digit year like 2023, not '23'.")]
    [InlineData("{stage: built, year: 2023, source: chengdu}", "'built' is not a stage of 'area'; use one of: proposed, planned, under-construction, in-operation, in-force, completed, suspended.")]
    [InlineData("{stage: planned, year: 2023}", "'area' has no source; add source: slug.")]
    [InlineData("{stage: planned, year: 2023, source: xian}", "'area' refers to cities/xian, which does not exist; create content/cities/xian.yml or fix the slug.")]
    [InlineData("{stage: planned, year: 2023, source: parks/gaozhu}", "'area' points into cities, not into 'parks'; fix the reference or the field.")]
    [InlineData("{stage: planned, year: 2023, source: chengdu, note: late}", "'note' is not part of 'area'; a status has stage, year and source.")]
    [InlineData("planned", "'area' must be a map like {stage: under-construction, year: 2023, source: slug}, not a single value.")]
    public void A_wrong_status_is_reported_on_its_line(string status, string message)
    {
        using var site = SiteWithStatus(status);
        var error = DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.yml", 4, message);
        Assert.Equal(message, error.Message);
    }
}
