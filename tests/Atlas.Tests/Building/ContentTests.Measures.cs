using Atlas.Model;

namespace Atlas.Tests.Building;

/// <summary>
/// Floors of issue 17 for figures and clusters: every indicator says what it measures, whose figure it is and for which
/// year; figures of one measure are one quantity in one unit (so a chart never mixes quantities); sub-clusters hang
/// under one top-level cluster.
/// </summary>
public sealed partial class ContentTests
{
    private static IEnumerable<Entity> Indicators => Model.Collections["indicators"];

    private static string? Measure(Entity indicator) => indicator.Field("measure") is TextValue { Text: var text } && !string.IsNullOrWhiteSpace(text) ? text : null;

    [Fact]
    public void Every_indicator_names_its_measure_subject_and_year()
    {
        foreach (var indicator in Indicators)
        {
            var measure = Measure(indicator);
            Assert.True(measure is not null, $"{indicator.Id} has no measure");
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", measure);
            Assert.True(indicator.Field("subject") is ReferencesValue { Targets.Length: 1 }, $"{indicator.Id} has no subject");
            Assert.NotNull(Model.Find(((ReferencesValue)indicator.Field("subject")!).Targets[0]));
            Assert.True(indicator.Field("year") is YearValue, $"{indicator.Id} has no year");
        }
    }

    [Fact]
    public void All_indicators_of_one_measure_share_one_unit()
    {
        foreach (var group in Indicators.GroupBy(i => Measure(i) ?? i.Slug))
        {
            var units = group.Select(i => ((UnitValue)i.Field("unit")!).Unit.Text).Distinct().ToList();
            Assert.True(units.Count == 1, $"measure {group.Key} mixes units {string.Join(", ", units)}: {string.Join(", ", group.Select(i => i.Slug))}");
        }
    }

    /// <summary>
    /// Two figures of one measure with the same subject, year and kind would be two points at one place of the chart:
    /// that happens only when unrelated quantities (745 charging piles and 204 super-charging piles) share a measure.
    /// </summary>
    [Fact]
    public void No_two_figures_of_one_measure_share_subject_year_and_kind()
    {
        var clashes = Indicators
            .GroupBy(i => (Measure(i), Subject: (i.Field("subject") as ReferencesValue)?.Targets.FirstOrDefault(), Year: (i.Field("year") as YearValue)?.Year,
                Kind: (i.Field("kind") as EnumValue)?.Value))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" + ", g.Select(i => i.Slug)))
            .ToList();
        Assert.True(clashes.Count == 0, "figures that cannot be one series: " + string.Join("; ", clashes));
    }

    [Fact]
    public void Every_measure_with_a_chart_has_a_title_and_every_title_a_chart()
    {
        var charted = Indicators.GroupBy(i => Measure(i)!).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet();
        foreach (var (language, bundle) in Site.Value.Bundles)
        {
            foreach (var measure in charted)
            {
                Assert.False(string.IsNullOrWhiteSpace(bundle.Get($"series.{measure}")), $"{language}: no chart title series.{measure}");
            }

            var titles = bundle.Strings.Keys.Where(k => k.StartsWith("series.", StringComparison.Ordinal)).Select(k => k["series.".Length..]);
            foreach (var title in titles)
            {
                Assert.True(charted.Contains(title), $"{language}: series.{title} names no measure with two or more figures");
            }
        }
    }

    [Fact]
    public void Province_and_circle_figures_have_their_region_as_subject()
    {
        foreach (var region in new[] { "sichuan", "chongqing", "economic-circle" })
        {
            Assert.Contains(Indicators, i => i.Field("subject") is ReferencesValue { Targets: [var target] } && target == new EntityId("regions", region));
        }
    }

    [Fact]
    public void Every_sub_cluster_has_a_top_level_parent()
    {
        foreach (var cluster in Model.Collections["clusters"])
        {
            if (cluster.Field("parent") is not ReferencesValue { Targets: [var parentId] })
            {
                continue;
            }

            var parent = Model.Find(parentId);
            Assert.True(parent is not null && parentId.Collection == "clusters", $"{cluster.Id}: parent {parentId} is not a cluster");
            Assert.True(parent!.Field("parent") is null, $"{cluster.Id}: its parent {parentId} is itself a sub-cluster");
            Assert.NotEqual(cluster.Id, parentId);
        }

        foreach (var part in new[] { "aerospace", "clean-energy-equipment", "rail-transit-equipment", "intelligent-manufacturing-equipment", "special-equipment" })
        {
            var cluster = Model.Find(new EntityId("clusters", part));
            Assert.True(cluster?.Field("parent") is ReferencesValue { Targets: [var parent] } && parent == new EntityId("clusters", "equipment-manufacturing"),
                $"clusters/{part} is not part of clusters/equipment-manufacturing");
        }
    }

    [Fact]
    public void Every_cluster_and_organisation_is_placed_in_a_city_or_region()
    {
        foreach (var entity in Model.Collections["clusters"].Concat(Model.Collections["organisations"]))
        {
            var placed = entity.Field("cities") is ReferencesValue { Targets.Length: > 0 } || entity.Field("regions") is ReferencesValue { Targets.Length: > 0 };
            Assert.True(placed, $"{entity.Id} is linked to no city and no region");
        }
    }
}
