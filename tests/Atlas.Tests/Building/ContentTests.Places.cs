using Atlas.Model;

namespace Atlas.Tests.Building;

/// <summary>Every entity is somewhere: the maps, the city pages and the province pages can only show what is linked.</summary>
public sealed partial class ContentTests
{
    /// <summary>The collections whose entities are places, or the province-level units and the economic circle themselves.</summary>
    private static readonly HashSet<string> PlaceCollections = ["cities", "regions"];

    /// <summary>Entities that are nowhere in particular, each with the reason.</summary>
    private static readonly Dictionary<string, string> Placeless = new()
    {
    };

    [Fact]
    public void Every_entity_is_linked_to_a_city_a_province_or_the_economic_circle()
    {
        var unplaced = Model.Entities
            // The sources report on places, and a glossary term is a word, not a thing somewhere.
            .Where(e => e.Collection.Name is not ("sources" or "glossary") && !PlaceCollections.Contains(e.Collection.Name))
            .Where(e => !IsPlaced(e, hops: 1))
            .Select(e => e.Id.ToString())
            .Where(id => !Placeless.ContainsKey(id))
            .ToList();
        Assert.True(unplaced.Count == 0, $"linked to no city, province or the economic circle: {string.Join(", ", unplaced)}");
        Assert.All(Placeless.Keys, id => Assert.False(IsPlaced(Model.Get(new EntityId(id.Split('/')[0], id.Split('/')[1])), hops: 1), $"{id} is placed now: take it off the allow-list"));
    }

    /// <summary>
    /// Linked by one of its own fields, or (within <paramref name="hops"/>) through what it is about: an indicator
    /// through its subject, a sub-cluster through its parent.
    /// </summary>
    private static bool IsPlaced(Entity entity, int hops) =>
        entity.Fields.Values.SelectMany(v => v.LinkedEntities).Any(t => PlaceCollections.Contains(t.Collection)) ||
        (hops > 0 && new[] { "subject", "parent" }.Select(entity.Field).OfType<ReferencesValue>()
            .SelectMany(r => r.Targets).Any(t => IsPlaced(Model.Get(t), hops - 1)));
}
