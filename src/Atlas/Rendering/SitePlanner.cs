using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// Decides which pages the site has and what each depends on: the root, a home per language, an index per
/// collection and language, a page per entity and language. Deterministic: pages are ordered by path.
/// </summary>
public static class SitePlanner
{
    public static ImmutableArray<PageSpec> Plan(SiteModel model)
    {
        var config = model.Config;
        var pages = new List<PageSpec>();
        var allContent = model.Entities.SelectMany(e => e.SourceFiles).ToImmutableArray();

        pages.Add(new PageSpec("", PageKind.Root, null, TemplateSet.PathOf("root.html"), null, null,
            [SiteConfig.FileName, .. config.Languages.Select(l => BundlePath(l.Code))]));

        foreach (var language in config.Languages)
        {
            var common = ImmutableArray.Create(SiteConfig.FileName, BundlePath(language.Code));
            pages.Add(new PageSpec($"{language.Code}/", PageKind.Home, language.Code, TemplateSet.PathOf("home.html"), null, null,
                [.. common, .. allContent]));

            foreach (var collection in config.Collections)
            {
                var entities = model.Collections[collection.Name];
                pages.Add(new PageSpec(CollectionPath(language.Code, collection), PageKind.Collection, language.Code,
                    TemplateSet.PathOf(collection.IndexTemplate), collection.Name, null,
                    [.. common, .. entities.SelectMany(e => e.SourceFiles)]));

                foreach (var entity in entities)
                {
                    pages.Add(new PageSpec(EntityPath(language.Code, entity), PageKind.Entity, language.Code,
                        TemplateSet.PathOf(collection.EntityTemplate), collection.Name, entity.Id,
                        [.. common, .. EntityDependencies(model, entity)]));
                }
            }
        }

        return [.. pages.OrderBy(p => p.Path, StringComparer.Ordinal)];
    }

    public static string BundlePath(string language) => $"{I18nLoader.Folder}/{language}.yml";

    public static string CollectionPath(string language, CollectionConfig collection) => $"{language}/{collection.Name}/";

    public static string EntityPath(string language, Entity entity) => $"{language}/{entity.Collection.Name}/{entity.Slug}/";

    public static string EntityPath(string language, EntityId id) => $"{language}/{id.Collection}/{id.Slug}/";

    /// <summary>The same page in another language: pages differ only in their first path segment.</summary>
    public static string Translate(PageSpec page, string language) =>
        page.Language is null ? page.Path : language + page.Path[page.Language.Length..];

    /// <summary>An entity page shows the entity, the names of what it references and of what references it.</summary>
    private static IEnumerable<string> EntityDependencies(SiteModel model, Entity entity)
    {
        var files = new SortedSet<string>(entity.SourceFiles, StringComparer.Ordinal);
        foreach (var value in entity.Fields.Values.OfType<ReferencesValue>())
        {
            foreach (var target in value.Targets)
            {
                files.UnionWith(model.Get(target).SourceFiles);
            }
        }

        foreach (var backlink in model.BacklinksTo(entity.Id))
        {
            files.UnionWith(backlink.Source.SourceFiles);
        }

        return files;
    }
}
