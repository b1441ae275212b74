using System.Collections.Immutable;
using System.Globalization;

namespace Atlas.Maps;

/// <summary>
/// A label to place beside a point. Lower <see cref="Priority"/> is placed first; a <see cref="Required"/> label is
/// placed even where every position is taken (at the least crowded one), so the labels a reader cannot do without
/// are never left out.
/// </summary>
/// <param name="Clearance">How far from the point the label keeps (the marker's hit radius), in map units.</param>
public sealed record LabelRequest(string Id, string Text, double X, double Y, double FontSize, double Clearance, int Priority,
    bool Required = false);

/// <summary>Where a label is drawn: its text anchor point (SVG x, y of the baseline), its anchor and its box.</summary>
public sealed record PlacedLabel(string Id, string Text, double X, double Y, LabelAnchor Anchor, MapBox Box, double FontSize);

public enum LabelAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// Places labels without overlaps: for each label, by priority, the first of eight positions around its point (right,
/// left, above, below, then the diagonals) where its box, estimated from the text, overlaps no placed label, no
/// marker's hit circle and stays in the frame; a label with no such position is left out (the list under the map
/// still names it). Pure and deterministic: the same requests give the same placement.
/// </summary>
public static class LabelPlacer
{
    /// <summary>The share of the font size above the baseline and below it that the box covers (with the text's halo).</summary>
    private const double Ascent = 0.95, Descent = 0.3;

    /// <param name="markers">Every marker's hit circle: no label may cover one.</param>
    /// <param name="taken">Boxes of labels placed before (by an earlier call) that these must not overlap either.</param>
    public static ImmutableArray<PlacedLabel> Place(IReadOnlyList<LabelRequest> labels, IReadOnlyList<MapCircle> markers, MapBox frame,
        IReadOnlyList<MapBox>? taken = null)
    {
        var placed = new List<PlacedLabel>();
        // Every label box and marker so far in a grid, for the many "is this candidate free?" questions (thousands on
        // a large site's map). Cells at least two lines of text high: a label then spans a few cells, not dozens (a
        // locator's frame is a few labels wide, and a finer grid spent its time filing each box in many cells).
        var font = labels.Count == 0 ? 0 : labels.Max(l => l.FontSize);
        var occupied = new OverlapGrid(Math.Max(Math.Max(frame.Width, frame.Height) / 64, 2 * font));
        foreach (var box in taken ?? [])
        {
            occupied.Add(box);
        }

        foreach (var marker in markers)
        {
            occupied.Add(marker);
        }

        var ordered = labels.Select((label, index) => (label, index))
            .OrderBy(l => l.label.Required ? 0 : 1).ThenBy(l => l.label.Priority).ThenBy(l => l.index).Select(l => l.label);
        Span<Candidate> candidates = stackalloc Candidate[8];
        Span<Candidate> wider = stackalloc Candidate[8];
        foreach (var label in ordered)
        {
            Candidates(label, 1, candidates);
            var free = FirstFree(candidates, frame, occupied);
            if (free is null && label.Required)
            {
                // Wider rings before giving in: a required label may sit a little further from its point.
                for (var ring = 1; ring <= 3 && free is null; ring++)
                {
                    Candidates(label, 1 + ring * 0.6, wider);
                    free = FirstFree(wider, frame, occupied);
                }

                free ??= LeastCrowded(candidates, frame, occupied);
            }

            if (free is { } spot)
            {
                placed.Add(new PlacedLabel(label.Id, label.Text, spot.X, spot.Baseline, spot.Anchor, spot.Box, label.FontSize));
                occupied.Add(spot.Box);
            }
        }

        return [.. placed];
    }

    /// <summary>A position a label could take: its text anchor point (rounded as drawn), its anchor and its box.</summary>
    private readonly record struct Candidate(double X, double Baseline, LabelAnchor Anchor, MapBox Box);

    /// <summary>The least crowded candidate inside the frame (the first if none is inside), the first of equals.</summary>
    private static Candidate LeastCrowded(ReadOnlySpan<Candidate> candidates, MapBox frame, OverlapGrid occupied)
    {
        Candidate? best = null;
        var fewest = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Box.Inside(frame) && Crowding(occupied, candidate.Box) is var crowding && crowding < fewest)
            {
                (best, fewest) = (candidate, crowding);
            }
        }

        return best ?? candidates[0];
    }

    /// <summary>How crowded a spot is for a label that must go somewhere: labels it covers count ten times a marker.</summary>
    private static int Crowding(OverlapGrid occupied, MapBox box)
    {
        var (boxes, circles) = occupied.Crowding(box);
        return boxes * 10 + circles;
    }

    /// <summary>The first candidate inside the frame that overlaps no placed label and no marker; null if none is free.</summary>
    private static Candidate? FirstFree(ReadOnlySpan<Candidate> candidates, MapBox frame, OverlapGrid occupied)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Box.Inside(frame) && !occupied.Overlaps(candidate.Box))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The text's estimated width: CJK and full-width characters 1 em, spaces 0.3 em, anything else 0.55 em.</summary>
    public static double Width(string text, double fontSize)
    {
        var ems = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            ems += IsWide(rune.Value) ? 1.0 : rune.Value == ' ' ? 0.3 : 0.55;
        }

        return ems * fontSize;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= 0x3000;

    /// <summary>The eight positions around the point, just outside its clearance, nearest and most readable first,
    /// written into <paramref name="into"/> (eight long): a label tries them in turn and keeps at most one.</summary>
    private static void Candidates(LabelRequest label, double distance, Span<Candidate> into)
    {
        var width = Width(label.Text, label.FontSize);
        var height = (Ascent + Descent) * label.FontSize;
        var gap = label.Clearance * distance + label.FontSize * 0.15;
        var diagonal = gap * 0.75;

        // The baseline that centres the box vertically on the point.
        var middle = label.Y + (Ascent - Descent) / 2 * label.FontSize;
        var above = label.Y - gap - Descent * label.FontSize;
        var below = label.Y + gap + Ascent * label.FontSize;

        into[0] = Make(label.X + gap, middle, LabelAnchor.Start);
        into[1] = Make(label.X - gap, middle, LabelAnchor.End);
        into[2] = Make(label.X, above, LabelAnchor.Middle);
        into[3] = Make(label.X, below, LabelAnchor.Middle);
        into[4] = Make(label.X + diagonal, label.Y - diagonal - Descent * label.FontSize, LabelAnchor.Start);
        into[5] = Make(label.X + diagonal, label.Y + diagonal + Ascent * label.FontSize, LabelAnchor.Start);
        into[6] = Make(label.X - diagonal, label.Y - diagonal - Descent * label.FontSize, LabelAnchor.End);
        into[7] = Make(label.X - diagonal, label.Y + diagonal + Ascent * label.FontSize, LabelAnchor.End);

        Candidate Make(double x, double baseline, LabelAnchor anchor)
        {
            var left = anchor switch { LabelAnchor.Start => x, LabelAnchor.End => x - width, _ => x - width / 2 };
            var box = new MapBox(left, baseline - Ascent * label.FontSize, width, height);
            return new Candidate(Math.Round(x, 2), Math.Round(baseline, 2), anchor, box);
        }
    }
}
