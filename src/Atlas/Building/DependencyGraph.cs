using System.Collections.Immutable;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// Which pages each source file affects: content files, templates (including partials a page included), i18n
/// bundles, assets and site.yml. Built from what each page actually read while rendering (see
/// <see cref="TrackedObject"/>), so it stays right whatever the templates do.
/// </summary>
public sealed class DependencyGraph
{
    private readonly ImmutableDictionary<string, ImmutableSortedSet<string>> _pagesByKey;
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _keysByFile;

    /// <param name="records">What each page (or generated file) depended on.</param>
    /// <param name="keysByFile">For content files: the dependency keys a change to the file can change
    /// (its entity, its collection's list, the backlinks of what it points to, the taxonomies, all content).</param>
    public DependencyGraph(IEnumerable<PageRecord> records, IReadOnlyDictionary<string, ImmutableArray<string>> keysByFile)
    {
        var builder = new Dictionary<string, ImmutableSortedSet<string>.Builder>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var key in record.Keys)
            {
                if (!builder.TryGetValue(key, out var pages))
                {
                    builder[key] = pages = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
                }

                pages.Add(record.Path);
            }
        }

        _pagesByKey = builder.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
        _keysByFile = keysByFile.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every dependency key the graph knows.</summary>
    public IEnumerable<string> Keys => _pagesByKey.Keys.Order(StringComparer.Ordinal);

    /// <summary>The pages that depend on any of these keys (files or <see cref="DependencyKeys"/>).</summary>
    public ImmutableSortedSet<string> AffectedByKeys(IEnumerable<string> keys)
    {
        var result = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_pagesByKey.TryGetValue(key, out var pages))
            {
                result.UnionWith(pages);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The pages (paths like "zh/parks/x/") and generated files that must be re-rendered when these files change,
    /// judged without reloading: a content file is taken to change everything it could.
    /// </summary>
    public ImmutableSortedSet<string> AffectedBy(params IEnumerable<string> changedFiles)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in changedFiles.Select(f => f.Replace('\\', '/')))
        {
            keys.Add(file);
            if (_keysByFile.TryGetValue(file, out var related))
            {
                keys.UnionWith(related);
            }
        }

        return AffectedByKeys(keys);
    }
}
