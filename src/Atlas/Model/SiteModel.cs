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

    public SiteModel(SiteConfig config, IEnumerable<Entity> entities)
    {
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

    public SiteConfig Config { get; }

    /// <summary>All entities: collections in site.yml order, each in its own sort order.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>Each collection's entities in display order, by collection name.</summary>
    public ImmutableDictionary<string, ImmutableArray<Entity>> Collections { get; }

    public Entity? Find(EntityId id) => _byId.GetValueOrDefault(id);

    /// <summary>The entity's index in <see cref="Entities"/> (site order), for sorting without searching.</summary>
    public int Position(EntityId id) => _positions[id];

    public Entity Get(EntityId id) => _byId[id];

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
        var ordered = sort.Descending
            ? withValue.OrderByDescending(e => e.Field(sort.Field)!, FieldValueComparer.Instance)
            : withValue.OrderBy(e => e.Field(sort.Field)!, FieldValueComparer.Instance);
        return [.. ordered.ThenBy(e => e.Slug, StringComparer.Ordinal), .. bySlug.Where(e => e.Field(sort.Field) is null)];
    }
}
