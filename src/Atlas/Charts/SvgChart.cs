using System.Globalization;
using System.Net;
using System.Text;

namespace Atlas.Charts;

/// <summary>
/// Draws a bar or line chart as inline SVG at build time: no script, no network. Labels come in already formatted
/// for the page's language; this class only lays them out and escapes them. The same data is shown as a table by
/// the template, for screen readers and for copying.
/// </summary>
public static class SvgChart
{
    private const double Width = 640;
    private const double Height = 300;
    private const double Left = 16;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 46;

    public sealed record Bar(string Label, decimal Value, string ValueText);

    public static string Render(string id, string title, IReadOnlyList<Bar> bars, bool line)
    {
        var max = Math.Max(bars.Max(b => b.Value), 0m);
        var min = Math.Min(bars.Min(b => b.Value), 0m);
        var range = (double)(max - min);
        if (range == 0)
        {
            range = 1;
        }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(decimal value) => Top + plotHeight * (double)(max - value) / range;
        var zero = Y(0);
        var slot = plotWidth / bars.Count;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart chart-{(line ? "line" : "bar")}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(zero)}\" y2=\"{F(zero)}\"/>");

        var points = new List<(double X, double Y)>();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var center = Left + slot * (i + 0.5);
            var y = Y(bar.Value);
            if (line)
            {
                points.Add((center, y));
            }
            else
            {
                var width = Math.Min(slot * 0.6, 90);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"{F(center - width / 2)}\" y=\"{F(Math.Min(y, zero))}\" width=\"{F(width)}\" height=\"{F(Math.Max(Math.Abs(zero - y), 1))}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{F(center)}\" y=\"{F(Math.Min(y, zero) - 8)}\" text-anchor=\"middle\">{Escape(bar.ValueText)}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"label\" x=\"{F(center)}\" y=\"{F(Height - Bottom + 20)}\" text-anchor=\"middle\">{Escape(Shorten(bar.Label, slot))}</text>");
        }

        if (line)
        {
            svg.Append("<polyline class=\"line\" fill=\"none\" points=\"");
            svg.AppendJoin(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"));
            svg.Append("\"/>");
            foreach (var (x, y) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Keeps a label within its slot (CJK characters are about twice as wide as Latin ones).</summary>
    private static string Shorten(string label, double slot)
    {
        var budget = slot / 7.5;
        var width = 0.0;
        for (var i = 0; i < label.Length; i++)
        {
            width += label[i] > '\u2e80' ? 2 : 1;
            if (width > budget)
            {
                return label[..Math.Max(1, i - 1)] + "…";
            }
        }

        return label;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
