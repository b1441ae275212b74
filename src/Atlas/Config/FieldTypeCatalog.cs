using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>The field types site.yml may name, in the order an error lists them.</summary>
public sealed class FieldTypeCatalog
{
    public FieldTypeCatalog(ImmutableArray<FieldType> all)
    {
        All = all;
        Localized = all.Single(t => t.IsLocalized);
    }

    public ImmutableArray<FieldType> All { get; }

    /// <summary>The type of the built-in fields (name, summary): a text per language.</summary>
    public FieldType Localized { get; }

    public FieldType? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
