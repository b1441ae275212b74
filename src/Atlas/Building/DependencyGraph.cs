using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// Which pages each source file affects: content files, templates (including partials a page included), i18n
/// bundles, assets and site.yml. Built from what each page actually read while rendering (see
/// <see cref="TrackedObject"/>), so it stays right whatever the templates do. The one inverted index of the page
/// records: incremental builds find the pages a change affects here, and a snapshot carries it from build to build,
/// updated with the records of the pages each build rendered again.
/// </summary>
public sealed class DependencyGraph
{
    // Per key, the paths that read it, sorted (ordinal): arrays rather than tree sets, so that the index of a large
    // site (tens of thousands of pages, each with some thirty keys) stays small in a long-running process.
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _pagesByKey;
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _keysByFile;

    /// <param name="records">What each page (or generated file) depended on.</param>
    /// <param name="keysByFile">For content files: the dependency keys a change to the file can change
    /// (its entity, its collection's list, the backlinks of what it points to, the taxonomies, all content).</param>
    public DependencyGraph(IEnumerable<PageRecord> records, IReadOnlyDictionary<string, ImmutableArray<string>> keysByFile)
    {
        var builder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var key in record.Keys)
            {
                if (!builder.TryGetValue(key, out var pages))
                {
                    builder[key] = pages = [];
                }

                pages.Add(record.Path);
            }
        }

        _pagesByKey = builder.ToImmutableDictionary(p => p.Key, p => Sorted(p.Value), StringComparer.Ordinal);
        _keysByFile = keysByFile.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private DependencyGraph(ImmutableDictionary<string, ImmutableArray<string>> pagesByKey, ImmutableDictionary<string, ImmutableArray<string>> keysByFile)
    {
        _pagesByKey = pagesByKey;
        _keysByFile = keysByFile;
    }

    private static ImmutableArray<string> Sorted(List<string> paths)
    {
        paths.Sort(StringComparer.Ordinal);
        return [.. paths];
    }

    /// <summary>
    /// The graph of a built site: what each page and generated file read, with, for every content file, the keys a
    /// change to it can change: its entity, its collection's list, the backlinks of everything it points to, every
    /// taxonomy, all content.
    /// </summary>
    public static DependencyGraph Of(LoadedSite site, SiteState state)
    {
        var generated = state.OtherFiles.Where(file => !file.StartsWith(AssetSet.PublishedFolder, StringComparison.Ordinal)).Select(file => new PageRecord(file, file,
            [SiteConfig.FileName, DependencyKeys.AllContent, .. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code))]));
        return new DependencyGraph(state.Pages.Values.Concat(generated), KeysByFile(site));
    }

    private static Dictionary<string, ImmutableArray<string>> KeysByFile(LoadedSite site)
    {
        var keysByFile = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entity in site.Model.Entities)
        {
            ImmutableArray<string> keys =
            [
                DependencyKeys.Entity(entity.Id),
                DependencyKeys.Collection(entity.Collection.Name),
                DependencyKeys.AllContent,
                DependencyKeys.AllData,
                .. site.Config.Features.Taxonomies.Select(t => DependencyKeys.Taxonomy(t.Name)),
                .. entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets).Select(DependencyKeys.Backlinks),
            ];
            foreach (var file in entity.SourceFiles)
            {
                keysByFile[file] = keys;
            }
        }

        return keysByFile;
    }

    /// <summary>
    /// The graph after a build that rendered some pages again and dropped others: the previous records' keys of those
    /// pages out, their new records' keys in, the content files' keys those of <paramref name="site"/> (made again
    /// only when its model is not the one of this graph's, i.e. after a change to data).
    /// </summary>
    internal DependencyGraph With(IReadOnlyDictionary<string, PageRecord> before, IReadOnlyDictionary<string, PageRecord> rendered,
        IEnumerable<PageRecord> removed, LoadedSite? site)
    {
        // What leaves and what joins each key, then each touched key's list made again once.
        var leaving = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var joining = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Leave(PageRecord record)
        {
            foreach (var key in record.Keys)
            {
                if (!leaving.TryGetValue(key, out var paths))
                {
                    leaving[key] = paths = new HashSet<string>(StringComparer.Ordinal);
                }

                paths.Add(record.Path);
            }
        }

        foreach (var record in removed)
        {
            Leave(record);
        }

        foreach (var (path, record) in rendered)
        {
            if (before.TryGetValue(path, out var old))
            {
                Leave(old);
            }

            foreach (var key in record.Keys)
            {
                if (!joining.TryGetValue(key, out var paths))
                {
                    joining[key] = paths = [];
                }

                paths.Add(path);
            }
        }

        var pages = _pagesByKey.ToBuilder();
        foreach (var key in leaving.Keys.Union(joining.Keys, StringComparer.Ordinal))
        {
            var kept = pages.TryGetValue(key, out var existing) ? existing : [];
            var gone = leaving.GetValueOrDefault(key);
            var list = new List<string>(kept.Length + (joining.TryGetValue(key, out var added) ? added.Count : 0));
            list.AddRange(gone is null ? kept : kept.Where(path => !gone.Contains(path)));
            if (added is not null)
            {
                list.AddRange(added.Where(path => ImmutableArray.BinarySearch(kept, path, StringComparer.Ordinal) < 0 || gone?.Contains(path) == true));
            }

            if (list.Count == 0)
            {
                pages.Remove(key);
            }
            else
            {
                pages[key] = Sorted(list);
            }
        }

        return new DependencyGraph(pages.ToImmutable(), site is null ? _keysByFile : KeysByFile(site).ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Every dependency key the graph knows.</summary>
    public IEnumerable<string> Keys => _pagesByKey.Keys.Order(StringComparer.Ordinal);

    /// <summary>The pages that depend on any of these keys (files or <see cref="DependencyKeys"/>).</summary>
    public ImmutableSortedSet<string> AffectedByKeys(IEnumerable<string> keys)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_pagesByKey.TryGetValue(key, out var pages))
            {
                result.UnionWith(pages);
            }
        }

        return ImmutableSortedSet.CreateRange(StringComparer.Ordinal, result);
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
