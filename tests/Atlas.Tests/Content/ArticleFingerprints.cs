using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Tests.Content;

/// <summary>
/// Finds runs of our Chinese prose that are identical to the source articles. The articles themselves are not in the
/// repository (they are newspapers' text): what is committed is a hash of every 25-character window of each article,
/// after the same normalisation the prose gets, which is enough to find a copied run and useless for reading them.
/// </summary>
public sealed partial class ArticleFingerprints
{
    /// <summary>The shortest run counted as copied: long enough that a shared phrase or a list of names stays below it.</summary>
    public const int Window = 25;

    /// <summary>Where the fingerprints live; regenerate with ATLAS_WRITE_FINGERPRINTS=&lt;seeds folder&gt; (see ArticleCopyTests).</summary>
    public static string DefaultPath => Path.Combine(Support.Repository.Root, "tests", "Atlas.Tests", "Content", "article-fingerprints.bin");

    private readonly HashSet<ulong> _windows;

    private ArticleFingerprints(HashSet<ulong> windows) => _windows = windows;

    public int Count => _windows.Count;

    public static ArticleFingerprints FromArticles(IEnumerable<string> articles)
    {
        var windows = new HashSet<ulong>();
        foreach (var article in articles)
        {
            var text = Normalize(article);
            for (var i = 0; i + Window <= text.Length; i++)
            {
                windows.Add(Hash(text.AsSpan(i, Window)));
            }
        }

        return new ArticleFingerprints(windows);
    }

    public static ArticleFingerprints Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var windows = new HashSet<ulong>(bytes.Length / 8);
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            windows.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i, 8)));
        }

        return new ArticleFingerprints(windows);
    }

    public void Save(string path)
    {
        // Sorted, so the same articles always give the same bytes.
        var sorted = _windows.Order().ToArray();
        var bytes = new byte[sorted.Length * 8];
        for (var i = 0; i < sorted.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8, 8), sorted[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    public bool ContainsRunOf(string text)
    {
        var normalized = Normalize(text);
        return normalized.Length >= Window && Enumerable.Range(0, normalized.Length - Window + 1)
            .All(i => _windows.Contains(Hash(normalized.AsSpan(i, Window))));
    }

    /// <summary>
    /// The copied runs in <paramref name="prose"/>, after the exceptions are taken out: document titles in 《》, short
    /// quoted names (a quotation without sentence punctuation), the titles the caller names (of meetings, articles), and a person's
    /// titles before their name (全国人大代表、…董事长韩晓军). A run never spans an exception.
    /// </summary>
    public IReadOnlyList<string> CopiedRuns(string prose, IEnumerable<string> titles)
    {
        var text = Normalize(prose);
        text = Title().Replace(text, Separator);
        text = QuotedName().Replace(text, Separator);
        foreach (var name in titles.Select(Normalize).Where(n => n.Length >= 4).OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, Separator, StringComparison.Ordinal);
        }

        text = PersonWithTitles().Replace(text, Separator);

        var runs = new List<string>();
        var start = -1;
        var end = -1;
        for (var i = 0; i + Window <= text.Length; i++)
        {
            var window = text.AsSpan(i, Window);
            if (window.Contains(SeparatorChar) || !_windows.Contains(Hash(window)))
            {
                continue;
            }

            if (start >= 0 && i <= end)
            {
                end = i + Window;
                continue;
            }

            if (start >= 0)
            {
                runs.Add(text[start..end]);
            }

            start = i;
            end = i + Window;
        }

        if (start >= 0)
        {
            runs.Add(text[start..end]);
        }

        return runs;
    }

    /// <summary>Full-width forms folded to ASCII (some articles print ASCII commas), whitespace dropped.</summary>
    public static string Normalize(string text)
    {
        // Folded by hand: the tests run with invariant globalization, where string.Normalize leaves full-width forms.
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c is >= '\uff01' and <= '\uff5e' ? (char)(c - 0xfee0) : c);
            }
        }

        return builder.ToString();
    }

    private const char SeparatorChar = '\u0001';
    private const string Separator = "\u0001";

    private static ulong Hash(ReadOnlySpan<char> window)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in window)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex(@"《[^《》]*》")]
    private static partial Regex Title();

    [GeneratedRegex(@"[“‘「][^“”‘’「」，。；：！？,;:!?]*[”’」]")]
    private static partial Regex QuotedName();

    /// <summary>Offices and titles, joined by 、, ending in a title and an optional two- or three-character name.</summary>
    [GeneratedRegex(@"[^，。；：！？,;:!?“”\u0001]{0,40}?(?:书记|主任|局长|厅长|校长|董事长|总经理|市长|省长|区长|院长|部长|主席|总裁|代表|委员)\p{IsCJKUnifiedIdeographs}{0,3}")]
    private static partial Regex PersonWithTitles();
}
