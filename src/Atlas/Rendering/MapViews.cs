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
            ("labels", Array(layout.Labels.Select(l => Obj(
                ("for", l.Id), ("text", l.Text), ("x", Round(l.X)), ("y", Round(l.Y)),
                ("major", l.FontSize > layout.LabelFont), ("font", Round(l.FontSize)),
                ("anchor", l.Anchor.ToString().ToLowerInvariant()))))));
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
                ("points", Array(geometry.Points.Select(p => Obj(("x", p.X), ("y", p.Y))))));
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

    /// <summary>Map coordinates in the markup: a hundredth of a unit is far below a pixel.</summary>
    private static double Round(double value) => Math.Round(value, 2);
}
