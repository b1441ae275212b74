using System.Collections.Immutable;
using System.Text;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>
/// Places every entity on the base map, once per build: an entity with coordinates is a point; an entity of a
/// "lines" layer is a line through the places its reference field lists; any other entity is shown at the places
/// its references point to (a cluster at its cities). A point entity (a park, a zone) without coordinates is shown at
/// its hosts' positions, marked <see cref="MapPlacement.Host"/> so that maps draw it as approximate: no position is
/// invented. Language-neutral: labels are added by the views.
/// </summary>
public sealed class AtlasMap
{
    private readonly SiteModel _model;
    private readonly ImmutableDictionary<EntityId, MapGeometry> _geometry;
    private readonly Lazy<CooperationCounts?> _counts;
    private readonly Lazy<ImmutableArray<MapCorridor>> _corridors;

    public AtlasMap(SiteModel model, BaseMap baseMap, RiverMap? rivers = null)
    {
        _model = model;
        Base = baseMap;
        Rivers = rivers;
        _counts = new(() => model.Config.Features.ThematicMap is { } thematic
            ? CooperationCounts.Count(model, thematic, baseMap)
            : null);
        _corridors = new(() => MapLayout.LayCorridors(this));
        var geometry = ImmutableDictionary.CreateBuilder<EntityId, MapGeometry>();
        foreach (var entity in model.Entities)
        {
            if (Locate(entity) is { } located)
            {
                geometry[entity.Id] = located;
            }
        }

        _geometry = geometry.ToImmutable();
        Locators = new Locators(model, this, _geometry.Select(p => (p.Key, p.Value)));
        Frame = MapFrame.Around(
            Layers.SelectMany(l => l.Entities).SelectMany(e => _geometry[e.Id].Points).Select(p => (p.X, p.Y)),
            baseMap.Projection.Width, baseMap.Projection.Height);
    }

    /// <summary>What the main map shows: everything its layers place, with a margin.</summary>
    public MapFrame Frame { get; }

    public BaseMap Base { get; }

    /// <summary>The rivers site.yml names (map.rivers), in the base map's coordinates; null without them.</summary>
    public RiverMap? Rivers { get; }

    /// <summary>The thematic map's numbers (map.thematic); null when site.yml asks for none.</summary>
    public CooperationCounts? Counts => _counts.Value;

    /// <summary>The lines layers' corridors as the main map draws them, side by side (<see cref="MapLayout"/>); laid out on first use.</summary>
    public ImmutableArray<MapCorridor> Corridors => _corridors.Value;

    public MapGeometry? GeometryOf(EntityId id) => _geometry.GetValueOrDefault(id);

    /// <summary>The locator maps of entity pages and the base-map unit of every place.</summary>
    public Locators Locators { get; }

    /// <summary>Whether the entity is drawn as one point (a city, a park), not as a line or at several places.</summary>
    public bool IsPointEntity(Entity entity) =>
        _model.Config.Features.MapLayers.FirstOrDefault(l => l.Collection == entity.Collection.Name) is { Shape: MapLayerShape.Points };

    /// <summary>The layers site.yml declares, each with the entities of its collection that have a place.</summary>
    public IEnumerable<(MapLayerConfig Layer, ImmutableArray<Entity> Entities)> Layers =>
        _model.Config.Features.MapLayers.Select(layer => (layer,
            _model.Collections[layer.Collection].Where(e => _geometry.ContainsKey(e.Id)).ToImmutableArray()));

    private MapGeometry? Locate(Entity entity)
    {
        if (entity.Fields.Values.OfType<CoordinatesValue>().FirstOrDefault() is { } own)
        {
            var (x, y) = Base.Projection.Project(new GeoPoint(own.Longitude, own.Latitude));
            return new MapGeometry([new MapPoint(entity.Id, x, y, MapPlacement.Own)], null);
        }

        var layer = _model.Config.Features.MapLayers.FirstOrDefault(l => l.Collection == entity.Collection.Name);
        var fields = layer is { Shape: not MapLayerShape.Points }
            ? [layer.Field]
            : entity.Collection.Fields.Where(f => f.IsReference).Select(f => f.Name);

        // A point layer's entity stands at one place; without its own, a host's is the nearest honest answer.
        var placement = layer is { Shape: MapLayerShape.Points } ? MapPlacement.Host : MapPlacement.Place;

        var points = new List<MapPoint>();
        foreach (var field in fields)
        {
            if (entity.Field(field) is not ReferencesValue references)
            {
                continue;
            }

            foreach (var target in references.Targets)
            {
                if (_model.Get(target).Fields.Values.OfType<CoordinatesValue>().FirstOrDefault() is { } place &&
                    points.All(p => p.Place != target))
                {
                    var (x, y) = Base.Projection.Project(new GeoPoint(place.Longitude, place.Latitude));
                    points.Add(new MapPoint(target, x, y, placement));
                }
            }
        }

        if (points.Count == 0)
        {
            return null;
        }

        string? line = null;
        if (layer?.Shape == MapLayerShape.Lines && points.Count >= 2)
        {
            var data = new StringBuilder();
            for (var i = 0; i < points.Count; i++)
            {
                data.Append(i == 0 ? 'M' : 'L').Append(BaseMap.Format(points[i].X)).Append(',').Append(BaseMap.Format(points[i].Y));
            }

            line = data.ToString();
        }

        return new MapGeometry([.. points], line);
    }
}
