using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Yaml;

namespace Atlas.Content;

/// <summary>
/// The files of one entity as read from content/: its data file (<c>slug.yml</c>) and its Markdown per language
/// (<c>slug.lang.md</c>). Not yet validated against the collection's fields: that is the model builder's job.
/// </summary>
public sealed record EntitySource(
    CollectionConfig Collection,
    string Slug,
    string? DataPath,
    YamlMapping? Data,
    ImmutableArray<EntityDocument> Documents)
{
    /// <summary>
    /// One of the entity's files could not be read or parsed (already reported). The entity is kept, without data,
    /// so that the model still knows its id: references to it are not reported again as dangling.
    /// </summary>
    public bool Failed { get; init; }

    public IEnumerable<string> Files =>
        DataPath is null ? Documents.Select(d => d.Path) : Documents.Select(d => d.Path).Prepend(DataPath);
}
