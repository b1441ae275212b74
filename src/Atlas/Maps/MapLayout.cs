using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>A corridor as the main map draws it: the entity and its line after <see cref="CorridorLayout"/>.</summary>
public sealed record MapCorridor(Entity Entity, LaidOutCorridor Line);

/// <summary>
/// A marker on the main map: one entity, or several of one layer at one place drawn as one marker with their count
/// (a link to the place, whose page lists them). <see cref="Importance"/>: lower is more important.
/// </summary>
public sealed record MapMarker(string Collection, string Key, EntityId Target, ImmutableArray<Entity> Entities,
    PlacedMarker Placed, double Radius, int Importance, bool Approximate, string LabelText)
{
    /// <summary>Where a displaced marker's leader line starts: at its place, or at the edge of the marker drawn there.</summary>
    public (double X, double Y) LeaderStart { get; init; } = (Placed.AnchorX, Placed.AnchorY);

    /// <summary>Whether its place gets a small dot of its own (nothing else is drawn there).</summary>
    public bool AnchorDot { get; init; }

    /// <summary>The marker's name on hover: the entity's, or the place's followed by the names of those grouped there.</summary>
    public string Title(string language, SiteModel model) => Entities.Length == 1
        ? Entities[0].Name[language]
        : $"{model.Get(Target).Name[language]} · {string.Join(" · ", Entities.Select(e => e.Name[language]))}";
}

/// <summary>
/// The main map's layout in one language: corridors side by side, markers whose hit areas do not overlap, and labels
/// that overlap neither each other nor any marker. Sizes are chosen in CSS pixels at the desktop first view and
/// converted to map units with the frame's scale, so they hold whatever the frame is. Labels depend on the language
/// (text widths), so markers do too: the labels every reader needs are placed before the markers that could be moved
/// out of their way.
/// </summary>
public sealed class MapLayout
{
    /// <summary>How wide the main map's svg is on a desktop first view, in CSS pixels (the page's content column).</summary>
    public const double DesktopWidthPx = 1030;

    /// <summary>The label font size at the desktop first view, in CSS pixels: on a narrower screen labels shrink with the
    /// map, which is why a phone opens zoomed in (atlas.js) and, without the script, keeps a wider map (style.css).</summary>
    public const double LabelFontPx = 13.5;

    /// <summary>The levels of the places layer's importance that are always labelled (the municipality, prefecture-level cities).</summary>
    public const int MajorLevels = 2;

    /// <summary>More markers of one layer than this at exactly one place are drawn as one marker with their count.</summary>
    public const int GroupAbove = 4;

    /// <summary>How far (CSS px at the first view) a marker other than the always-labelled places may be moved off its
    /// place to find room; further, and it would be read as somewhere else.</summary>
    public const double MaxDisplacementPx = 60;

    /// <summary>How near (CSS px at the first view) a city must lie to a corridor's straight segment for the corridor
    /// to be drawn through it, sharing the stretch with the corridors that stop there rather than running beside them.</summary>
    private const double SnapPx = 20;

    /// <summary>The always-labelled places' label size relative to the others (style.css: .map-label.major, 1.15em).</summary>
    public const double MajorFontScale = 1.15;

    public MapLayout(SiteModel model, AtlasMap map, string language)
    {
        var frame = map.Frame;
        PixelsPerUnit = PixelsPerUnitOf(frame);
        HitRadius = 12.5 / PixelsPerUnit;
        LabelFont = LabelFontPx / PixelsPerUnit;
        var majorFont = LabelFont * MajorFontScale;
        CorridorSpacing = CorridorSpacingOf(frame);

        // Language-neutral, so laid out once per map rather than once per language.
        Corridors = map.Corridors;
        StationReach = StationReachPx / PixelsPerUnit;

        // The places other layers' markers stand at (the cities): their markers are placed first, and labelled.
        var placeCollections = map.Layers.SelectMany(l => l.Entities)
            .SelectMany(e => map.GeometryOf(e.Id)!.Points.Where(p => p.Place != e.Id).Select(p => p.Place.Collection))
            .ToHashSet(StringComparer.Ordinal);
        var requests = Requests(model, map, placeCollections).ToList();
        var mapFrame = new MapBox(frame.X, frame.Y, frame.Width, frame.Height);

        LabelRequest Label(Pending p) => new(p.Target.ToString(), p.LabelText(language), p.X, p.Y,
            p.Importance < MajorLevels ? majorFont : LabelFont, HitRadius, p.Importance, p.Importance < MajorLevels);

        // 1. The places always labelled, their markers and labels, clear of every other marker's place where they can be.
        var major = requests.Where(r => r.Importance < MajorLevels && placeCollections.Contains(r.Collection)).ToList();
        var rest = requests.Except(major).ToList();
        var majorMarkers = MarkerLayout.Place([.. major.Select(r => new MarkerRequest(r.Key, r.X, r.Y))], HitRadius);
        var majorHits = majorMarkers.Select(m => m.Hit(HitRadius)).ToList();
        var majorLabels = LabelPlacer.Place([.. major.Zip(majorMarkers, (r, m) => Label(r) with { X = m.X, Y = m.Y })],
            [.. majorHits, .. rest.Select(r => new MapCircle(r.X, r.Y, HitRadius * 0.6))], mapFrame);

        // 2. Every other marker, moved off the labels and markers already placed, but not far: one that finds no room
        //    near its place is left out of the drawing (the list under the map still names it).
        var restMarkers = MarkerLayout.Place([.. rest.Select(r => new MarkerRequest(r.Key, r.X, r.Y))], HitRadius,
            [.. majorLabels.Select(l => l.Box)], majorHits, maxDistance: MaxDisplacementPx / PixelsPerUnit);

        // 3. The other labels where they fit.
        var allHits = majorHits.Concat(restMarkers.Select(m => m.Hit(HitRadius))).ToList();
        var placedMarkers = majorMarkers.Concat(restMarkers).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var restLabels = LabelPlacer.Place(
            [.. rest.Where(r => r.Entities.Length == 1 && r.Labelled && placedMarkers.ContainsKey(r.Key)).Select(r => Label(r) with
            {
                X = placedMarkers[r.Key].X, Y = placedMarkers[r.Key].Y,
                Priority = r.Importance,
            })],
            allHits, mapFrame, [.. majorLabels.Select(l => l.Box)]);
        Labels = [.. majorLabels, .. restLabels];

        Omitted = [.. rest.Where(r => !placedMarkers.ContainsKey(r.Key)).SelectMany(r => r.Entities)
            .Select(e => e.Id).Distinct()];
        var markers = requests.Where(r => placedMarkers.ContainsKey(r.Key)).Select(r => new MapMarker(r.Collection, r.Key, r.Target, r.Entities, placedMarkers[r.Key],
            r.RadiusPx / PixelsPerUnit, r.Importance, r.Approximate, r.LabelText(language))).ToList();
        Markers = [.. markers.Select(m => m.Placed.Displaced ? WithLeader(m, markers) : m)];
    }

    /// <summary>A displaced marker's leader starts at the edge of the marker still standing on its place, if any.</summary>
    private static MapMarker WithLeader(MapMarker marker, List<MapMarker> all)
    {
        var (ax, ay) = (marker.Placed.AnchorX, marker.Placed.AnchorY);
        var there = all.FirstOrDefault(o => !o.Placed.Displaced && Math.Abs(o.Placed.X - ax) < 0.01 && Math.Abs(o.Placed.Y - ay) < 0.01);
        if (there is null)
        {
            return marker with { AnchorDot = true };
        }

        double dx = marker.Placed.X - ax, dy = marker.Placed.Y - ay, length = Math.Sqrt(dx * dx + dy * dy);
        return marker with { LeaderStart = (ax + dx / length * there.Radius, ay + dy / length * there.Radius) };
    }

    public double PixelsPerUnit { get; }

    private static double PixelsPerUnitOf(MapFrame frame) => DesktopWidthPx / frame.Width;

    private static double CorridorSpacingOf(MapFrame frame) => 4.8 / PixelsPerUnitOf(frame);

    /// <summary>How far (CSS px at the first view) a waterway's stops may lie from its river for it to follow the river.</summary>
    private const double RiverTolerancePx = 24;

    /// <summary>The radius of every marker's transparent hit circle, in map units (12.5 CSS px at the first view).</summary>
    public double HitRadius { get; }

    /// <summary>The label font size, in map units; the always-labelled places use a slightly larger one.</summary>
    public double LabelFont { get; }

    /// <summary>The distance between neighbouring corridors' centre lines on a shared stretch, in map units.</summary>
    public double CorridorSpacing { get; }

    public ImmutableArray<MapCorridor> Corridors { get; }

    /// <summary>How far (CSS px at the first view) the lines at a stop may end off it before they get a station bar:
    /// the radius of the largest place marker, which covers ends nearer than that.</summary>
    private const double StationReachPx = 6;

    /// <summary>The distance from a stop beyond which corridors' ends there get a station bar, in map units.</summary>
    public double StationReach { get; }

    /// <summary>Every marker, most important first (the order they were placed in).</summary>
    public ImmutableArray<MapMarker> Markers { get; }

    public ImmutableArray<PlacedLabel> Labels { get; }

    /// <summary>The entities whose marker found no room near its place and is not drawn (a crowded map).</summary>
    public ImmutableArray<EntityId> Omitted { get; }

    /// <summary>
    /// Every corridor with a line, laid out side by side. Slots follow the kind's place in its enum, then the slug, so
    /// lines of one kind run next to each other. A corridor its layer says follows a river (along_rivers: a waterway)
    /// is drawn along the river through its stops instead of straight between them, where one passes by every stop.
    /// </summary>
    internal static ImmutableArray<MapCorridor> LayCorridors(AtlasMap map)
    {
        var pixelsPerUnit = PixelsPerUnitOf(map.Frame);
        var layers = map.Layers.Where(l => l.Layer.Shape == MapLayerShape.Lines).ToList();
        var corridors = layers.SelectMany(l => l.Entities.Select(e => (Entity: e, l.Layer.AlongRivers)))
            .Where(c => map.GeometryOf(c.Entity.Id)!.Points.Length >= 2)
            .OrderBy(c => EnumRank(c.Entity)).ThenBy(c => c.Entity.Collection.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Entity.Slug, StringComparer.Ordinal)
            .ToList();
        var routes = corridors.Select(c =>
        {
            var points = map.GeometryOf(c.Entity.Id)!.Points;
            var stops = points.Select(p => new CorridorStop(p.Place.ToString(), p.X, p.Y)).ToList();
            var course = c.AlongRivers is { } along && c.Entity.Field(along.Field) is EnumValue value && value.Value == along.Value
                ? map.Rivers?.Course([.. points.Select(p => (p.X, p.Y))], RiverTolerancePx / pixelsPerUnit)
                : null;
            return course is null
                ? new CorridorRoute(c.Entity.Id.ToString(), [.. stops])
                : CorridorRoute.AlongRiver(c.Entity.Id.ToString(), stops, course, clearOfStops: 2 * CorridorSpacingOf(map.Frame));
        }).ToList();
        var lines = CorridorLayout.Lay(routes, CorridorSpacingOf(map.Frame), SnapPx / pixelsPerUnit);
        return [.. corridors.Zip(lines, (c, line) => new MapCorridor(c.Entity, line))];
    }

    /// <summary>The position of an entity's first enum value in its declared values (site.yml lists levels and kinds
    /// from the most to the least important), or a large number without one.</summary>
    private static int EnumRank(Entity entity)
    {
        foreach (var field in entity.Collection.Fields.Where(f => f.Values.Length > 0))
        {
            if (entity.Field(field.Name) is EnumValue value)
            {
                var rank = field.Values.IndexOf(value.Value);
                return rank < 0 ? 99 : rank;
            }
        }

        return 99;
    }

    private sealed record Pending(string Collection, string Key, EntityId Target, ImmutableArray<Entity> Entities, double X,
        double Y, int Importance, double RadiusPx, bool Approximate, bool Labelled, bool IsPlace)
    {
        /// <summary>
        /// A map label names a place (a city) without the units the map already shows around it: 重庆市巴南区 is 巴南区 and
        /// "Banan District, Chongqing" is "Banan District" (the title on hover and the list keep the full name).
        /// </summary>
        public string LabelText(string language)
        {
            var name = Entities[0].Name[language];
            if (!IsPlace)
            {
                return name;
            }

            var comma = name.IndexOf(", ", StringComparison.Ordinal);
            if (comma > 0)
            {
                return name[..comma];
            }

            var unit = name.LastIndexOfAny(['市', '省']);
            return unit > 0 && name.Length - unit - 1 >= 2 ? name[(unit + 1)..] : name;
        }
    }

    /// <summary>
    /// The markers to place, most important first: the places (by level), then each other layer in the order site.yml
    /// lists them; several of one layer at one place beyond <see cref="GroupAbove"/> become one counted marker.
    /// </summary>
    private static IEnumerable<Pending> Requests(SiteModel model, AtlasMap map, HashSet<string> placeCollections)
    {
        var pending = new List<Pending>();
        var layerIndex = 0;
        foreach (var (layer, entities) in map.Layers)
        {
            layerIndex++;
            if (layer.Shape == MapLayerShape.Lines)
            {
                continue;
            }

            var isPlaces = placeCollections.Contains(layer.Collection);
            var importance = isPlaces ? 0 : 10 * layerIndex;
            var atPlaces = entities
                .SelectMany(e => (layer.Shape == MapLayerShape.Places ? map.GeometryOf(e.Id)!.Points : [map.GeometryOf(e.Id)!.Points[0]])
                    .Select(p => (Entity: e, Point: p)))
                .GroupBy(x => (x.Point.X, x.Point.Y));
            foreach (var group in atPlaces)
            {
                var members = group.ToList();

                // A cluster is one marker per place, counted when several share it: squares for each would pile up.
                var grouped = layer.Shape == MapLayerShape.Places ? members.Count > 1 : !isPlaces && members.Count > GroupAbove;
                var items = grouped ? [members] : members.Select(m => new List<(Entity Entity, MapPoint Point)> { m }).ToList();
                foreach (var item in items)
                {
                    var first = item[0];
                    var target = item.Count > 1 ? first.Point.Place : first.Entity.Id;
                    var key = item.Count > 1 ? $"{layer.Collection}@{first.Point.Place}" : first.Entity.Id.ToString();
                    if (layer.Shape == MapLayerShape.Places && item.Count == 1)
                    {
                        key = $"{first.Entity.Id}@{first.Point.Place}";
                    }

                    var rank = isPlaces ? EnumRank(first.Entity) : importance;
                    var radiusPx = isPlaces ? (rank < MajorLevels ? 6 : 4.5) : item.Count > 9 ? 8.5 : item.Count > 1 ? 7 : layer.Shape == MapLayerShape.Places ? 5 : 4.5;
                    pending.Add(new Pending(layer.Collection, key, target, [.. item.Select(i => i.Entity)], first.Point.X,
                        first.Point.Y, rank, radiusPx, !isPlaces && first.Point.Place != first.Entity.Id,
                        Labelled: layer.Shape != MapLayerShape.Places, IsPlace: isPlaces));
                }
            }
        }

        // Per place: how many markers stand there, so the busier of two equal places keeps its spot.
        var busy = pending.GroupBy(p => (p.X, p.Y)).ToDictionary(g => g.Key, g => g.Count());
        return pending.OrderBy(p => p.Importance).ThenByDescending(p => busy[(p.X, p.Y)])
            .ThenBy(p => p.Key, StringComparer.Ordinal);
    }
}
