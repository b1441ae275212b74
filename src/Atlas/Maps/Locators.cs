using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>
/// An entity's locator map, language-neutral: the part of the base map around it (<see cref="Frame"/>, shown by
/// cropping the shared base-map image), its own points or places, its line, the base-map units to highlight (a city's
/// own, a park's hosts'), and the other places inside the frame, most referenced first, to label for orientation
/// (at most <see cref="Locators.MostNeighbours"/>).
/// </summary>
/// <param name="Regions">The entity has no point but belongs to these regions (or is one): the frame is their area.</param>
public sealed record LocatorMap(
    EntityId Entity,
    MapFrame Frame,
    ImmutableArray<MapPoint> Points,
    string? Line,
    ImmutableArray<GeoRegion> Highlights,
    ImmutableArray<MapPoint> Neighbours,
    ImmutableArray<EntityId> Regions);

/// <summary>Builds every entity's <see cref="LocatorMap"/> from the <see cref="AtlasMap"/>, once per entity.</summary>
public sealed class Locators
{
    /// <summary>Height over width of every locator: one shape, so the page layout does not depend on the place.</summary>
    public const double Aspect = 0.75;

    /// <summary>
    /// The narrowest frame, in map units (about 1.2 km each): a single city shows its neighbours, not its streets.
    /// </summary>
    public const double MinimumWidth = 110;

    private readonly AtlasMap _map;
    private readonly FrozenDictionary<EntityId, GeoRegion> _units;
    private readonly ImmutableArray<MapPoint> _places;
    private readonly FrozenDictionary<string, (double X, double Y)[]> _provinceCorners;
    private readonly FrozenDictionary<string, (double X, double Y)[]> _unitCorners;
    private readonly FrozenSet<string> _regionCollections;
    private readonly FrozenDictionary<string, EntityId> _namedFor;
    private readonly ConcurrentDictionary<EntityId, LocatorMap?> _locators = new();
    private readonly ConcurrentDictionary<string, string> _outlines = new(StringComparer.Ordinal);

    internal Locators(SiteModel model, AtlasMap map, IEnumerable<(EntityId Id, MapGeometry Geometry)> geometries)
    {
        _map = map;
        var baseMap = map.Base;
        var provinces = baseMap.Regions.Select(r => r.Province).ToHashSet(StringComparer.Ordinal);

        var units = new Dictionary<EntityId, GeoRegion>();
        foreach (var entity in model.Entities)
        {
            if (entity.Fields.Values.OfType<CoordinatesValue>().FirstOrDefault() is { } own)
            {
                var province = entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets)
                    .Select(t => t.Slug).FirstOrDefault(provinces.Contains);
                var unit = UnitMatcher.Match(entity.Name.Values.Values, province, new GeoPoint(own.Longitude, own.Latitude), baseMap.Regions);
                if (unit is not null)
                {
                    units[entity.Id] = unit;
                }
            }
        }

        _units = units.ToFrozenDictionary();

        // The entity a unit is named for (成都市 for the unit 成都市), so a page can say that its highlight is larger
        // than the place itself (a Sichuan district shown by its prefecture).
        _namedFor = units.Where(p => p.Value.Name.Length > 0 &&
                p.Key is var id && model.Get(id).Name.Values.Values.Any(n => n == p.Value.Name || UnitMatcher.Stem(n) == UnitMatcher.Stem(p.Value.Name)))
            .GroupBy(p => p.Value.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Min(p => p.Key), StringComparer.Ordinal);

        // The places others are at (cities): the neighbours a locator labels, most referenced first.
        var places = new Dictionary<EntityId, MapPoint>();
        foreach (var (_, geometry) in geometries)
        {
            foreach (var point in geometry.Points.Where(p => p.Placement != MapPlacement.Own))
            {
                places.TryAdd(point.Place, point with { Placement = MapPlacement.Place });
            }
        }

        _places = [.. places.Values.OrderByDescending(p => model.BacklinksTo(p.Place).Length).ThenBy(p => p.Place)];
        _unitCorners = baseMap.Regions.ToFrozenDictionary(r => r.Id, r => baseMap.BoxOf(r) is var box
            ? new[] { (box.X, box.Y), (box.X + box.Width, box.Y + box.Height) }
            : [], StringComparer.Ordinal);
        _provinceCorners = baseMap.Regions.GroupBy(r => r.Province, StringComparer.Ordinal).ToFrozenDictionary(
            g => g.Key, g => g.SelectMany(Corners).ToArray(), StringComparer.Ordinal);

        // Where the provinces are entities (regions/sichuan), that collection holds the regions, the economic circle too.
        _regionCollections = model.Entities.Where(e => provinces.Contains(e.Id.Slug) && map.GeometryOf(e.Id) is null)
            .Select(e => e.Id.Collection).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The base-map unit that represents an entity with its own position (a city: its district or prefecture).</summary>
    public GeoRegion? UnitOf(EntityId id) => _units.GetValueOrDefault(id);

    /// <summary>The entity whose name the unit bears (the city 成都市 for the unit 成都市), if the content has it.</summary>
    public EntityId? NamedFor(GeoRegion unit) => _namedFor.TryGetValue(unit.Id, out var id) ? id : null;

    /// <summary>Every entity with its own position and the unit it was matched to.</summary>
    public IReadOnlyDictionary<EntityId, GeoRegion> Units => _units;

    /// <summary>
    /// A unit's outline for a highlight, simplified to about a screen pixel of a map showing
    /// <paramref name="unitsPerPixel"/>: the tolerance is a power of two, so a unit has a few outlines, each made once.
    /// </summary>
    public string Outline(GeoRegion region, double unitsPerPixel)
    {
        var tolerance = Math.Max(0.25, Math.Pow(2, Math.Floor(Math.Log2(unitsPerPixel))));
        return _outlines.GetOrAdd($"{region.Id}@{tolerance}", _ => OutlinePath.Of(region, _map.Base.Projection, tolerance));
    }

    public LocatorMap? Of(Entity entity) => _locators.GetOrAdd(entity.Id, _ => Build(entity));

    private LocatorMap? Build(Entity entity)
    {
        var geometry = _map.GeometryOf(entity.Id);
        var hosts = entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets).Distinct()
            .Select(t => _map.GeometryOf(t)?.Points.FirstOrDefault(p => p.Place == t && p.Placement == MapPlacement.Own))
            .OfType<MapPoint>().ToList();

        if (geometry is null)
        {
            return Area(entity);
        }

        var points = geometry.Points.ToList();
        var isPoint = _map.IsPointEntity(entity);
        if (isPoint && points.Any(p => p.Placement == MapPlacement.Own))
        {
            // A park with its own position: its host cities too, so the page shows where it is relative to them.
            points.AddRange(hosts.Where(h => points.All(p => p.Place != h.Place)).Select(h => h with { Placement = MapPlacement.Place }));
        }

        // A city: its own unit; a park: its hosts' (the base map has no parks); anything spread over places: none.
        var highlights = !isPoint
            ? []
            : hosts.Count > 0
                ? hosts.Select(h => UnitOf(h.Place)).OfType<GeoRegion>().Distinct().ToList()
                : [.. new[] { UnitOf(entity.Id) }.OfType<GeoRegion>()];

        var frame = Fit(points.Select(p => (p.X, p.Y)).Concat(highlights.SelectMany(Corners)));
        return new LocatorMap(entity.Id, frame, [.. points], geometry.Line, [.. highlights.OrderBy(h => h.Id, StringComparer.Ordinal)],
            Neighbours(frame, points), []);
    }

    /// <summary>
    /// An entity placed by no city: the area of the regions it belongs to (or is): a province's units, or, for a region
    /// that is no province (the economic circle), what the content places on the map, which is the economic circle.
    /// </summary>
    private LocatorMap? Area(Entity entity)
    {
        var regions = entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets)
            .Where(t => IsRegion(t)).Distinct().ToList();
        if (IsRegion(entity.Id))
        {
            regions = [entity.Id];
        }

        if (regions.Count == 0)
        {
            return null;
        }

        var corners = regions.SelectMany(r => _provinceCorners.TryGetValue(r.Slug, out var c)
            ? c
            : [(_map.Frame.X, _map.Frame.Y), (_map.Frame.X + _map.Frame.Width, _map.Frame.Y + _map.Frame.Height)]);
        var frame = Fit(corners, margin: false);
        return new LocatorMap(entity.Id, frame, [], null, [], Neighbours(frame, []), [.. regions]);
    }

    /// <summary>A region: a province of the base map, or an entity of the same collection (the economic circle).</summary>
    private bool IsRegion(EntityId id) => _regionCollections.Contains(id.Collection) && _map.GeometryOf(id) is null;

    /// <summary>The most neighbours a locator offers to label: orientation, not a gazetteer (the main map is that).</summary>
    public const int MostNeighbours = 8;

    /// <summary>The most referenced places inside the frame, up to <see cref="MostNeighbours"/>: the scan stops there, as
    /// a large site's frame holds hundreds of places and each of its thousands of locators would look at all of them.</summary>
    private ImmutableArray<MapPoint> Neighbours(MapFrame frame, IReadOnlyCollection<MapPoint> shown) =>
        [.. _places.Where(p => p.X >= frame.X && p.X <= frame.X + frame.Width && p.Y >= frame.Y && p.Y <= frame.Y + frame.Height &&
                              shown.All(s => s.Place != p.Place)).Take(MostNeighbours)];

    /// <summary>The frame around <paramref name="points"/> (see <see cref="MapFrame.Around"/>), widened or heightened
    /// about its centre to <see cref="Aspect"/> and kept inside the base map.</summary>
    internal MapFrame Fit(IEnumerable<(double X, double Y)> points, bool margin = true)
    {
        var (baseWidth, baseHeight) = (_map.Base.Projection.Width, _map.Base.Projection.Height);
        return Fit(points, baseWidth, baseHeight, margin);
    }

    public static MapFrame Fit(IEnumerable<(double X, double Y)> points, double baseWidth, double baseHeight, bool margin = true)
    {
        var list = points.ToList();
        var around = margin
            ? MapFrame.Around(list, baseWidth, baseHeight, MinimumWidth, Aspect)
            : list.Count == 0 ? new MapFrame(0, 0, baseWidth, baseHeight)
            : new MapFrame(list.Min(p => p.X), list.Min(p => p.Y), list.Max(p => p.X) - list.Min(p => p.X), list.Max(p => p.Y) - list.Min(p => p.Y));
        var width = Math.Max(around.Width, around.Height / Aspect);
        var height = width * Aspect;
        var x = around.X + around.Width / 2 - width / 2;
        var y = around.Y + around.Height / 2 - height / 2;
        x = Math.Clamp(x, Math.Min(0, baseWidth - width), Math.Max(0, baseWidth - width));
        y = Math.Clamp(y, Math.Min(0, baseHeight - height), Math.Max(0, baseHeight - height));
        return new MapFrame(Math.Round(x, 1), Math.Round(y, 1), Math.Round(width, 1), Math.Round(height, 1));
    }

    private (double X, double Y)[] Corners(GeoRegion region) => _unitCorners[region.Id];
}
