using System.Collections.Immutable;
using Atlas.Config;

namespace Atlas.Model;

/// <summary>
/// The whole atlas in memory after validation: every entity, indexed by id, each collection in its display order,
/// and the reverse of every reference so that a page can list what points at it. Immutable and safe to read from
/// many rendering threads at once.
/// </summary>
public sealed class SiteModel
{
    private readonly ImmutableDictionary<EntityId, Entity> _byId;
    private readonly ImmutableDictionary<EntityId, ImmutableArray<Backlink>> _backlinks;
    private readonly ImmutableDictionary<EntityId, int> _positions;

    // Prose that replaced an entity's own (the preview's edit of a Markdown file, see WithTexts); usually empty.
    private readonly ImmutableDictionary<EntityId, ImmutableSortedDictionary<string, EntityText>> _texts;
    private readonly Lazy<Indexes> _indexes;

    public SiteModel(SiteConfig config, IEnumerable<Entity> entities)
    {
        _texts = ImmutableDictionary<EntityId, ImmutableSortedDictionary<string, EntityText>>.Empty;
        _indexes = new Lazy<Indexes>(BuildIndexes);
        Config = config;
        _byId = entities.ToImmutableDictionary(e => e.Id);

        var byCollection = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Entity>>();
        foreach (var collection in config.Collections)
        {
            byCollection[collection.Name] = Sort(collection, _byId.Values.Where(e => e.Collection.Name == collection.Name));
        }

        Collections = byCollection.ToImmutable();
        Entities = [.. config.Collections.SelectMany(c => Collections[c.Name])];
        _positions = Entities.Select((e, i) => (e.Id, i)).ToImmutableDictionary(p => p.Id, p => p.i);

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

        _backlinks = backlinks.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }

    private SiteModel(SiteModel model, ImmutableDictionary<EntityId, ImmutableSortedDictionary<string, EntityText>> texts)
    {
        Config = model.Config;
        Entities = model.Entities;
        Collections = model.Collections;
        _byId = model._byId;
        _backlinks = model._backlinks;
        _positions = model._positions;
        _indexes = model._indexes;
        _texts = texts;
    }

    private SiteModel(SiteModel model, IReadOnlyCollection<Entity> replaced)
    {
        // Each replaced in place (by its position), not by going through all 10,000: this is on the preview's path.
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
        _byId = model._byId.SetItems(byId);
        _backlinks = model._backlinks;
        _positions = model._positions;
        _indexes = model._indexes;
        _texts = model._texts.RemoveRange(byId.Keys);
    }

    public SiteConfig Config { get; }

    /// <summary>All entities: collections in site.yml order, each in its own sort order.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>Each collection's entities in display order, by collection name.</summary>
    public ImmutableDictionary<string, ImmutableArray<Entity>> Collections { get; }

    public Entity? Find(EntityId id) => _byId.GetValueOrDefault(id);

    /// <summary>The entity's index in <see cref="Entities"/> (site order), for sorting without searching.</summary>
    public int Position(EntityId id) => _positions[id];

    public Entity Get(EntityId id) => _byId[id];

    /// <summary>
    /// The entity's prose by language. Read it here, not from <see cref="Entity.Texts"/>: a model made by
    /// <see cref="WithTexts"/> holds newer prose for some entities.
    /// </summary>
    public ImmutableSortedDictionary<string, EntityText> TextsOf(Entity entity) =>
        _texts.TryGetValue(entity.Id, out var texts) ? texts : entity.Texts;

    /// <summary>
    /// The same model with new prose for some entities, everything else shared. Prose is shown only on the entity's
    /// own pages and in the search index, never in lists, links, maps or charts; so the preview can take an edit to
    /// a Markdown body without rebuilding the model (and everything made from it) for 10,000 entities.
    /// </summary>
    public SiteModel WithTexts(IEnumerable<Entity> entities) =>
        new(this, _texts.SetItems(entities.Select(e => KeyValuePair.Create(e.Id, e.Texts))));

    /// <summary>
    /// The same model with some entities replaced by new versions of themselves (same ids, same files): the
    /// preview's first look at an edit to an entity's data (see Building/DataEditFirstLook). Look-ups by id and the
    /// lists give the new entities; the order of the collections and the backlinks stay those of this model, so only
    /// the edited entities' own pages are rendered from it, and the ordinary build that follows makes the real model.
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

    /// <summary>Look-ups only the preview needs, made on first use and only read after that.</summary>
    private sealed record Indexes(Dictionary<string, Entity> ByFile, HashSet<EntityId> Ids);

    /// <summary>The entities that reference <paramref name="id"/>, in a stable order.</summary>
    public ImmutableArray<Backlink> BacklinksTo(EntityId id) =>
        _backlinks.TryGetValue(id, out var list) ? list : [];

    private static ImmutableArray<Entity> Sort(CollectionConfig collection, IEnumerable<Entity> entities)
    {
        var bySlug = entities.OrderBy(e => e.Slug, StringComparer.Ordinal);
        if (collection.Sort is not { } sort)
        {
            return [.. bySlug];
        }

        var withValue = bySlug.Where(e => e.Field(sort.Field) is not null);
        var type = Fields.FieldTypes.Of(collection.Field(sort.Field)!);
        var comparer = Comparer<FieldValue>.Create(type.Compare);
        var ordered = sort.Descending
            ? withValue.OrderByDescending(e => e.Field(sort.Field)!, comparer)
            : withValue.OrderBy(e => e.Field(sort.Field)!, comparer);
        return [.. ordered.ThenBy(e => e.Slug, StringComparer.Ordinal), .. bySlug.Where(e => e.Field(sort.Field) is null)];
    }
}
