using System.Collections.Concurrent;
using System.Collections.Immutable;
using Atlas.Content;
using Atlas.Yaml;

namespace Atlas.Model;

/// <summary>
/// Entities as validated (Markdown rendered) by an earlier build in the same process. One is reused only when it
/// would come out the same: made from the very same parsed files (see <see cref="ParsedFileCache"/>) and checked
/// against the same set of entity ids (references and <c>ref:</c> links resolve against it). Whoever owns the cache
/// clears it when site.yml changes. Only entities that gave no diagnostic are kept. Thread-safe.
/// </summary>
public sealed class EntityCache
{
    private readonly ConcurrentDictionary<EntityId, BuiltEntity> _entities = new();
    private readonly Lock _gate = new();
    private HashSet<EntityId>? _known;
    private ProseLabels? _labels; // the citation and background labels bodies were rendered with
    private bool _knownUnchanged;
    private int _hits;

    /// <summary>How many entities the lookups since the last <see cref="Clear"/> or <see cref="ResetCounts"/> reused.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public void Clear()
    {
        lock (_gate)
        {
            _entities.Clear();
            _known = null;
            _labels = null;
            _knownUnchanged = false;
        }

        ResetCounts();
    }

    public void ResetCounts() => Interlocked.Exchange(ref _hits, 0);

    /// <summary>Called once per build with the ids of all entities, before any <see cref="TryGet"/>.</summary>
    internal void BeginBuild(HashSet<EntityId> known, ProseLabels labels)
    {
        lock (_gate)
        {
            _knownUnchanged = _known is not null && _known.SetEquals(known) && _labels is not null && _labels.SameAs(labels);
            _known = known;
            _labels = labels;
        }
    }

    internal Entity? TryGet(EntitySource source)
    {
        if (!_knownUnchanged || source.Failed ||
            !_entities.TryGetValue(new EntityId(source.Collection.Name, source.Slug), out var built) ||
            !ReferenceEquals(built.Data, source.Data) || built.DataPath != source.DataPath ||
            built.Documents.Length != source.Documents.Length)
        {
            return null;
        }

        for (var i = 0; i < built.Documents.Length; i++)
        {
            if (!ReferenceEquals(built.Documents[i], source.Documents[i]))
            {
                return null;
            }
        }

        Interlocked.Increment(ref _hits);
        return built.Entity;
    }

    internal void Set(EntitySource source, Entity entity) =>
        _entities[entity.Id] = new BuiltEntity(source.DataPath, source.Data, source.Documents, entity);

    private sealed record BuiltEntity(string? DataPath, YamlMapping? Data, ImmutableArray<EntityDocument> Documents, Entity Entity);
}
