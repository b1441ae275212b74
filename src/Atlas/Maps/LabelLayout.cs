using System.Collections.Immutable;

namespace Atlas.Maps;

/// <summary>A label to place next to a point marker, in priority order of the list it comes in.</summary>
public sealed record LabelRequest(string Key, string Text, double X, double Y, double MarkerRadius);

/// <summary>A placed label: its text's anchor point (SVG text x, y of the baseline) and anchoring.</summary>
public sealed record PlacedLabel(string Key, string Text, double X, double Y, LabelAnchor Anchor, LabelBox Box);

public enum LabelAnchor { Start, Middle, End }

public readonly record struct LabelBox(double Left, double Top, double Right, double Bottom)
{
    public bool Overlaps(LabelBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Inside(MapFrame frame) =>
        Left >= frame.X && Top >= frame.Y && Right <= frame.X + frame.Width && Bottom <= frame.Y + frame.Height;
}

/// <summary>
/// A greedy label placement for small maps: each label in priority order takes the first of a few positions around its
/// marker (right, left, above, below) that stays inside the frame and overlaps no label placed before it and no other
/// marker; a label with no such position is left out (the caption and the page still name the place).
/// </summary>
public static class LabelLayout
{
    /// <param name="keepFirst">The first label (the map's subject) is placed even where every position collides:
    /// above its marker, moved sideways into the frame.</param>
    public static ImmutableArray<PlacedLabel> Place(IReadOnlyList<LabelRequest> requests, MapFrame frame, double fontSize, bool keepFirst = false)
    {
        var markers = requests.Select(r => new LabelBox(r.X - r.MarkerRadius, r.Y - r.MarkerRadius, r.X + r.MarkerRadius, r.Y + r.MarkerRadius)).ToList();
        var placed = ImmutableArray.CreateBuilder<PlacedLabel>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var width = TextWidth(request.Text, fontSize);
            foreach (var candidate in Candidates(request, width, fontSize))
            {
                if (candidate.Box.Inside(frame) &&
                    placed.All(p => !p.Box.Overlaps(candidate.Box)) &&
                    markers.Where((_, m) => m != i).All(m => !m.Overlaps(candidate.Box)))
                {
                    placed.Add(candidate);
                    break;
                }
            }

            if (i == 0 && keepFirst && placed.Count == 0)
            {
                var above = Candidates(request, width, fontSize).ElementAt(2);
                var shift = Math.Clamp(above.Box.Left, frame.X, Math.Max(frame.X, frame.X + frame.Width - width)) - above.Box.Left;
                placed.Add(above with
                {
                    X = Math.Round(above.X + shift, 1),
                    Box = above.Box with { Left = above.Box.Left + shift, Right = above.Box.Right + shift },
                });
            }
        }

        return placed.ToImmutable();
    }

    private static IEnumerable<PlacedLabel> Candidates(LabelRequest r, double width, double size)
    {
        var gap = r.MarkerRadius + size * 0.3;
        var ascent = size * 0.8; // from the baseline to the top of the box (CJK and capitals)
        var descent = size * 0.25;
        var middle = r.Y + (ascent - descent) / 2; // a baseline that centres the text on the marker
        yield return Make(r.X + gap, middle, LabelAnchor.Start);
        yield return Make(r.X - gap, middle, LabelAnchor.End);
        yield return Make(r.X, r.Y - gap - descent, LabelAnchor.Middle);
        yield return Make(r.X, r.Y + gap + ascent, LabelAnchor.Middle);

        PlacedLabel Make(double x, double baseline, LabelAnchor anchor)
        {
            var left = anchor switch { LabelAnchor.Start => x, LabelAnchor.End => x - width, _ => x - width / 2 };
            return new PlacedLabel(r.Key, r.Text, Math.Round(x, 1), Math.Round(baseline, 1), anchor,
                new LabelBox(left, baseline - ascent, left + width, baseline + descent));
        }
    }

    /// <summary>
    /// An estimate of the rendered width without a font: Chinese characters are square (1 em), Latin text about half
    /// an em a letter; generous rather than tight, so estimated boxes that do not overlap do not overlap on screen.
    /// </summary>
    public static double TextWidth(string text, double fontSize) => fontSize * text.Sum(c => c switch
    {
        >= '\u2E80' => 1.0,
        ' ' => 0.3,
        >= 'A' and <= 'Z' => 0.68,
        'i' or 'l' or 'j' or 't' or 'f' or 'r' or '.' or ',' or '(' or ')' or '\'' => 0.35,
        'm' or 'w' => 0.85,
        _ => 0.56,
    });
}
