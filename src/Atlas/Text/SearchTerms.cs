using System.Text;

namespace Atlas.Text;

/// <summary>
/// How search cuts text into terms, at build time for the index. The search page's script (templates/assets/search.js,
/// <c>fold</c>, <c>terms</c>, <c>queryTerms</c>, <c>nameKey</c>) does the same to a query, rule for rule, and
/// tests/search/folding.tsv holds examples both are checked against.
/// <list type="bullet">
/// <item>Folding: full-width forms to ASCII, lower case, Latin diacritics dropped (Lüran → luran).</item>
/// <item>Latin words: runs of letters and digits; apostrophes and dashes inside a word join its parts, and the index
/// keeps the parts and the joined word (Guang'an → guang, an, guangan; Wan–Da–Kai → wan, da, kai, wandakai), a query
/// only the joined word. A word with ü is also indexed with v (lüran → luran and lvran), as pinyin is typed.</item>
/// <item>Chinese: no spaces between words, so a run of Han characters is indexed as each character and each pair of
/// neighbours (overlapping bigrams); a query's run, split at stop characters such as 的, is looked up by its bigrams
/// (成都的园区 → 成都, 园区), a single character by itself.</item>
/// </list>
/// </summary>
public static class SearchTerms
{
    /// <summary>Characters that join a Latin word's parts ("Guang'an", "Wan–Da–Kai", "land-sea").</summary>
    private const string Joiners = "'’ʼ‘`-‐‑‒–—";

    /// <summary>Function characters a query's Chinese is split at: "成都的园区" means 成都 and 园区.</summary>
    private const string StopCharacters = "的之和与及或在了是等";

    /// <summary>A name's trailing administrative unit, which readers leave out (宜宾市 is "宜宾", 四川省 is "四川").</summary>
    private const string AdministrativeSuffixes = "市省区县";

    // Latin letters with diacritics, each followed by its base letter (lower case; upper case is lowered first).
    private const string Diacritics =
        "àaáaâaãaäaåaāaăaąaǎaçcćcčcďdđdèeéeêeëeēeĕeėeęeěeìiíiîiïiīiĭiįiǐiñnńnňnòoóoôoõoöoøoōoŏoőoǒoùuúuûuüuūuŭuůuűuųuǔuǖuǘuǚuǜuýyÿyśsšsşsźzžzżzłlľlĺlŕrřrťtţtğgßs";

    private static readonly Dictionary<char, char> BaseLetters = BuildBaseLetters();

    /// <summary>Whether <paramref name="c"/> is a Han character (the CJK unified ideographs and their extension A, compatibility ideographs).</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4dbf' or >= '\u4e00' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    /// <summary>One character folded: full-width to ASCII, lower case, without diacritics.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uff01' and <= '\uff5e')
        {
            c = (char)(c - 0xfee0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        c = char.ToLowerInvariant(c);
        return BaseLetters.TryGetValue(c, out var letter) ? letter : c;
    }

    /// <summary>Text folded character by character (<see cref="Fold(char)"/>).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Fold(c));
        }

        return builder.ToString();
    }

    /// <summary>The terms the index holds for <paramref name="text"/>, in order of appearance, repeats included.</summary>
    public static IEnumerable<string> Terms(string text) => Cut(text, query: false);

    /// <summary>The terms a query is looked up by, in order, without repeats.</summary>
    public static IReadOnlyList<string> QueryTerms(string query) => [.. Cut(query, query: true).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// A name as one key for comparing whole names: folded, with only letters, digits and Han characters kept
    /// ("Guang'an" and "Guangan" → "guangan"; "重庆市（直辖市）" → "重庆市直辖市").
    /// </summary>
    public static string NameKey(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var folded = Fold(c);
            if (IsWordCharacter(folded) || IsHan(folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>A name without its bracketed qualifiers: "重庆（主城）" → "重庆", "Chongqing (city)" → "Chongqing".</summary>
    public static string Core(string name)
    {
        var builder = new StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '(' or '（' or '[' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        var core = builder.ToString().Trim();
        return core.Length > 0 ? core : name;
    }

    /// <summary>A Chinese name key without its trailing administrative unit (宜宾市 → 宜宾), or null when it has none (or only it would be left).</summary>
    public static string? WithoutAdministrativeSuffix(string key) =>
        key.Length >= 3 && AdministrativeSuffixes.Contains(key[^1]) && IsHan(key[^2]) ? key[..^1] : null;

    /// <summary>English administrative units that follow a place's name ("Yongchuan District", "Sichuan Province").</summary>
    private static readonly string[] AdministrativeWords = ["district", "county", "city", "province", "municipality", "prefecture"];

    /// <summary>
    /// A Latin-script name's head: before its first comma, without a trailing administrative word, as a name key
    /// ("Yongchuan District, Chongqing" → "yongchuan"), or null when that leaves the name's key as it was or nothing.
    /// </summary>
    public static string? Head(string name)
    {
        var comma = name.IndexOfAny([',', '，']);
        var head = comma > 0 ? name[..comma] : name;
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && AdministrativeWords.Contains(Fold(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        var key = NameKey(string.Join(' ', words));
        return key.Length > 0 && key != NameKey(name) && !key.Any(IsHan) ? key : null;
    }

    /// <summary>
    /// Pinyin terms of a Chinese name: each run of two and of three syllables run together, and the whole name's,
    /// so that "gaozhu", "yibin" or "wandakai" find 川渝高竹新区, 宜宾市 and 万达开…; readings from <see cref="Pinyin"/>
    /// with its word-level corrections.
    /// </summary>
    public static IEnumerable<string> PinyinTerms(string name)
    {
        var syllables = new List<string>();
        foreach (var run in HanRuns(name))
        {
            syllables.Clear();
            syllables.AddRange(Pinyin.Of(run).Select(s => s.Ascii));
            for (var n = 2; n <= 3; n++)
            {
                for (var i = 0; i + n <= syllables.Count; i++)
                {
                    yield return string.Concat(syllables.Skip(i).Take(n));
                }
            }

            if (syllables.Count > 3)
            {
                yield return string.Concat(syllables);
            }
        }
    }

    /// <summary>The toneless pinyin of a Chinese name's characters run together (重庆市 → "chongqingshi"), as a name key.</summary>
    public static string PinyinKey(string name) => Pinyin.Letters(name);

    private static IEnumerable<string> HanRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && IsHan(text[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool IsWordCharacter(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' || (char.IsLetterOrDigit(c) && !IsHan(c) && c > '\u024f' && c < '\u3000');

    private static IEnumerable<string> Cut(string text, bool query)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = Fold(text[i]);
            if (IsHan(c))
            {
                var start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    i++;
                }

                foreach (var term in query ? HanQueryTerms(text[start..i]) : HanTerms(text[start..i]))
                {
                    yield return term;
                }
            }
            else if (IsWordCharacter(c))
            {
                var parts = new List<string>();
                var part = new StringBuilder();
                var withV = new StringBuilder();
                var hasU = false;
                while (i < text.Length)
                {
                    var raw = char.ToLowerInvariant(text[i]);
                    var folded = Fold(text[i]);
                    if (IsWordCharacter(folded))
                    {
                        part.Append(folded);
                        var umlaut = raw is 'ü' or 'ǖ' or 'ǘ' or 'ǚ' or 'ǜ' || text[i] == 'Ü';
                        hasU |= umlaut;
                        withV.Append(umlaut ? 'v' : folded);
                        i++;
                    }
                    else if (Joiners.Contains(folded) && part.Length > 0 && i + 1 < text.Length && IsWordCharacter(Fold(text[i + 1])))
                    {
                        parts.Add(part.ToString());
                        part.Clear();
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                parts.Add(part.ToString());
                var joined = string.Concat(parts);
                if (!query && parts.Count > 1)
                {
                    foreach (var p in parts)
                    {
                        yield return p;
                    }
                }

                yield return joined;
                if (hasU && !query)
                {
                    yield return withV.ToString();
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static IEnumerable<string> HanTerms(string run)
    {
        for (var i = 0; i < run.Length; i++)
        {
            yield return run[i].ToString();
            if (i + 1 < run.Length)
            {
                yield return run.Substring(i, 2);
            }
        }
    }

    private static IEnumerable<string> HanQueryTerms(string run)
    {
        foreach (var piece in run.Split(StopCharacters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.Length == 1)
            {
                yield return piece;
            }

            for (var i = 0; i + 1 < piece.Length; i++)
            {
                yield return piece.Substring(i, 2);
            }
        }
    }

    private static Dictionary<char, char> BuildBaseLetters()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Diacritics.Length; i += 2)
        {
            map[Diacritics[i]] = Diacritics[i + 1];
        }

        return map;
    }
}
