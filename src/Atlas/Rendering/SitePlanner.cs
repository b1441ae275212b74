using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// Decides which pages the site has and what each depends on: the root, per language a home, an index per
/// collection, a page per entity (and its side-by-side reading page), the extra pages, the taxonomy pages and a
/// 404 page. Deterministic: pages are ordered by path.
/// </summary>
public static class SitePlanner
{
    public const string CompareSegment = "compare/";

    public static ImmutableArray<PageSpec> Plan(SiteModel model, Taxonomies taxonomies, Func<string, bool> hasTemplate)
    {
        var config = model.Config;
        var pages = new List<PageSpec>();
        var compare = hasTemplate(TemplateSet.PathOf("compare.html"));
        var notFound = hasTemplate(TemplateSet.PathOf("404.html"));

        pages.Add(new PageSpec("", PageKind.Root, null, TemplateSet.PathOf("root.html"), null, null,
            [SiteConfig.FileName, .. config.Languages.Select(l => BundlePath(l.Code))]));

        // A 404 page speaks every language (a missing address says nothing of the reader's): it reads every bundle.
        ImmutableArray<string> notFoundDependencies = [SiteConfig.FileName, .. config.Languages.Select(l => BundlePath(l.Code))];
        if (notFound)
        {
            pages.Add(new PageSpec("404.html", PageKind.NotFound, config.DefaultLanguage, TemplateSet.PathOf("404.html"), null, null,
                notFoundDependencies) { AbsoluteRoot = config.BasePath });
        }

        foreach (var language in config.Languages)
        {
            var common = ImmutableArray.Create(SiteConfig.FileName, BundlePath(language.Code));
            pages.Add(new PageSpec($"{language.Code}/", PageKind.Home, language.Code, TemplateSet.PathOf("home.html"), null, null, common));

            if (notFound)
            {
                pages.Add(new PageSpec($"{language.Code}/404.html", PageKind.NotFound, language.Code, TemplateSet.PathOf("404.html"), null, null,
                    notFoundDependencies) { AbsoluteRoot = config.BasePath });
            }

            foreach (var page in config.Features.Pages)
            {
                pages.Add(new PageSpec($"{language.Code}/{page.Name}/", PageKind.Page, language.Code,
                    TemplateSet.PathOf($"pages/{page.Name}.html"), null, null, common) { Name = page.Name });
            }

            foreach (var taxonomy in config.Features.Taxonomies)
            {
                pages.Add(new PageSpec($"{language.Code}/{taxonomy.Name}/", PageKind.TaxonomyIndex, language.Code,
                    TemplateSet.PathOf("taxonomy.html"), null, null, [.. common, DependencyKeys.Taxonomy(taxonomy.Name)]) { Name = taxonomy.Name });
                foreach (var term in taxonomies.Terms(taxonomy.Name))
                {
                    pages.Add(new PageSpec($"{language.Code}/{taxonomy.Name}/{term.Key}/", PageKind.TaxonomyTerm, language.Code,
                        TemplateSet.PathOf("term.html"), null, null, [.. common, DependencyKeys.Taxonomy(taxonomy.Name)])
                    {
                        Name = taxonomy.Name,
                        Term = term.Key,
                    });
                }
            }

            foreach (var collection in config.Collections)
            {
                var entities = model.Collections[collection.Name];
                pages.Add(new PageSpec(SiteUrls.CollectionPath(language.Code, collection), PageKind.Collection, language.Code,
                    TemplateSet.PathOf(collection.IndexTemplate), collection.Name, null,
                    [.. common, DependencyKeys.Collection(collection.Name)]));

                foreach (var entity in entities)
                {
                    var dependencies = ImmutableArray.Create([.. common, DependencyKeys.Entity(entity.Id)]);
                    pages.Add(new PageSpec(SiteUrls.EntityPath(language.Code, entity), PageKind.Entity, language.Code,
                        TemplateSet.PathOf(collection.EntityTemplate), collection.Name, entity.Id, dependencies));
                    if (compare)
                    {
                        pages.Add(new PageSpec(SiteUrls.EntityPath(language.Code, entity) + CompareSegment, PageKind.Compare, language.Code,
                            TemplateSet.PathOf("compare.html"), collection.Name, entity.Id, dependencies));
                    }
                }
            }
        }

        return [.. pages.OrderBy(p => p.Path, StringComparer.Ordinal)];
    }

    /// <summary>The templates the plan needs besides the collections' own: checked at load so a missing one is reported early.</summary>
    public static IEnumerable<string> RequiredTemplates(SiteConfig config)
    {
        foreach (var page in config.Features.Pages)
        {
            yield return TemplateSet.PathOf($"pages/{page.Name}.html");
        }

        if (config.Features.Taxonomies.Length > 0)
        {
            yield return TemplateSet.PathOf("taxonomy.html");
            yield return TemplateSet.PathOf("term.html");
        }
    }

    public static string BundlePath(string language) => $"{I18nLoader.Folder}/{language}.yml";
}
