using System.Collections.Frozen;
using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Text;

namespace Atlas.Model;

/// <summary>
/// The whole atlas in memory after validation: every entity, indexed by id, each collection in its display order,
/// and the reverse of every reference so that a page can list what points at it. Immutable and safe to read from
/// many rendering threads at once.
/// </summary>
public sealed class SiteModel
{
    // Read-only after construction, so safe for concurrent readers; looked up millions of times in a large build, where
    // an immutable dictionary's tree walk cost more than the hash lookup. _byId is a plain dictionary because a replaced
    // model copies it (a frozen one would be rebuilt, slower for one edit of a large site).
    private readonly Dictionary<EntityId, Entity> _byId;
    private readonly FrozenDictionary<EntityId, ImmutableArray<Backlink>> _backlinks;
    private readonly FrozenDictionary<EntityId, int> _positions;

    // Per language: each collection's ids in that language's order (names sort differently in each), and each id's place in it.
    private readonly ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<EntityId>>> _ordered;
    private readonly ImmutableDictionary<string, FrozenDictionary<EntityId, int>> _ranks;

    private readonly Lazy<Indexes> _indexes;

    /// <summary>The citation and background labels the bodies were rendered with (a re-rendered body uses the same).</summary>
    public ProseLabels Labels { get; init; } = ProseLabels.Empty;

    public SiteModel(SiteConfig config, IEnumerable<Entity> entities)
    {
        _indexes = new Lazy<Indexes>(BuildIndexes);
        Config = config;
        _byId = entities.ToDictionary(e => e.Id);

        var byCollection = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Entity>>();
        foreach (var collection in config.Collections)
        {
            byCollection[collection.Name] = Sort(collection, _byId.Values.Where(e => e.Collection.Name == collection.Name), language: null);
        }

        var ordered = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, ImmutableArray<EntityId>>>(StringComparer.Ordinal);
        var ranks = ImmutableDictionary.CreateBuilder<string, FrozenDictionary<EntityId, int>>(StringComparer.Ordinal);
        foreach (var language in config.Languages.Select(l => l.Code))
        {
            var lists = config.Collections.ToImmutableDictionary(c => c.Name,
                c => Sort(c, byCollection[c.Name], language).Select(e => e.Id).ToImmutableArray(), StringComparer.Ordinal);
            ordered[language] = lists;
            ranks[language] = lists.Values.SelectMany(ids => ids.Select((id, i) => (id, i))).ToFrozenDictionary(p => p.id, p => p.i);
        }

        _ordered = ordered.ToImmutable();
        _ranks = ranks.ToImmutable();

        Collections = byCollection.ToImmutable();
        Entities = [.. config.Collections.SelectMany(c => Collections[c.Name])];
        _positions = Entities.Select((e, i) => (e.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);

        var backlinks = new Dictionary<EntityId, List<Backlink>>();
        foreach (var source in Entities)
        {
            foreach (var field in source.Collection.Fields.Where(f => f.IsReference))
            {
                if (source.Field(field.Name) is not ReferencesValue references)
                {
                    continue;
                }

                foreach (var target in references.Targets)
                {
                    if (!backlinks.TryGetValue(target, out var list))
                    {
                        backlinks[target] = list = [];
                    }

                    list.Add(new Backlink(source, field));
                }
            }
        }

        _backlinks = backlinks.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }

    private SiteModel(SiteModel model, IReadOnlyCollection<Entity> replaced)
    {
        // Each replaced in place (by its position), not by going through all entities: a caller that re-renders a
        // few pages after an edit pays only for the entities it replaced.
        var byId = replaced.ToDictionary(e => e.Id);
        var entities = model.Entities.ToBuilder();
        var collections = model.Collections.ToBuilder();
        foreach (var entity in replaced)
        {
            entities[model._positions[entity.Id]] = entity;
            var members = collections[entity.Collection.Name].ToBuilder();
            members[members.IndexOf(model._byId[entity.Id], 0, members.Count, ReferenceEqualityComparer.Instance)] = entity;
            collections[entity.Collection.Name] = members.ToImmutable();
        }

        Config = model.Config;
        Entities = entities.ToImmutable();
        Collections = collections.ToImmutable();
        _byId = new Dictionary<EntityId, Entity>(model._byId);
        foreach (var (id, entity) in byId)
        {
            _byId[id] = entity;
        }

        _backlinks = model._backlinks;
        _positions = model._positions;
        _ordered = model._ordered;
        _ranks = model._ranks;
        _indexes = model._indexes;
    }

    public SiteConfig Config { get; }

    /// <summary>All entities: collections in site.yml order, each in its own sort order.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>
    /// A collection's entities as its lists show them on pages in <paramref name="language"/>: by its <c>sort</c>,
    /// ties and unsorted collections by name in that language (pinyin on Chinese pages).
    /// </summary>
    public ImmutableArray<Entity> Ordered(string collection, string language) => [.. _ordered[language][collection].Select(Get)];

    /// <summary>The entity's place in its collection's list in <paramref name="language"/> (see <see cref="Ordered"/>).</summary>
    public int Rank(EntityId id, string language) => _ranks[language][id];

    /// <summary>Each collection's entities in a language-neutral order (its <c>sort</c>, then slug), by collection name.</summary>
    public ImmutableDictionary<string, ImmutableArray<Entity>> Collections { get; }

    public Entity? Find(EntityId id) => _byId.GetValueOrDefault(id);

    /// <summary>The entity's index in <see cref="Entities"/> (site order), for sorting without searching.</summary>
    public int Position(EntityId id) => _positions[id];

    public Entity Get(EntityId id) => _byId[id];

    /// <summary>
    /// The one way to change a model without building it again: some entities replaced by new versions of themselves
    /// (same ids, same files), everything else shared. Look-ups by id and the lists give the new entities, with their
    /// new data and prose; the order of the collections and the backlinks stay those of this model. So the model is
    /// exact when only prose changed (prose is shown on the entity's own pages and in the search index, never in
    /// lists, links, maps or charts); after a change to data it is right for the replaced entities' own pages only,
    /// and a full load makes the real model.
    /// </summary>
    public SiteModel WithEntities(IReadOnlyCollection<Entity> entities) => new(this, entities);

    /// <summary>The entity read from a content file (relative to the site folder), or null.</summary>
    public Entity? EntityOfFile(string path) => _indexes.Value.ByFile.GetValueOrDefault(path);

    /// <summary>Whether any entity was read from a file under <paramref name="folder"/> (e.g. "content/parks/").</summary>
    public bool HasFilesUnder(string folder) => _indexes.Value.ByFile.Keys.Any(f => f.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>The ids of all entities (what references and <c>ref:</c> links may point at).</summary>
    public IReadOnlySet<EntityId> Ids => _indexes.Value.Ids;

    private Indexes BuildIndexes() => new(
        Entities.SelectMany(e => e.SourceFiles.Select(f => KeyValuePair.Create(f, e))).ToDictionary(StringComparer.Ordinal),
        [.. _byId.Keys]);

    /// <summary>Look-ups that only callers finding entities by file need, made on first use and only read after that.</summary>
    private sealed record Indexes(Dictionary<string, Entity> ByFile, HashSet<EntityId> Ids);

    /// <summary>The entities that reference <paramref name="id"/>, in a stable order.</summary>
    public ImmutableArray<Backlink> BacklinksTo(EntityId id) =>
        _backlinks.TryGetValue(id, out var list) ? list : [];

    /// <summary>
    /// A collection in its <see cref="CollectionSort"/> order: entities with a sort value by it, those without after
    /// (or before) them; ties by name in <paramref name="language"/> (by slug when null, the language-neutral order).
    /// </summary>
    private static ImmutableArray<Entity> Sort(CollectionConfig collection, IEnumerable<Entity> entities, string? language)
    {
        var sort = collection.Sort;
        var keyed = entities.Select(e => (Entity: e, Value: SortValue(e, sort.By),
            Name: language is null ? "" : Collation.KeyFor(language, e.Name[language]))).ToList();
        keyed.Sort((a, b) =>
        {
            if ((a.Value is null) != (b.Value is null))
            {
                return (a.Value is null) == sort.MissingFirst ? -1 : 1;
            }

            var c = a.Value is null ? 0 : CompareValues(a.Value, b.Value!);
            c = sort.Descending ? -c : c;
            c = c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Entity.Slug, b.Entity.Slug);
        });
        return [.. keyed.Select(k => k.Entity)];
    }

    /// <summary>The first of the sort fields the entity has.</summary>
    private static FieldValue? SortValue(Entity entity, ImmutableArray<string> fields)
    {
        foreach (var field in fields)
        {
            if (entity.Field(field) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    // The loader allows numbers, or dates and years (a year compares as a date of that year's precision).
    private static int CompareValues(FieldValue a, FieldValue b) => (a, b) switch
    {
        (NumberValue x, NumberValue y) => x.Number.CompareTo(y.Number),
        _ => AsDate(a).CompareTo(AsDate(b)),
    };

    private static PartialDate AsDate(FieldValue value) => value switch
    {
        DateValue date => date.Date,
        YearValue year => new PartialDate(year.Year, null, null),
        _ => throw new InvalidOperationException($"a sort value of type {value.GetType().Name}: the loader allows only numbers, dates and years"),
    };
}
