using System.Globalization;

namespace Atlas.Text;

/// <summary>
/// One syllable of Mandarin: its <paramref name="Letters"/> without tone (ü written ü, as in "lü") and its
/// <paramref name="Tone"/>, 1 to 4, or 5 for the neutral tone.
/// </summary>
public sealed record PinyinSyllable(string Letters, int Tone)
{
    /// <summary>Reads the table's form: letters with v for ü, then the tone's digit ("lv4", "chong2").</summary>
    internal static PinyinSyllable Parse(string numbered) =>
        new(numbered[..^1].Replace('v', 'ü'), numbered[^1] - '0');

    /// <summary>The letters as search and sort keys want them: ASCII only, ü as v ("lv").</summary>
    public string Ascii => Letters.Replace('ü', 'v');

    /// <summary>The syllable with its tone mark, as readers write it ("chóng", "lǜ", neutral "de").</summary>
    public string Marked
    {
        get
        {
            if (Tone is < 1 or > 4)
            {
                return Letters;
            }

            // The mark goes on a or e if present, on the o of "ou", otherwise on the last vowel.
            var at = Letters.IndexOfAny(['a', 'e']);
            if (at < 0)
            {
                at = Letters.Contains("ou", StringComparison.Ordinal) ? Letters.IndexOf('o', StringComparison.Ordinal) : Letters.LastIndexOfAny(['i', 'o', 'u', 'ü']);
            }

            if (at < 0)
            {
                return Letters;
            }

            var marks = Letters[at] switch
            {
                'a' => "āáǎà",
                'e' => "ēéěè",
                'i' => "īíǐì",
                'o' => "ōóǒò",
                'u' => "ūúǔù",
                _ => "ǖǘǚǜ",
            };
            return string.Concat(Letters.AsSpan(0, at), marks.AsSpan(Tone - 1, 1), Letters.AsSpan(at + 1));
        }
    }

    public override string ToString() => Ascii + Tone.ToString(CultureInfo.InvariantCulture);
}
