using Atlas.Model;
using Atlas.Model.Fields;

namespace Atlas.Tests.Building;

/// <summary>The floors of issue 17 for parks, zones and platforms: a sourced status, a host place, honest positions.</summary>
public sealed partial class ContentTests
{
    /// <summary>Parks no article gives a stage for: they carry no status and say so in their gaps sentence.</summary>
    private static readonly Dictionary<string, string> ParksWithoutStatus = new()
    {
        ["chengdu-etdz"] = "named only as Nan'an's future partner (two-sessions-2024); no article says it was set up or operates",
    };

    /// <summary>Parks no article places in a city: they are linked to the provinces or the economic circle instead.</summary>
    private static readonly Dictionary<string, string> ParksWithoutHostCity = new()
    {
        ["climate-finance-centre"] = "the two sides 'will set up' the centre; no article says where (yibin-fourth-conference-2021)",
        ["energy-demo-zone"] = "a Sichuan–Chongqing zone; no article names a place in it",
        ["ftz-cooperative-opening-zone"] = "links the Sichuan and Chongqing pilot FTZs; no article names their cities",
        ["gas-production-base"] = "a Sichuan–Chongqing gas base; no article names its fields or counties",
        ["industrial-cooperation-parks"] = "no article lists the parks of the first batch or where they are",
        ["industrial-transfer-demo-zone"] = "a deputy's proposal for Sichuan and Chongqing with no place",
        ["lize-hub"] = "the article names only the Jialing River, no city or district",
        ["tanhuitong-platform"] = "a Sichuan–Chongqing platform; no article says where it is run",
        ["tianfu-new-area"] = "the article calls it Sichuan's Tianfu New Area and names no city for it",
        ["urban-rural-integration-zone"] = "the article does not say which places the national pilot zone covers",
    };

    /// <summary>The kinds that can be one well-defined place: an airport, a port, a hub, a factory, a new area's seat.</summary>
    private static readonly HashSet<string> KindsWithAPoint = ["airport", "port", "hub", "factory", "new-area"];

    private static IEnumerable<Entity> Parks => Model.Collections["parks"];

    [Fact]
    public void Every_park_has_a_status_reported_in_the_year_of_a_source_it_cites()
    {
        var problems = Parks.Where(p => !ParksWithoutStatus.ContainsKey(p.Id.Slug)).SelectMany(p => StatusProblems(p, CorridorStages))
            .Concat(Parks.Where(p => ParksWithoutStatus.ContainsKey(p.Id.Slug) && p.Field("status") is not null)
                .Select(p => $"{p.Id} has a status now: take it off the allow-list"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_status_allow_list_names_only_parks_that_exist()
    {
        Assert.All(ParksWithoutStatus.Keys, slug => Assert.NotNull(Model.Find(new EntityId("parks", slug))));
        Assert.All(ParksWithoutHostCity.Keys, slug => Assert.NotNull(Model.Find(new EntityId("parks", slug))));
    }

    [Fact]
    public void Every_park_has_a_host_city_or_is_allowed_a_region_instead()
    {
        var problems = new List<string>();
        foreach (var park in Parks)
        {
            var hasCity = park.Field("cities") is ReferencesValue { Targets.Length: > 0 };
            var hasRegion = park.Field("regions") is ReferencesValue { Targets.Length: > 0 };
            if (ParksWithoutHostCity.ContainsKey(park.Id.Slug))
            {
                if (hasCity)
                {
                    problems.Add($"{park.Id} has a host city now: take it off the allow-list");
                }
                else if (!hasRegion)
                {
                    problems.Add($"{park.Id} has neither a host city nor a region");
                }
            }
            else if (!hasCity)
            {
                problems.Add($"{park.Id} has no host city");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_park_has_coordinates_exactly_when_it_says_where_they_come_from()
    {
        var problems = new List<string>();
        foreach (var park in Parks)
        {
            var point = park.Field("coordinates") is CoordinatesValue;
            var origin = park.Field("coordinates_source") as LocalizedValue;
            if (point != (origin is not null))
            {
                problems.Add(point ? $"{park.Id} has coordinates but no coordinates_source" : $"{park.Id} has a coordinates_source but no coordinates");
            }

            if (origin is not null && Model.Config.Languages.Any(l => string.IsNullOrWhiteSpace(origin.Text[l.Code])))
            {
                problems.Add($"{park.Id}: coordinates_source is missing a language");
            }

            if (point && park.Field("kind") is EnumValue kind && !KindsWithAPoint.Contains(kind.Value))
            {
                problems.Add($"{park.Id} is a {kind.Value}, spread over an area or a programme: it must not have a point");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
