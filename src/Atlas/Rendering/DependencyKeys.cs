using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// Names of what a page can depend on besides files: an entity (its files), the membership and order of a
/// collection, the set of entities pointing at an entity, a taxonomy's terms, or all content at once.
/// </summary>
public static class DependencyKeys
{
    public const string AllContent = "content:*";

    public static string Entity(EntityId id) => $"entity:{id}";

    public static string Collection(string name) => $"collection:{name}";

    public static string Backlinks(EntityId id) => $"backlinks:{id}";

    public static string Taxonomy(string name) => $"taxonomy:{name}";

    public static bool IsFile(string key) => !key.Contains(':', StringComparison.Ordinal);
}
