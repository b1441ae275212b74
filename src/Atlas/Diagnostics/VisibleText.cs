using System.Globalization;
using System.Text;

namespace Atlas.Diagnostics;

/// <summary>
/// Text from content (values, file names, source lines) made safe to show in a terminal, a CI log or an error page:
/// control characters are written as escapes (<c>\x1b</c>, <c>\u202e</c>) instead of being sent. Raw, an
/// escape sequence can recolour, hide or rewrite what the terminal shows (or set its title, or make a link), a
/// newline or carriage return can forge a line of its own (<c>path:1:1: error: ...</c>), and a bidirectional override
/// makes a line read differently from the characters it holds.
/// </summary>
public static class VisibleText
{
    /// <summary>
    /// C0 controls but the tab (harmless, and common in messages about tabs), DEL, the C1 controls (0x9b alone starts
    /// an escape sequence in some terminals), the bidirectional marks, embeddings, overrides and isolates
    /// (U+061C, U+200E–200F, U+202A–202E, U+2066–2069), and the line and paragraph separators (U+2028–2029).
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (char)c),
         .. Enumerable.Range(0x7f, 0x21).Select(c => (char)c),
         '\u061c', '\u200e', '\u200f', '\u2028', '\u2029',
         .. Enumerable.Range(0x202a, 5).Select(c => (char)c),
         .. Enumerable.Range(0x2066, 4).Select(c => (char)c)]);

    /// <summary>A count or size in a message, with thousands separators the same in every locale ("4,194,304").</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The text with every control character escaped; the same string when there is none (the usual case).</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Controls);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Controls.Contains(c))
            {
                escaped.Append(c);
            }
            else if (c <= '\u00ff')
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return escaped.ToString();
    }
}
