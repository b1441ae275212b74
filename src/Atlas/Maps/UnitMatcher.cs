using System.Collections.Immutable;

namespace Atlas.Maps;

/// <summary>
/// Finds the base-map unit that represents a place: its own in Chongqing (districts and counties), its prefecture in
/// Sichuan (the base map draws Sichuan by prefecture). First by name, since the content names places the way the base
/// map does (成都市双流区 contains 成都市; 重庆市梁平区 is the base map's out-of-date 梁平县), then, where no name matches
/// (重庆（主城）, or a district whose name does not say its prefecture), by the unit whose polygon holds the
/// coordinates: both need no data beyond what the content and the base map already have.
/// </summary>
public static class UnitMatcher
{
    /// <summary>How an administrative unit's name ends; the stem before it is how other names mention the unit.</summary>
    private static readonly string[] Suffixes = ["自治州", "自治县", "市", "区", "县", "州"];

    /// <param name="names">The place's names in every language (the base map's names are Chinese).</param>
    /// <param name="province">The base-map province the place is in, if known: only its units are candidates.</param>
    public static GeoRegion? Match(IEnumerable<string> names, string? province, GeoPoint? position, ImmutableArray<GeoRegion> regions)
    {
        var candidates = regions.Where(r => province is null || r.Province == province).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. regions];
        }

        return ByName(names, candidates)
            ?? (position is { } point ? Containing(point, candidates) ?? Containing(point, regions) ?? Nearest(point, candidates) : null);
    }

    /// <summary>
    /// The unit a name mentions: its full name (成都市), or its stem followed by any unit suffix (梁平区 for 梁平县);
    /// the earliest mention wins, since Chinese names run from the larger unit to the smaller (资阳市安岳县 is in 资阳市).
    /// </summary>
    public static GeoRegion? ByName(IEnumerable<string> names, IReadOnlyList<GeoRegion> candidates)
    {
        GeoRegion? best = null;
        (int Position, int Length) bestAt = (int.MaxValue, 0);
        foreach (var name in names)
        {
            foreach (var region in candidates)
            {
                if (Mention(name, region.Name) is { } at &&
                    (at.Position < bestAt.Position || (at.Position == bestAt.Position && at.Length > bestAt.Length)))
                {
                    (best, bestAt) = (region, at);
                }
            }
        }

        return best;
    }

    private static (int Position, int Length)? Mention(string name, string unit)
    {
        if (unit.Length == 0)
        {
            return null;
        }

        var full = name.IndexOf(unit, StringComparison.Ordinal);
        if (full >= 0)
        {
            return (full, unit.Length);
        }

        var stem = Stem(unit);
        if (stem.Length < 2)
        {
            return null; // 忠县's stem 忠 would match too much; only its full name counts
        }

        for (var at = name.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = name.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            var after = at + stem.Length;
            if (Suffixes.Any(s => string.CompareOrdinal(name, after, s, 0, s.Length) == 0))
            {
                return (at, stem.Length);
            }
        }

        return null;
    }

    /// <summary>A unit's name without its administrative suffix: 梁平县 → 梁平, 成都市 → 成都.</summary>
    public static string Stem(string unit) =>
        Suffixes.FirstOrDefault(s => unit.Length > s.Length && unit.EndsWith(s, StringComparison.Ordinal)) is { } suffix
            ? unit[..^suffix.Length]
            : unit;

    /// <summary>The unit whose polygons hold the point (even-odd over all rings, so holes are holes).</summary>
    public static GeoRegion? Containing(GeoPoint point, IEnumerable<GeoRegion> regions) =>
        regions.FirstOrDefault(r => Contains(r, point));

    public static bool Contains(GeoRegion region, GeoPoint point)
    {
        var inside = false;
        foreach (var ring in region.Rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude) &&
                    point.Longitude < (b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude) + a.Longitude)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>A point just outside every (simplified) outline, e.g. on a border river: the unit of the closest vertex.</summary>
    private static GeoRegion? Nearest(GeoPoint point, IEnumerable<GeoRegion> regions) =>
        regions.MinBy(r => r.Rings.SelectMany(ring => ring)
            .Min(p => Math.Pow(p.Longitude - point.Longitude, 2) + Math.Pow(p.Latitude - point.Latitude, 2)));
}
