using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// Names of what a page can depend on besides files: an entity (its files), the membership and order of a
/// collection, the set of entities pointing at an entity, a taxonomy's terms, or all content at once.
/// </summary>
public static class DependencyKeys
{
    /// <summary>Everything about every entity, prose included (the search index shows bodies).</summary>
    public const string AllContent = "content:*";

    /// <summary>
    /// The data of every entity, without prose: what the map, the timeline, the charts and the featured figures
    /// show. Editing an entity's text does not change them, so it does not re-render those pages.
    /// </summary>
    public const string AllData = "data:*";

    /// <summary>An entity's data: name, summary and every field value (what lists and links show).</summary>
    public static string Entity(EntityId id) => $"entity:{id}";

    /// <summary>An entity's prose: the rendered Markdown of every language (what its own pages show).</summary>
    public static string Text(EntityId id) => TextPrefix + id;

    public const string TextPrefix = "text:";

    public static string Collection(string name) => $"collection:{name}";

    public static string Backlinks(EntityId id) => $"backlinks:{id}";

    public static string Taxonomy(string name) => $"taxonomy:{name}";

    public static bool IsFile(string key) => !key.Contains(':', StringComparison.Ordinal);
}
