using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>A place an entity names: its Chinese name and, where it has one, the unit its coordinates fall in.</summary>
public sealed record CountedPlace(string Name, GeoRegion? UnitAtPosition = null);

/// <summary>An entity to count and the places (cities, districts, counties) it names.</summary>
public sealed record CountedEntity(EntityId Id, ImmutableArray<CountedPlace> Places);

/// <summary>A unit of the base map, the counted entities that involve it, and the names of the places that put them there.</summary>
public sealed record UnitCount(GeoRegion Unit, ImmutableArray<EntityId> Entities, ImmutableArray<string> Places)
{
    public int Count => Entities.Length;
}

/// <summary>
/// The thematic map's numbers: for each unit of the base map (a Sichuan prefecture, a Chongqing district or county),
/// how many of the counted entities (parks, plans, corridors) name a place in it. A place is matched to a unit by
/// name, since the base map's units are named in Chinese: a Sichuan district or county's full name starts with its
/// prefecture's (资阳市安岳县 → 资阳市), a Chongqing district's contains its own (重庆市渝北区 → 渝北区), and a unit renamed
/// since the base map was drawn still shares its stem (梁平区 → 梁平县). A place whose name names no unit (Chongqing's
/// central city, 重庆（主城）) counts for the unit its position lies in, and each row says which places it counts.
/// An entity counts once per unit however many of its places lie there. An entity that names no place (only
/// Sichuan, Chongqing or the economic circle as a whole) is listed in <see cref="Unplaced"/> rather than spread
/// over units.
/// </summary>
public sealed partial class CooperationCounts
{
    private CooperationCounts(ImmutableArray<UnitCount> units, ImmutableArray<EntityId> unplaced)
    {
        Units = units;
        Unplaced = unplaced;
    }

    /// <summary>Every unit, in the base map's order, with the entities counted for it (none for many).</summary>
    public ImmutableArray<UnitCount> Units { get; }

    /// <summary>Counted entities tied to no single unit, in the order given.</summary>
    public ImmutableArray<EntityId> Unplaced { get; }

    /// <summary>The shading classes: lower bounds of 0, 1–2, 3–5 and 6 or more.</summary>
    public static readonly ImmutableArray<int> ClassLowerBounds = [0, 1, 3, 6];

    /// <summary>The shading class (0 to 3) of a count.</summary>
    public static int ClassOf(int count) => ClassLowerBounds.Count(bound => count >= bound) - 1;

    public static CooperationCounts Count(IEnumerable<CountedEntity> entities, IReadOnlyList<GeoRegion> units)
    {
        var stems = units.Select(u => (Unit: u, Stem: Stem(u.Name))).ToList();
        var byUnit = units.ToDictionary(u => u.Id, _ => new List<EntityId>(), StringComparer.Ordinal);
        var placesByUnit = units.ToDictionary(u => u.Id, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var unplaced = ImmutableArray.CreateBuilder<EntityId>();
        foreach (var entity in entities)
        {
            var matched = entity.Places
                .Select(place => (place.Name, Unit: UnitOf(place.Name, stems) ?? place.UnitAtPosition))
                .Where(m => m.Unit is not null && byUnit.ContainsKey(m.Unit.Id))
                .ToList();
            if (matched.Count == 0)
            {
                unplaced.Add(entity.Id);
            }

            foreach (var (name, unit) in matched)
            {
                placesByUnit[unit!.Id].Add(name);
            }

            foreach (var unit in matched.Select(m => m.Unit!.Id).Distinct(StringComparer.Ordinal))
            {
                byUnit[unit].Add(entity.Id);
            }
        }

        return new CooperationCounts([.. units.Select(u => new UnitCount(u, [.. byUnit[u.Id]], [.. placesByUnit[u.Id]]))], unplaced.ToImmutable());
    }

    /// <summary>Counts the collections <paramref name="config"/> names, through the places of its places collection.</summary>
    public static CooperationCounts Count(SiteModel model, ThematicMapConfig config, BaseMap baseMap)
    {
        var places = new Dictionary<EntityId, CountedPlace>();
        CountedPlace Place(EntityId id)
        {
            if (!places.TryGetValue(id, out var place))
            {
                var entity = model.Get(id);
                var position = entity.Fields.Values.OfType<CoordinatesValue>().FirstOrDefault();
                place = places[id] = new CountedPlace(entity.Name["zh"], position is null
                    ? null
                    : baseMap.RegionAt(baseMap.Projection.Project(new GeoPoint(position.Longitude, position.Latitude))));
            }

            return place;
        }

        return Count(config.Count.Where(model.Collections.ContainsKey).SelectMany(c => model.Collections[c]).Select(entity =>
            new CountedEntity(entity.Id, [.. entity.Fields.Values.SelectMany(v => v.LinkedEntities)
                .Where(t => t.Collection == config.Places).Distinct().Select(Place)])), baseMap.Regions);
    }

    /// <summary>The unit a place's Chinese name names: the unit whose stem it contains (the longest if several), or null.</summary>
    public static GeoRegion? UnitOf(string placeName, IReadOnlyList<GeoRegion> units) =>
        UnitOf(placeName, [.. units.Select(u => (u, Stem(u.Name)))]);

    private static GeoRegion? UnitOf(string placeName, IReadOnlyList<(GeoRegion Unit, string Stem)> stems) =>
        stems.Where(s => s.Stem.Length >= 2 && placeName.Contains(s.Stem, StringComparison.Ordinal))
            .OrderByDescending(s => s.Stem.Length).ThenBy(s => s.Unit.Id, StringComparer.Ordinal)
            .Select(s => s.Unit).FirstOrDefault();

    /// <summary>
    /// A unit's name without its administrative suffix and the peoples an autonomous unit is named for: 成都市 → 成都,
    /// 梁平县 → 梁平, 凉山彝族自治州 → 凉山, 秀山土家族苗族自治县 → 秀山.
    /// </summary>
    public static string Stem(string name) => StemPattern().Match(name) is { Success: true } match ? match.Groups["stem"].Value : name;

    [GeneratedRegex("^(?<stem>.+?)(?:(?:彝|藏|羌|土家|苗|回|蒙古)族)*(?:自治州|自治县|地区|市|区|县)$")]
    private static partial Regex StemPattern();
}
