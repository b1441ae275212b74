using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Atlas.Checking;

/// <summary>
/// What a reader's browser downloads for one page of a built site: the page's HTML and every file the page loads
/// (style sheets, scripts, icons, images such as the base map an SVG map draws), each gzip-compressed as a static host
/// would send it. Links a reader may follow (other pages, feeds, open data) are not loaded and not counted, nor are
/// files a script fetches (the search index). The budgets are in the tests; <c>build --timings</c> prints the heaviest.
/// </summary>
public sealed record PageWeight(string Page, long Html, ImmutableArray<(string File, long Bytes)> Loads)
{
    /// <summary>Everything the page transfers, compressed.</summary>
    public long Total => Html + Loads.Sum(l => l.Bytes);

    /// <summary>The scripts the page loads, compressed.</summary>
    public long Scripts => Loads.Where(l => l.File.EndsWith(".js", StringComparison.Ordinal)).Sum(l => l.Bytes);
}

/// <summary>Measures <see cref="PageWeight"/> for every HTML page of a built output folder.</summary>
public static partial class PageWeights
{
    public static ImmutableArray<PageWeight> Measure(string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        var compressed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var weights = new PageWeight[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var page = pages[i];
            var full = Path.Combine(root, page);
            var html = File.ReadAllText(full);
            var loads = LoadedFiles(html)
                .Select(reference => Resolve(root, page, reference))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(file => (file, compressed.GetOrAdd(file, f => Gzipped(File.ReadAllBytes(Path.Combine(root, f))))))
                .ToImmutableArray();
            weights[i] = new PageWeight(page, Gzipped(File.ReadAllBytes(full)), loads);
        });
        return [.. weights];
    }

    /// <summary>The heaviest pages, heaviest first (ties by path).</summary>
    public static ImmutableArray<PageWeight> Heaviest(IEnumerable<PageWeight> weights, int count) =>
        [.. weights.OrderByDescending(w => w.Total).ThenBy(w => w.Page, StringComparer.Ordinal).Take(count)];

    /// <summary>The addresses of what a browser loads with the page: link rel=stylesheet/icon, script src, img src, SVG image/use href.</summary>
    private static IEnumerable<string> LoadedFiles(string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var attributes = tag.Groups["attributes"].Value;
            if (name == "link" && !(Attribute(attributes, "rel") ?? "").Split(' ').Any(r => r is "stylesheet" or "icon" or "preload" or "modulepreload"))
            {
                continue; // canonical, alternate (other languages, the feed): links, not loads
            }

            if (Attribute(attributes, name is "script" or "img" ? "src" : "href") is { } address)
            {
                yield return address;
            }
        }
    }

    private static string? Attribute(string attributes, string name) =>
        Regex.Match(attributes, $@"(?:^|\s){name}=""(?<value>[^""]*)""") is { Success: true } match ? match.Groups["value"].Value : null;

    /// <summary>A reference relative to the page, as a path in the output; null if it leaves the site or is not a file there.</summary>
    private static string? Resolve(string root, string page, string reference)
    {
        if (reference.Contains(':', StringComparison.Ordinal) || reference.StartsWith("//", StringComparison.Ordinal) || reference.StartsWith('#'))
        {
            return null; // another site, a data: URL or an anchor: nothing this site sends
        }

        var path = reference.Split('#', '?')[0];
        var full = Path.GetFullPath(path.StartsWith('/') ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(root, Path.GetDirectoryName(page) ?? "", path));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)
            ? Path.GetRelativePath(root, full).Replace('\\', '/')
            : null;
    }

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }

    [GeneratedRegex(@"<(?<name>link|script|img|image|use)\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();
}
