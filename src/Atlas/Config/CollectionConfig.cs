using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Config;

/// <summary>
/// A collection declared in site.yml: where its files are, how it renders, and the fields it holds. <see cref="InMenu"/>:
/// whether the site's navigation names it (every collection is still listed on the home page and linked from its entities).
/// <see cref="InSearch"/>: whether its entities are in the search index (a glossary of wording is reference for
/// editors and readers, not a result that should come before the thing a term names). <see cref="Synonyms"/>: the
/// texts field whose values are other ways of writing an entry's name (a glossary's replaced wording): a search query
/// holding one searches for the entry's name in the page's language instead.
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

    public string? Synonyms { get; init; }

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
