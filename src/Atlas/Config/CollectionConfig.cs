using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Config;

/// <summary>
/// A collection declared in site.yml: where its files are, how it renders, and the fields it holds. <see cref="InMenu"/>:
/// whether the site's navigation names it (every collection is still listed on the home page and linked from its entities).
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
