using System.Globalization;
using System.Text;

namespace Atlas.Maps;

/// <summary>
/// The thematic map's image: the base map's units shaded by their class of <see cref="CooperationCounts"/>, framed
/// like the main map. Language-neutral (no text: the page's legend and table give the words and numbers), so both
/// languages share one file.
/// </summary>
public static class ThematicMap
{
    /// <summary>Fills of the classes of <see cref="CooperationCounts.ClassLowerBounds"/>, light to dark; the page's legend uses the same (style.css).</summary>
    public static readonly string[] ClassFills = ["#eef1f4", "#bcd5ec", "#6fa3d3", "#1f5f9e"];

    public static byte[] ToSvg(BaseMap baseMap, CooperationCounts counts, MapFrame frame)
    {
        var paths = baseMap.Paths.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{frame.ViewBox}\">");
        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">");
        foreach (var unit in counts.Units)
        {
            var fill = ClassFills[CooperationCounts.ClassOf(unit.Count)];
            svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{fill}\" d=\"{paths[unit.Unit.Id].Data}\"/>");
        }

        svg.Append("</g></svg>\n");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }
}
