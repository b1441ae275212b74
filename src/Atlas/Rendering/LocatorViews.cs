using Atlas.Maps;
using Atlas.Model;
using Scriban.Runtime;
using static Atlas.Rendering.ViewFactory;

namespace Atlas.Rendering;

/// <summary>
/// An entity's locator map as its page's template sees it (<c>entity.map</c>): the frame to crop the shared base map
/// to, the highlighted unit (one compact path inline, the boundaries come from the shared <c>basemap.svg</c>), the
/// markers, and labels placed in the page's language. Sizes are in map units, computed from the frame so that text
/// and markers keep their size on screen whatever the zoom.
/// </summary>
internal sealed class LocatorViews(SiteModel model, AtlasMap map)
{
    /// <summary>The CSS width a locator is designed for (a phone's column; wider screens show it a little larger).</summary>
    private const double DesignWidth = 380;

    public ScriptObject? View(Entity entity, string language)
    {
        if (map.Locators.Of(entity) is not { } locator)
        {
            return null;
        }

        var frame = locator.Frame;
        var unit = frame.Width / DesignWidth; // map units per CSS pixel
        var font = Round(12.5 * unit);
        var (selfRadius, placeRadius, neighbourRadius) = (Round(6 * unit), Round(4.5 * unit), Round(3 * unit));

        var self = locator.Points.Where(p => p.Place == entity.Id).ToList();
        var requests = new List<LabelRequest>();
        foreach (var point in self)
        {
            requests.Add(new LabelRequest(Key(entity.Id), Short(entity.Name[language], language), point.X, point.Y, font, selfRadius, requests.Count, Required: true));
        }

        foreach (var point in locator.Points.Where(p => p.Place != entity.Id))
        {
            requests.Add(new LabelRequest(Key(point.Place), Short(model.Get(point.Place).Name[language], language), point.X, point.Y,
                font, point.IsApproximate ? selfRadius : placeRadius, requests.Count));
        }

        foreach (var point in locator.Neighbours)
        {
            requests.Add(new LabelRequest(Key(point.Place), Short(model.Get(point.Place).Name[language], language), point.X, point.Y, font, neighbourRadius, requests.Count));
        }

        // The one placer of every map: each marker's circle is kept clear, the subject's name is always placed.
        var labels = LabelPlacer.Place(requests, [.. requests.Select(r => new MapCircle(r.X, r.Y, r.Clearance))],
            new MapBox(frame.X, frame.Y, frame.Width, frame.Height));

        // A neighbour is drawn only with its name: an unnamed dot orients no one and costs bytes on every page.
        var named = labels.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var neighbours = locator.Neighbours.Where(p => named.Contains(Key(p.Place))).ToList();
        var approximate = locator.Points.Any(p => p.IsApproximate);
        return Obj(
            ("width", map.Base.Projection.Width),
            ("height", map.Base.Projection.Height),
            ("view_box", frame.ViewBox),
            ("font_size", font),
            ("stroke", Round(unit)),
            ("neighbour_r", neighbourRadius),
            ("line", locator.Line),
            ("highlights", Array(locator.Highlights.Select(h => Obj(("unit", h.Id), ("d", map.Locators.Outline(h, unit)))))),
            ("points", Array(locator.Points.Select(p => Obj(
                ("x", p.X), ("y", p.Y), ("name", model.Get(p.Place).Name[language]),
                ("path", SiteUrls.EntityPath(language, p.Place)), ("self", p.Place == entity.Id),
                ("approximate", p.IsApproximate),
                ("r", p.Place == entity.Id || p.IsApproximate ? selfRadius : placeRadius))))),
            ("neighbours", Array(neighbours.Select(p => Obj(
                ("x", p.X), ("y", p.Y), ("name", model.Get(p.Place).Name[language]),
                ("path", SiteUrls.EntityPath(language, p.Place)), ("r", neighbourRadius))))),
            ("labels", Array(labels.Select(l => Obj(
                ("x", l.X), ("y", l.Y), ("text", l.Text), ("for", l.Id), ("self", l.Id == Key(entity.Id)),
                ("anchor", l.Anchor.ToString().ToLowerInvariant()))))),
            ("approximate", approximate),
            ("own", locator.Points.Any(p => p.Place == entity.Id && p.Placement == MapPlacement.Own)),
            ("hosts", Array(locator.Points.Where(p => p.IsApproximate).Select(p => Obj(
                ("name", model.Get(p.Place).Name[language]), ("path", SiteUrls.EntityPath(language, p.Place)))))),
            ("regions", Array(locator.Regions.Where(r => r != entity.Id).Select(r => Obj(
                ("name", model.Get(r).Name[language]), ("path", SiteUrls.EntityPath(language, r)))))),
            ("area", !locator.Regions.IsEmpty),
            ("larger_unit", LargerUnit(entity, locator, language)));
    }

    /// <summary>
    /// A city shown by a larger unit (a Sichuan district by its prefecture, as the base map has no smaller one): the
    /// place the highlight is, so the caption can say so; null when the highlight is the city's own unit.
    /// </summary>
    private ScriptObject? LargerUnit(Entity entity, LocatorMap locator, string language)
    {
        if (locator.Points.All(p => p.Place != entity.Id || p.Placement != MapPlacement.Own) ||
            map.Locators.UnitOf(entity.Id) is not { } unit || !locator.Highlights.Contains(unit) ||
            map.Locators.NamedFor(unit) is not { } named || named == entity.Id)
        {
            return null;
        }

        return Obj(("name", model.Get(named).Name[language]), ("path", SiteUrls.EntityPath(language, named)));
    }

    private static string Key(EntityId id) => $"{id.Collection}/{id.Slug}";

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>
    /// A place's name as a small map labels it: without the larger units the map already shows (重庆市渝北区 → 渝北区,
    /// "Yubei District, Chongqing" → "Yubei District"); a name that is only a larger unit stays whole (成都市).
    /// </summary>
    internal static string Short(string name, string language)
    {
        if (language.StartsWith("zh", StringComparison.Ordinal))
        {
            var rest = name;
            foreach (var suffix in new[] { "省", "市" })
            {
                var at = rest.IndexOf(suffix, StringComparison.Ordinal);
                var remainder = at > 0 ? rest[(at + 1)..] : "";
                if (remainder.Length >= 2 && !remainder.StartsWith('（'))
                {
                    rest = remainder;
                }
            }

            return rest;
        }

        var comma = name.IndexOf(", ", StringComparison.Ordinal);
        return comma > 0 ? name[..comma] : name;
    }
}
