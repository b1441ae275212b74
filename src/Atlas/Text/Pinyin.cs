using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Atlas.Text;

/// <summary>
/// The pinyin of Chinese text, from a character table (pinyin.txt, generated from Unicode's Unihan: see NOTICE.md)
/// corrected word by word for the atlas's names (<see cref="PinyinWords"/>). The one source of readings for the
/// Chinese sort order (<see cref="Collation"/>) and for anything else that needs a name's pinyin, such as search.
/// </summary>
public static class Pinyin
{
    private const string TableResource = "Atlas.Text.pinyin.txt";

    private static readonly Lazy<FrozenDictionary<char, PinyinSyllable>> Table = new(LoadTable);

    private static readonly FrozenDictionary<string, ImmutableArray<PinyinSyllable>> Words =
        PinyinWords.Readings.ToFrozenDictionary(p => p.Key, p => p.Value.Split(' ').Select(PinyinSyllable.Parse).ToImmutableArray(), StringComparer.Ordinal);

    private static readonly int LongestWord = PinyinWords.Readings.Keys.Max(k => k.Length);

    /// <summary>The syllables of every Chinese character of <paramref name="text"/> that has a reading, in order; other characters are skipped.</summary>
    public static ImmutableArray<PinyinSyllable> Of(string text) =>
        [.. Segments(text).Where(s => s.Syllable is not null).Select(s => s.Syllable!)];

    /// <summary>The toneless letters of <paramref name="text"/>'s Chinese characters, run together: 重庆 → "chongqing".</summary>
    public static string Letters(string text) => string.Concat(Of(text).Select(s => s.Ascii));

    /// <summary>The reading of one character from the table alone (no word corrections), or null if it has none.</summary>
    public static PinyinSyllable? OfCharacter(char character) => Table.Value.GetValueOrDefault(character);

    /// <summary>
    /// <paramref name="text"/> cut into pieces: each Chinese character with its reading (the longest word correction
    /// that starts there, else the table), and each other character on its own with a null syllable.
    /// </summary>
    internal static IEnumerable<(char Character, PinyinSyllable? Syllable)> Segments(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var word = Word(text, i);
            if (!word.IsDefault)
            {
                for (var k = 0; k < word.Length; k++)
                {
                    yield return (text[i + k], word[k]);
                }

                i += word.Length;
                continue;
            }

            yield return (text[i], Table.Value.GetValueOrDefault(text[i]));
            i++;
        }
    }

    private static ImmutableArray<PinyinSyllable> Word(string text, int start)
    {
        for (var length = Math.Min(LongestWord, text.Length - start); length >= 1; length--)
        {
            if (Words.TryGetValue(text.Substring(start, length), out var readings))
            {
                return readings;
            }
        }

        return default;
    }

    private static FrozenDictionary<char, PinyinSyllable> LoadTable()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream(TableResource)
            ?? throw new InvalidOperationException($"the engine lacks its embedded resource {TableResource}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, PinyinSyllable>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var syllable = PinyinSyllable.Parse(line[..tab]);
            foreach (var character in line.AsSpan(tab + 1))
            {
                table[character] = syllable;
            }
        }

        return table.ToFrozenDictionary();
    }
}
