using Atlas.Config;

namespace Atlas.Model;

/// <summary>
/// Where an entity and a collection live on the site, relative to its root ("zh/parks/gaozhu-new-area/"). Part of the
/// model because pages, open data, feeds and the search index all link to the same addresses.
/// </summary>
public static class SiteUrls
{
    public static string CollectionPath(string language, CollectionConfig collection) => $"{language}/{collection.Name}/";

    public static string EntityPath(string language, Entity entity) => $"{language}/{entity.Collection.Name}/{entity.Slug}/";

    public static string EntityPath(string language, EntityId id) => $"{language}/{id.Collection}/{id.Slug}/";
}
