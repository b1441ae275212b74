using Atlas.Maps;
using Atlas.Model;
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
        return Obj(
            ("width", map.Base.Projection.Width),
            ("height", map.Base.Projection.Height),
            ("frame", Obj(("x", frame.X), ("y", frame.Y), ("width", frame.Width), ("height", frame.Height), ("view_box", frame.ViewBox))),
            ("layers", Array(Layers(language))));
    }

    private IEnumerable<ScriptObject> Layers(string language) => map.Layers.Select(layer => Obj(
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
        })))));
}
