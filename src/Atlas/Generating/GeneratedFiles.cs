using Atlas.Config;
using Atlas.Editing.WebEditor;
using Atlas.Exports;
using Atlas.Loading;
using Atlas.Rendering;

namespace Atlas.Generating;

/// <summary>
/// The one table of the files a build makes besides pages and assets: data, search, feeds, sitemap and robots.txt,
/// each generator with the dependency keys (and files) it reads, so that an incremental build makes again only those
/// whose inputs changed. All of them also read site.yml; the page list matters only to the sitemap (and the entities'
/// Git dates, its lastmod).
/// </summary>
public static class GeneratedFiles
{
    /// <summary>Stands for the set of pages (not a signature: an incremental build compares the planned pages itself).</summary>
    public const string PageListKey = "pages:*";

    /// <param name="Owns">Whether a path is one of its files: the search index's files depend on the content (its shards,
    /// blocks and texts), so an incremental build that skips a generator keeps exactly that generator's previous files.</param>
    /// <param name="Make">The files, given the site, the caches of earlier builds in this process and the caller's
    /// cancellation (which the generators that take seconds on a large site check as they go).</param>
    private sealed record Generator(Func<LoadedSite, SiteCaches?, CancellationToken, IEnumerable<GeneratedFile>> Make, Func<LoadedSite, IEnumerable<string>> Inputs, Func<string, bool> Owns);

    private static readonly Generator[] Generators =
    [
        new((site, _, _) => DataExporter.Export(site.Model), _ => [SiteConfig.FileName, DependencyKeys.AllData], path => path.StartsWith("data/", StringComparison.Ordinal)),
        new((site, caches, cancellation) => SearchIndexWriter.Indexes(site.Model, caches?.Search, cancellation), _ => [SiteConfig.FileName, DependencyKeys.AllContent], // bodies too
            IsSearchFile),
        new((site, _, _) => FeedWriter.Feeds(site.Model, language => site.Bundles[language]),
            site => [SiteConfig.FileName, DependencyKeys.AllData, .. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code))],
            path => path.EndsWith("/feed.xml", StringComparison.Ordinal)),
        // The sitemap's lastmod comes from the entities' Git dates: a change to content makes it again. Past
        // sitemap.max_urls it is an index of numbered files (sitemap-1.xml, …), all of them this generator's.
        new((site, _, _) => [.. SitemapWriter.Sitemaps(site.Config, site.Pages, site.Model, site.Taxonomies, site.Updated), SitemapWriter.Robots(site.Config)],
            _ => [SiteConfig.FileName, PageListKey, DependencyKeys.AllContent],
            path => path is "sitemap.xml" or "robots.txt" ||
                    path.StartsWith("sitemap-", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal)),
        // The web editor at /admin/ (issue 23): its forms follow site.yml, its labels the bundles.
        new((site, _, _) => WebEditor(site),
            site => [SiteConfig.FileName, .. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code)),
                .. EditorPage.Scripts.Select(s => $"{AssetSet.Folder}/{s}")],
            path => path.StartsWith(EditorPage.Folder, StringComparison.Ordinal)),
    ];

    /// <summary>
    /// admin/index.html and admin/config.yml, when the site vendors the editor (templates/assets/admin/); a site
    /// without it has no web editor. The backend is the local one until site.yml (or build --repository) names the
    /// repository; then GitHub, on the same branch (Decap still uses the local server when opened on localhost).
    /// </summary>
    private static IEnumerable<GeneratedFile> WebEditor(LoadedSite site)
    {
        var scripts = EditorPage.Scripts.Select(site.Assets.Find).ToList();
        if (scripts.Any(s => s is null))
        {
            yield break;
        }

        string? Strings(string language, string key) => site.Bundles.TryGetValue(language, out var bundle) ? bundle.Get(key) : null;
        EditorBackend backend = site.Config.Repository is { } repository
            ? new GitHubEditorBackend($"{repository.Owner}/{repository.Name}", repository.Branch, repository.EditorAuth)
            : new LocalEditorBackend("main");
        var config = new EditorConfigMaker(site.Config, Strings).Make(backend);
        yield return new GeneratedFile($"{EditorPage.Folder}config.yml", System.Text.Encoding.UTF8.GetBytes(EditorConfigWriter.Write(config)));
        var language = site.Config.Language(site.Config.DefaultLanguage);
        var title = Strings(site.Config.DefaultLanguage, "web_editor.title") ?? "Editor";
        yield return new GeneratedFile($"{EditorPage.Folder}index.html", System.Text.Encoding.UTF8.GetBytes(
            EditorPage.Html(language?.Locale ?? site.Config.DefaultLanguage, title,
                Strings(site.Config.DefaultLanguage, "web_editor.noscript") ?? "", scripts.Select(s => s!.PublishedPath))));
    }

    /// <summary>Whether a generated file is part of the search index (its set of files changes with the content).</summary>
    public static bool IsSearchFile(string path) => path.StartsWith(SearchIndexWriter.Folder, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/>, a generated file of the previous build, belongs to a generator that <paramref name="regenerate"/> skips.</summary>
    public static bool OwnedBySkipped(LoadedSite site, string path, Func<IEnumerable<string>, bool> regenerate) =>
        Generators.Any(g => g.Owns(path) && !regenerate(g.Inputs(site)));

    /// <summary>Every generated file.</summary>
    public static IEnumerable<GeneratedFile> All(LoadedSite site, SiteCaches? caches, CancellationToken cancellation = default) =>
        Generate(site, _ => true, caches, cancellation);

    /// <summary>The generated files of the generators whose inputs pass <paramref name="regenerate"/>, in a fixed order.</summary>
    /// <param name="cancellation">Checked between files: a caller may stop a rebuild whose pages are already written
    /// when a newer edit makes the rest of it (the search index above all) out of date.</param>
    public static IEnumerable<GeneratedFile> Generate(LoadedSite site, Func<IEnumerable<string>, bool> regenerate, SiteCaches? caches,
        CancellationToken cancellation = default)
    {
        // Independent of each other: made side by side, listed in a fixed order.
        var files = new List<GeneratedFile>[Generators.Length];
        Parallel.For(0, Generators.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var made = new List<GeneratedFile>();
            if (regenerate(Generators[i].Inputs(site)))
            {
                foreach (var file in Generators[i].Make(site, caches, cancellation))
                {
                    cancellation.ThrowIfCancellationRequested();
                    made.Add(file);
                }
            }

            files[i] = made;
        });
        return files.SelectMany(f => f);
    }

    /// <summary>The site's assets, as published (fingerprinted) paths and bytes.</summary>
    public static IEnumerable<(string Path, byte[] Content)> Assets(LoadedSite site) =>
        site.Assets.Assets.Values.Select(asset => (asset.PublishedPath, asset.Content));
}
