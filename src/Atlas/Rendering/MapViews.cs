using Atlas.Maps;
using Atlas.Model;
using Atlas.Config;
using Scriban.Runtime;
using static Atlas.Rendering.ViewFactory;

namespace Atlas.Rendering;

/// <summary>
/// The main map as templates see it (<c>atlas.map</c>): its frame, the layers with their features, and the map's
/// furniture (legend, scale, rivers, inset). Built once per language; the geometry itself is language-neutral
/// (<see cref="AtlasMap"/>), only names and label placement depend on the language.
/// </summary>
internal sealed class MapViews(SiteModel model, ViewFactory views, AtlasMap map)
{
    public ScriptObject Main(string language)
    {
        var frame = map.Frame;
        var layout = new MapLayout(model, map, language);
        var layers = Layers(language, layout).ToList();
        return Obj(
            ("width", map.Base.Projection.Width),
            ("height", map.Base.Projection.Height),
            ("frame", Obj(("x", frame.X), ("y", frame.Y), ("width", frame.Width), ("height", frame.Height), ("view_box", frame.ViewBox))),
            ("layers", Array(layers)),
            // Drawn bottom to top: lines, then the point layers from the last listed to the first (parks above cities).
            ("drawn", Array(map.Layers.Select((l, i) => (l.Layer.Shape, i))
                .OrderBy(l => l.Shape == MapLayerShape.Lines ? 0 : 1).ThenByDescending(l => l.i).Select(l => layers[l.i]))),
            ("label_font", Round(layout.LabelFont)),
            ("route_width", Round(CorridorWidthPx / layout.PixelsPerUnit)),
            ("station_width", Round(StationWidthPx / layout.PixelsPerUnit)),
            ("station_inner_width", Round((StationWidthPx - 2 * StationEdgePx) / layout.PixelsPerUnit)),
            ("labels", Array(layout.Labels.Select(l => Obj(
                ("for", l.Id), ("text", l.Text), ("x", Round(l.X)), ("y", Round(l.Y)),
                ("major", l.FontSize > layout.LabelFont), ("font", Round(l.FontSize)),
                ("anchor", l.Anchor.ToString().ToLowerInvariant()))))),
            ("furniture", Furniture(language, layout)),
            // How many entries a crowded map leaves undrawn (MapLayout.Omitted): said in the caption, named in the list.
            ("omitted", layout.Omitted.Length),
            ("thematic", Thematic(language)));
    }

    /// <summary>
    /// The main map's furniture: rivers with their labels, province names, the scale bar and the inset's frame.
    /// Labels keep clear of the markers and of the labels the layout placed, so they cover neither.
    /// </summary>
    private ScriptObject Furniture(string language, MapLayout layout)
    {
        var frame = map.Frame;
        var points = layout.Markers.Select(m => (m.Placed.X, m.Placed.Y))
            .Concat(layout.Labels.SelectMany(l => Outline(l.Box, step: layout.LabelFont)))
            .Distinct().ToList();

        // The inset (bottom right, see style.css .map-inset) and the scale bar (bottom left) cover these corners.
        MapFrame[] keepOut = [MapLabelSpots.Corner(frame, right: true, bottom: true, 0.25, 0.26),
            MapLabelSpots.Corner(frame, right: false, bottom: true, 0.36, 0.14)];
        var riverFont = Math.Round(frame.Width / 50, 1);
        var rivers = new List<ScriptObject>();
        var avoid = new List<(double X, double Y)>(points);
        foreach (var river in map.Rivers?.Rivers ?? [])
        {
            var name = river.Name[language];
            var length = TextWidth(name, riverFont, letterSpacing: 0);
            var spot = name.Length == 0 ? null : MapLabelSpots.AlongRiver(river, frame, length, avoid, keepOut: keepOut);
            if (spot is not null)
            {
                // The label's whole length, so that the next labels keep off it.
                var (dx, dy) = (Math.Cos(spot.Angle * Math.PI / 180), Math.Sin(spot.Angle * Math.PI / 180));
                avoid.AddRange(Enumerable.Range(-2, 5).Select(k => (spot.X + dx * length * k / 4, spot.Y + dy * length * k / 4)));
            }

            rivers.Add(Obj(("id", river.Id), ("name", name), ("path", river.PathData),
                ("label", spot is null ? null : Obj(("x", spot.X), ("y", spot.Y), ("angle", spot.Angle)))));
        }

        var provinceFont = Math.Round(frame.Width / 26, 1);
        var provinces = map.Base.Regions.Select(r => r.Province).Distinct().Select(province =>
            (province, spot: MapLabelSpots.InArea(point => map.Base.InProvince(province, point), frame, avoid, keepOut: keepOut,
                halfWidth: TextWidth(views.BundleFor(language).Get($"cartography.{province}") ?? province, provinceFont, letterSpacing: 0.25) / 2,
                labelHeight: provinceFont * 0.8)))
            .Where(p => p.spot is not null)
            .Select(p => Obj(("id", p.province), ("x", p.spot!.X), ("y", p.spot.Y)));
        var scale = ScaleBar.For(frame, map.Base.Projection);
        return Obj(
            ("rivers", Array(rivers)),
            ("river_scale", Math.Round(riverFont / 10, 3)),
            ("provinces", Array(provinces)),
            ("province_scale", Math.Round(provinceFont / 10, 3)),
            ("scale", Obj(("x", scale.X), ("y", scale.Y), ("length", scale.Length), ("half", Math.Round(scale.Length / 2, 1)),
                ("kilometres", scale.Kilometres), ("font", Math.Round(frame.Width / 45, 1)), ("text_scale", Math.Round(frame.Width / 450, 3)))),
            ("inset", Obj(("view_box", $"0 0 {BaseMap.Format(map.Base.Projection.Width)} {BaseMap.Format(map.Base.Projection.Height)}"))));
    }

    /// <summary>
    /// The thematic map's table: each unit with at least one counted entity, its count per counted collection and in
    /// all, most first; named by the content's place that is the unit itself where there is one (a link, and an English
    /// name), else by the base map's Chinese name. Then the entities tied to no single unit.
    /// </summary>
    private ScriptObject? Thematic(string language)
    {
        if (map.Counts is not { } counts || model.Config.Features.ThematicMap is not { } config)
        {
            return null;
        }

        var places = model.Collections.GetValueOrDefault(config.Places, []);
        // The first place of each Chinese name and of each unit stem, looked up for every row rather than each row
        // scanning the places (a large site has hundreds of cities, and each scan matched every name's stem).
        var placeNamed = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var placeForStem = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var place in places)
        {
            placeNamed.TryAdd(place.Name["zh"], place);
            if (UnitStem(place.Name["zh"]) is { } stem)
            {
                placeForStem.TryAdd(stem, place);
            }
        }

        var collections = config.Count.Where(model.Collections.ContainsKey).ToList();
        var rows = counts.Units.Where(u => u.Count > 0)
            .OrderByDescending(u => u.Count).ThenBy(u => u.Unit.Province == "sichuan" ? 0 : 1).ThenBy(u => u.Unit.Id, StringComparer.Ordinal)
            .Select(u =>
            {
                var place = placeForStem.GetValueOrDefault(CooperationCounts.Stem(u.Unit.Name));
                return Obj(
                    ("name", place?.Name[language] ?? u.Unit.Name),
                    ("unit_name", u.Unit.Name),
                    ("entity", place is null ? null : views.Summary(place, language)),
                    ("province", u.Unit.Province),
                    ("count", u.Count),
                    ("via", Array(u.Places.Where(name => place is null || name != place.Name["zh"])
                        .Select(name => placeNamed.GetValueOrDefault(name)?.Name[language] ?? name))),
                    ("class", CooperationCounts.ClassOf(u.Count)),
                    ("by_collection", Array(collections.Select(c => u.Entities.Count(e => e.Collection == c)))));
            });
        var bounds = CooperationCounts.ClassLowerBounds;
        return Obj(
            ("collections", Array(collections.Select(c => model.Config.Collection(c)!.Title[language]))),
            ("rows", Array(rows)),
            ("zero_units", counts.Units.Count(u => u.Count == 0)),
            ("classes", Array(bounds.Select((lower, i) => Obj(("class", i), ("lower", lower),
                ("upper", i + 1 < bounds.Length ? bounds[i + 1] - 1 : (int?)null))))),
            ("unplaced", Array(counts.Unplaced.Select(id => views.Summary(model.Get(id), language)))));
    }

    /// <summary>Points around a box's edge and along its middle, no more than <paramref name="step"/> apart.</summary>
    private static IEnumerable<(double X, double Y)> Outline(MapBox box, double step)
    {
        var columns = Math.Max(1, (int)Math.Ceiling(box.Width / step));
        for (var i = 0; i <= columns; i++)
        {
            var x = box.X + box.Width * i / columns;
            yield return (x, box.Y);
            yield return (x, box.Y + box.Height / 2);
            yield return (x, box.Y + box.Height);
        }
    }

    /// <summary>About how wide a text is in map units: a Han character is one em, a Latin letter about 0.6.</summary>
    private static double TextWidth(string text, double fontSize, double letterSpacing) =>
        text.Sum(c => (c >= 0x2E80 ? 1.0 : 0.6) + letterSpacing) * fontSize;

    /// <summary>The stem of the unit a place's Chinese name would be if the place is a unit itself (重庆市渝北区 is 渝北区,
    /// 重庆市梁平区 is 梁平县: both stem to the unit's), not a part of it; null for a name that is only the province.</summary>
    private static string? UnitStem(string placeName)
    {
        var own = placeName.StartsWith("重庆市", StringComparison.Ordinal) || placeName.StartsWith("四川省", StringComparison.Ordinal)
            ? placeName[3..]
            : placeName;
        return own.Length > 0 ? CooperationCounts.Stem(own) : null;
    }

    private IEnumerable<ScriptObject> Layers(string language, MapLayout layout) => map.Layers.Select(layer => Obj(
        ("collection", layer.Layer.Collection),
        ("title", model.Config.Collection(layer.Layer.Collection)!.Title[language]),
        ("shape", layer.Layer.Shape.ToString().ToLowerInvariant()),
        ("features", Array(layer.Entities.Select(entity =>
        {
            var geometry = map.GeometryOf(entity.Id)!;
            return Obj(
                ("entity", views.Summary(entity, language)),
                ("x", geometry.Points[0].X),
                ("y", geometry.Points[0].Y),
                ("line", geometry.Line),
                ("approximate", geometry.Points[0].IsApproximate),
                ("points", Array(geometry.Points.Select(p => Obj(("x", p.X), ("y", p.Y), ("approximate", p.IsApproximate))))));
        }))),
        // What the map draws of the layer: corridors offset side by side, markers where the layout put them.
        ("corridors", Array(layout.Corridors.Where(c => c.Entity.Collection.Name == layer.Layer.Collection).Select(c =>
        {
            var middle = c.Line.Middle;
            return Obj(
                ("entity", views.Summary(c.Entity, language)),
                ("kind", c.Entity.Field("kind") is EnumValue kind ? kind.Value : null),
                ("d", c.Line.PathData),
                ("name_x", Round(middle.X)), ("name_y", Round(middle.Y - layout.CorridorSpacing)));
        }))),
        // Where the layer's lines end or pass a stop side by side wider than its marker: a bar across them.
        ("stations", Array(CorridorLayout.Stations(layout.Corridors.Where(c => c.Entity.Collection.Name == layer.Layer.Collection)
            .Select(c => c.Line), layout.StationReach).Select(s => Obj(("d", s.PathData))))),
        ("markers", Array(layout.Markers.Where(m => m.Collection == layer.Layer.Collection).Select(m => Obj(
            ("path", SiteUrls.EntityPath(language, m.Target)),
            ("title", m.Title(language, model)),
            ("for", m.Target.ToString()),
            ("x", Round(m.Placed.X)), ("y", Round(m.Placed.Y)),
            ("left", Round(m.Placed.X - m.Radius)), ("top", Round(m.Placed.Y - m.Radius)), ("size", Round(2 * m.Radius)),
            ("anchor_x", Round(m.Placed.AnchorX)), ("anchor_y", Round(m.Placed.AnchorY)), ("anchor_r", Round(m.Radius * 0.45)),
            ("anchor_dot", m.AnchorDot), ("leader_x", Round(m.LeaderStart.X)), ("leader_y", Round(m.LeaderStart.Y)),
            ("leader", m.Placed.Displaced),
            ("r", Round(m.Radius)),
            ("hit_r", Round(layout.HitRadius)),
            ("name_y", Round(m.Placed.Y - layout.HitRadius - 1)),
            ("count", m.Entities.Length > 1 ? m.Entities.Length : 0),
            ("count_font", Round(m.Radius * 1.25)),
            ("major", m.Importance < MapLayout.MajorLevels),
            ("approximate", m.Approximate)))))));

    /// <summary>A corridor's stroke at the first view, in CSS pixels: with lines 4.8 px apart, 1.8 px of gap between them.</summary>
    private const double CorridorWidthPx = 3;

    /// <summary>A station bar's width at the first view, in CSS pixels: wider than a line, so the lines' ends sit inside
    /// it, and with a dark edge of <see cref="StationEdgePx"/> around a white middle, as interchanges are drawn.</summary>
    private const double StationWidthPx = 7;

    private const double StationEdgePx = 1.25;

    /// <summary>Map coordinates in the markup: a hundredth of a unit is far below a pixel.</summary>
    private static double Round(double value) => Math.Round(value, 2);
}
