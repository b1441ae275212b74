using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace Atlas.Tests.Content;

/// <summary>
/// Whether a short Chinese name (of two to four characters, as the names of people are) occurs in a given source
/// article, without the articles in the repository: what is committed is a 64-bit hash of "&lt;article file&gt;|&lt;window&gt;"
/// for every window of two, three and four characters inside each run of Chinese characters of each article (after
/// the normalisation of <see cref="ArticleFingerprints.Normalize"/>, so a name broken over two lines is still found).
/// That answers "is 朱华荣 in 000_….txt?" and is useless for reading the articles: the windows are hashed one by one
/// and sorted, so their order is lost.
/// </summary>
public sealed partial class ArticleNames
{
    public const int Shortest = 2;
    public const int Longest = 4;

    /// <summary>
    /// Where the hashes live. Regenerated, with the fingerprints, by the same switch:
    /// <c>ATLAS_WRITE_FINGERPRINTS=../shared/seeds dotnet test tests/Atlas.Tests --filter "FullyQualifiedName~ArticleCopyTests|FullyQualifiedName~Building.ContentTests"</c>.
    /// </summary>
    public static string DefaultPath => Path.Combine(Support.Repository.Root, "tests", "Atlas.Tests", "Content", "article-names.bin");

    private static readonly Lazy<ArticleNames> Shared = new(() =>
    {
        if (Environment.GetEnvironmentVariable("ATLAS_WRITE_FINGERPRINTS") is { Length: > 0 } seeds)
        {
            var articles = Directory.GetFiles(Path.GetFullPath(seeds, Support.Repository.Root), "*.txt").Order(StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
            FromArticles(articles).Save(DefaultPath);
        }

        return Load(DefaultPath);
    });

    /// <summary>The committed hashes (regenerated first if ATLAS_WRITE_FINGERPRINTS names the seeds folder).</summary>
    public static ArticleNames Committed => Shared.Value;

    private readonly HashSet<ulong> _windows;

    private ArticleNames(HashSet<ulong> windows) => _windows = windows;

    public int Count => _windows.Count;

    /// <param name="articles">Each article's file name (as a source entity's <c>file:</c> gives it) and text.</param>
    public static ArticleNames FromArticles(IEnumerable<(string File, string Text)> articles)
    {
        var windows = new HashSet<ulong>();
        foreach (var (file, text) in articles)
        {
            foreach (Match run in Chinese().Matches(ArticleFingerprints.Normalize(text)))
            {
                for (var length = Shortest; length <= Longest; length++)
                {
                    for (var i = 0; i + length <= run.Length; i++)
                    {
                        windows.Add(Hash(file, run.ValueSpan.Slice(i, length)));
                    }
                }
            }
        }

        return new ArticleNames(windows);
    }

    public static ArticleNames Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var windows = new HashSet<ulong>(bytes.Length / 8);
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            windows.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i, 8)));
        }

        return new ArticleNames(windows);
    }

    public void Save(string path)
    {
        // Sorted, so the same articles always give the same bytes (and the order of the text is gone).
        var sorted = _windows.Order().ToArray();
        var bytes = new byte[sorted.Length * 8];
        for (var i = 0; i < sorted.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8, 8), sorted[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Whether <paramref name="name"/> (two to four Chinese characters) occurs in the article <paramref name="file"/>.</summary>
    public bool Contains(string file, string name)
    {
        var normalized = ArticleFingerprints.Normalize(name);
        if (normalized.Length is < Shortest or > Longest || !Chinese().IsMatch(normalized) || Chinese().Match(normalized).Length != normalized.Length)
        {
            throw new ArgumentException($"only a name of {Shortest} to {Longest} Chinese characters can be looked up, not '{name}'", nameof(name));
        }

        return _windows.Contains(Hash(file, normalized));
    }

    private static ulong Hash(string file, ReadOnlySpan<char> window)
    {
        // FNV-1a over the UTF-16 code units of "<file>|<window>".
        var hash = 14695981039346656037UL;
        foreach (var c in file)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ '|') * 1099511628211UL;
        foreach (var c in window)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Chinese();
}
