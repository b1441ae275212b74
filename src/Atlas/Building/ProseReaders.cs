using System.Collections.Immutable;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// Which pages read each entity's prose (<c>text:</c> keys) and all content: the preview's prose edits find the
/// pages to render again here instead of going through the records of 40,000 pages. Made from the page records of
/// a build, then carried from edit to edit with the records of the pages each edit rendered again.
/// </summary>
internal sealed class ProseReaders
{
    private readonly ImmutableDictionary<string, ImmutableSortedSet<string>> _pages;

    private ProseReaders(ImmutableDictionary<string, ImmutableSortedSet<string>> pages) => _pages = pages;

    public static ProseReaders From(IEnumerable<PageRecord> records)
    {
        var pages = new Dictionary<string, ImmutableSortedSet<string>.Builder>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var key in ProseKeys(record.Keys))
            {
                if (!pages.TryGetValue(key, out var paths))
                {
                    pages[key] = paths = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
                }

                paths.Add(record.Path);
            }
        }

        return new ProseReaders(pages.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal));
    }

    /// <summary>The pages whose records hold <paramref name="key"/> (a <c>text:</c> key or all content).</summary>
    public ImmutableSortedSet<string> PagesReading(string key) =>
        _pages.TryGetValue(key, out var paths) ? paths : ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>After pages were rendered again: their previous records' keys out, their new records' keys in.</summary>
    public ProseReaders With(IReadOnlyDictionary<string, PageRecord> before, IReadOnlyDictionary<string, PageRecord> rendered)
    {
        var pages = _pages.ToBuilder();
        foreach (var (path, record) in rendered)
        {
            foreach (var key in before.TryGetValue(path, out var old) ? ProseKeys(old.Keys) : [])
            {
                pages[key] = pages[key].Remove(path);
            }

            foreach (var key in ProseKeys(record.Keys))
            {
                pages[key] = (pages.TryGetValue(key, out var paths) ? paths : ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal)).Add(path);
            }
        }

        return new ProseReaders(pages.ToImmutable());
    }

    /// <summary>
    /// The prose keys among a page's keys, found by binary search (the text keys sort together) rather than by going
    /// through the thirty-odd keys of each of 40,000 pages.
    /// </summary>
    private static List<string> ProseKeys(ImmutableSortedSet<string> keys)
    {
        var found = new List<string>(1);
        if (keys.Contains(DependencyKeys.AllContent))
        {
            found.Add(DependencyKeys.AllContent);
        }

        var index = keys.IndexOf(DependencyKeys.TextPrefix);
        for (var i = index < 0 ? ~index : index; i < keys.Count && keys[i].StartsWith(DependencyKeys.TextPrefix, StringComparison.Ordinal); i++)
        {
            found.Add(keys[i]);
        }

        return found;
    }
}
