using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Config;

/// <summary>
/// A collection declared in site.yml: where its files are, how it renders, and the fields it holds. <see cref="InMenu"/>:
/// whether the site's navigation names it (every collection is still listed on the home page and linked from its entities).
/// <see cref="InSearch"/>: whether its entities are in the search index (a glossary of wording is reference for
/// editors and readers, not a result that should come before the thing a term names).
/// </summary>
public sealed record CollectionConfig(
    string Name,
    string Folder,
    LocalizedText Title,
    int Order,
    string EntityTemplate,
    string IndexTemplate,
    bool Fallback,
    bool InMenu,
    CollectionSort Sort,
    ImmutableArray<FieldDefinition> Fields,
    SourceLocation Location)
{
    public bool InSearch { get; init; } = true;

    /// <summary>Every collection has a name and a summary in each language: pages need a title and a description.</summary>
    public static readonly ImmutableArray<string> BuiltInFields = ["name", "summary"];

    public FieldDefinition? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }
}
