using System.Collections.Immutable;

namespace Atlas.Building;

/// <summary>
/// Which pages each source file affects: content files, templates (including partials a page included), i18n
/// bundles, assets and site.yml. The preview server and incremental builds ask it what to re-render after a change.
/// </summary>
public sealed class DependencyGraph
{
    private readonly ImmutableDictionary<string, ImmutableSortedSet<string>> _pagesBySource;

    public DependencyGraph(IEnumerable<KeyValuePair<string, IEnumerable<string>>> sourcesByPage)
    {
        var builder = new Dictionary<string, ImmutableSortedSet<string>.Builder>(StringComparer.Ordinal);
        foreach (var (page, sources) in sourcesByPage)
        {
            foreach (var source in sources)
            {
                if (!builder.TryGetValue(source, out var pages))
                {
                    builder[source] = pages = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
                }

                pages.Add(page);
            }
        }

        _pagesBySource = builder.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

    /// <summary>Every source file the graph knows, relative to the site folder.</summary>
    public IEnumerable<string> Sources => _pagesBySource.Keys.Order(StringComparer.Ordinal);

    /// <summary>The pages (paths like "zh/parks/x/") that must be re-rendered when these files change.</summary>
    public ImmutableSortedSet<string> AffectedBy(params IEnumerable<string> changedFiles)
    {
        var result = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var file in changedFiles)
        {
            if (_pagesBySource.TryGetValue(file.Replace('\\', '/'), out var pages))
            {
                result.UnionWith(pages);
            }
        }

        return result.ToImmutable();
    }
}
