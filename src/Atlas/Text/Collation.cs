using System.Globalization;
using System.Text;

namespace Atlas.Text;

/// <summary>
/// The order of names per language, without the system's collation (the build runs with invariant globalization):
/// a key that compares ordinally. On Chinese pages a name sorts by the pinyin of its characters (<see cref="Pinyin"/>),
/// syllable by syllable on the toneless letters, then by tones, then by code point; on other pages alphabetically,
/// case and diacritics folded, then by code point. Latin letters and digits sort among the pinyin as letters do; a run
/// of digits sorts by its number (2 before 10); spaces and punctuation separate words (word-by-word order).
/// The same name and language always give the same key.
/// </summary>
public static class Collation
{
    // Below every letter and digit, so a word sorts before its own continuations ("xi an" before "xian").
    private const char WordEnd = '\u0001';
    private const char LevelEnd = '\u0000';
    private const int NumberWidth = 20;

    /// <summary>Whether <paramref name="language"/> (a code such as "zh" or a locale such as "zh-CN") sorts by pinyin.</summary>
    public static bool IsChinese(string language) =>
        language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sort key of <paramref name="name"/> on pages in <paramref name="language"/>; compare keys with <see cref="StringComparer.Ordinal"/>.</summary>
    public static string KeyFor(string language, string name)
    {
        var chinese = IsChinese(language);
        var letters = new StringBuilder(name.Length * 4);
        var tones = new StringBuilder();
        var digits = new StringBuilder();

        void EndWord()
        {
            if (digits.Length > 0)
            {
                var number = digits.ToString().TrimStart('0');
                letters.Append(number.PadLeft(Math.Max(NumberWidth, number.Length), '0'));
                digits.Clear();
            }

            if (letters.Length > 0 && letters[^1] != WordEnd)
            {
                letters.Append(WordEnd);
            }
        }

        foreach (var (character, syllable) in Pinyin.Segments(name))
        {
            if (syllable is not null)
            {
                // Each syllable is a word of its own: 西安 (xi an) sorts before 先 (xian), as dictionaries order them.
                EndWord();
                letters.Append(syllable.Ascii).Append(WordEnd);
                if (chinese)
                {
                    tones.Append((char)('0' + syllable.Tone));
                }
            }
            else if (character is >= '0' and <= '9')
            {
                if (digits.Length == 0)
                {
                    EndWord();
                }

                digits.Append(character);
            }
            else if (Fold(character) is { } folded)
            {
                if (digits.Length > 0)
                {
                    EndWord();
                }

                letters.Append(folded);
            }
            else if (character is not ('\'' or '’'))
            {
                // An apostrophe joins ("People's"); anything else that is not a letter or digit separates words.
                EndWord();
            }
        }

        EndWord();
        return string.Concat(letters.ToString(), LevelEnd.ToString(), tones.ToString(), LevelEnd.ToString(), name);
    }

    /// <summary>An ordinal comparer of names by their keys in one language.</summary>
    public static IComparer<string> Comparer(string language) =>
        Comparer<string>.Create((a, b) => string.CompareOrdinal(KeyFor(language, a), KeyFor(language, b)));

    // Latin letters with diacritics, each followed by its base letter (lower case), for folding without ICU.
    private const string Diacritics =
        "àaáaâaãaäaåaāaăaąaǎaçcćcĉcċcčcďcđdèeéeêeëeēeĕeėeęeěeĝgğgġgģgĥhħhìiíiîiïiĩiīiĭiįiıiǐiĵjķkĺlļlľlŀlłlñnńnņnňnòoóoôoõoöoøoōoŏoőoǒoŕrŗrřrśsŝsşsšsţtťtŧtùuúuûuüuũuūuŭuůuűuųuǔuǖuǘuǚuǜuŵwýyÿyŷyźzżzžz";

    /// <summary>The letter's folded form (lower case, no diacritics; ß → ss, æ → ae, œ → oe, þ → th), or null if it is no Latin letter.</summary>
    internal static string? Fold(char character)
    {
        var lower = char.ToLowerInvariant(character);
        if (lower is >= 'a' and <= 'z')
        {
            return lower.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < Diacritics.Length; i += 2)
        {
            if (Diacritics[i] == lower)
            {
                return Diacritics[i + 1].ToString(CultureInfo.InvariantCulture);
            }
        }

        return lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            'ð' => "d",
            _ => null,
        };
    }
}
