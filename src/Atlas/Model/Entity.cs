using System.Collections.Immutable;
using Atlas.Config;

namespace Atlas.Model;

/// <summary>One validated entity: typed field values (shared and localized) and its prose per language.</summary>
public sealed class Entity(
    EntityId id,
    CollectionConfig collection,
    ImmutableSortedDictionary<string, FieldValue> fields,
    ImmutableSortedDictionary<string, EntityText> texts,
    ImmutableArray<string> sourceFiles)
{
    public EntityId Id { get; } = id;

    public CollectionConfig Collection { get; } = collection;

    public string Slug => Id.Slug;

    /// <summary>The values that are set, by field name. Absent optional fields are not in the map.</summary>
    public ImmutableSortedDictionary<string, FieldValue> Fields { get; } = fields;

    /// <summary>The prose as built from this entity's files, by language.</summary>
    public ImmutableSortedDictionary<string, EntityText> Texts { get; } = texts;

    /// <summary>The files this entity was read from, relative to the site folder.</summary>
    public ImmutableArray<string> SourceFiles { get; } = sourceFiles;

    public LocalizedText Name => ((LocalizedValue)Fields["name"]).Text;

    public LocalizedText Summary => ((LocalizedValue)Fields["summary"]).Text;

    public FieldValue? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => Id.ToString();
}
