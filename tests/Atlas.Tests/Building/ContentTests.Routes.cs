using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>
/// The floors of issue 17 for corridors, plans and meetings: where each stands in its life (with the year and the
/// article that report it), where each corridor runs, and where each plan and meeting belongs.
/// </summary>
public sealed partial class ContentTests
{
    /// <summary>
    /// Corridors the articles give no end points for, with the reason; each is linked to its provinces instead.
    /// A corridor here that gains a route must leave the list.
    /// </summary>
    private static readonly Dictionary<string, string> CorridorsWithoutRoute = new()
    {
        ["bashu-culture-tourism-corridor"] = "the articles name places taking part (Jiangjin, Nan'an, Anyue) but no course or end points",
        ["chongqing-chishui-xuyong-expressway"] = "the article names only Jiangjin, which pushes it; Xuyong and Chishui appear in no article",
        ["western-land-sea-corridor"] = "the articles name no place on its course in Sichuan or Chongqing, only the corridor volume of the Chengdu–Chongqing area",
        ["yuguang-branch-expressway"] = "the article cited gives only its name; it names no end points and does not mention Guang'an",
        ["belt-and-road"] = "a network of routes in every direction; the articles name no course or stop in Sichuan or Chongqing",
        ["sichuan-chongqing-expressways"] = "the network of 17 inter-provincial expressways, not one road; the single roads have their own routes",
        ["sichuan-tibet-railway"] = "the article names no place on it and its name gives only provinces (Sichuan, Tibet)",
        ["uhv-ac-line"] = "the articles name no place on it and its name says only 川渝 (Sichuan, Chongqing), provinces",
    };

    /// <summary>The stages a corridor or a park can be in (a plan's in-force is not one), and those of a plan.</summary>
    private static readonly string[] CorridorStages = ["proposed", "planned", "under-construction", "in-operation", "completed", "suspended"];

    private static readonly string[] PlanStages = ["proposed", "planned", "in-force", "completed", "suspended"];

    [Fact]
    public void Every_corridor_has_a_status_reported_by_a_source_it_cites()
    {
        var problems = Model.Collections["corridors"].SelectMany(c => StatusProblems(c, CorridorStages)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_plan_has_a_status_reported_by_a_source_it_cites()
    {
        var problems = Model.Collections["plans"].SelectMany(p => StatusProblems(p, PlanStages)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_corridor_runs_from_a_start_to_an_end_city()
    {
        var problems = new List<string>();
        foreach (var corridor in Model.Collections["corridors"])
        {
            var route = corridor.Field("cities") as ReferencesValue;
            if (CorridorsWithoutRoute.TryGetValue(corridor.Slug, out var reason))
            {
                if (route is not null)
                {
                    problems.Add($"{corridor.Id} has a route now: take it off the list ({reason})");
                }

                if (corridor.Field("regions") is not ReferencesValue { Targets.Length: > 0 })
                {
                    problems.Add($"{corridor.Id} is on the list of corridors without a route ({reason}) but names no regions either");
                }

                continue;
            }

            if (route is not { Targets.Length: >= 2 })
            {
                problems.Add($"{corridor.Id} has no route with a start and an end city");
            }
            else if (route.Targets.Distinct().Count() != route.Targets.Length)
            {
                problems.Add($"{corridor.Id} passes a stop twice");
            }
        }

        foreach (var slug in CorridorsWithoutRoute.Keys)
        {
            if (Model.Find(new EntityId("corridors", slug)) is null)
            {
                problems.Add($"corridors/{slug} is on the list of corridors without a route but does not exist");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// What is wrong with an entity's status: none, a stage that does not fit the collection, a source the entity
    /// does not cite, a year other than the year of that source (the year the article reports it), or a body that
    /// does not cite that source in every language.
    /// </summary>
    private static IEnumerable<string> StatusProblems(Entity entity, string[] stages)
    {
        if (entity.Field("status") is not StatusValue status)
        {
            yield return $"{entity.Id} has no status";
            yield break;
        }

        if (!stages.Contains(status.Stage))
        {
            yield return $"{entity.Id}: '{status.Stage}' is not a stage of {entity.Collection.Name} ({string.Join(", ", stages)})";
        }

        if (entity.Field("sources") is not ReferencesValue sources || !sources.Targets.Contains(status.Source))
        {
            yield return $"{entity.Id}: its status cites {status.Source}, which is not among its sources";
        }

        if (Model.Find(status.Source)?.Field("date") is DateValue date && date.Date.Year != status.Year)
        {
            yield return $"{entity.Id}: its status is dated {status.Year}, but {status.Source} reports it in {date.Date.Year}";
        }

        foreach (var file in entity.SourceFiles.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, file));
            if (!text.Contains($"ref:{status.Source}", StringComparison.Ordinal))
            {
                yield return $"{entity.Id}: {file} does not cite {status.Source}, the source of its status";
            }
        }
    }
}
