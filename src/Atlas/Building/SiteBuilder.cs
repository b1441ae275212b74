using System.Collections.Immutable;
using System.Diagnostics;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Exports;
using Atlas.Charts;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// The build, as a fixed flow: load site.yml → load i18n, templates, assets and content → validate into the model →
/// plan pages → render in parallel into a staging folder → swap it in. Each stage reports every problem it finds;
/// the flow stops before writing anything if any stage found an error.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var site = Load(options, diagnostics);
        var output = site is null ? "" : ResolveOutput(options, site.Config);

        if (site is null || diagnostics.HasErrors || (options.Strict && diagnostics.WarningCount > 0))
        {
            return Failed(diagnostics, clock, output);
        }

        if (OutputPathPolicy.Check(site.Config.SiteDirectory, output, options.HomeDirectory) is { } refusal)
        {
            diagnostics.Error(SourceLocation.File(options.OutputDirectory ?? site.Config.Output), refusal);
            return Failed(diagnostics, clock, output);
        }

        using var writer = OutputWriter.Begin(output, options.Force, options.OutputDirectory ?? site.Config.Output, diagnostics);
        if (writer is null)
        {
            return Failed(diagnostics, clock, output);
        }

        var views = new ViewFactory(site.Model, site.Bundles, site.Map);
        var siteViews = new SiteViews(site.Model, views, site.Taxonomies, site.Map, new ChartData(site.Model));
        var renderer = new PageRenderer(site.Model, site.Templates, views, siteViews, site.Taxonomies, site.Assets);
        var written = 0;
        var templatesUsed = renderer.RenderAll(site.Pages, (page, bytes) =>
        {
            writer.Write(page.OutputFile, bytes);
            Interlocked.Increment(ref written);
        }, diagnostics, cancellation);

        foreach (var asset in site.Assets.Assets.Values)
        {
            writer.Write(asset.PublishedPath, asset.Content);
            written++;
        }

        var generated = Generate(site, views).ToList();
        foreach (var file in generated)
        {
            writer.Write(file.Path, file.Content);
            written++;
        }

        if (diagnostics.HasErrors || (options.Strict && diagnostics.WarningCount > 0))
        {
            return Failed(diagnostics, clock, output);
        }

        writer.Commit();
        var graph = BuildGraph(site, templatesUsed, generated);
        // Files at the top (the root page, the root 404) belong to no language.
        var perLanguage = site.Pages.GroupBy(p => p.Path.Contains('/') ? p.Language ?? "" : "")
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BuildResult(true, diagnostics.ToSortedList(), perLanguage, written, clock.Elapsed, output, graph);
    }

    /// <summary>Load and validate without rendering: the <c>check</c> command and tests use this.</summary>
    public static LoadedSite? Load(BuildOptions options, DiagnosticBag diagnostics)
    {
        var config = SiteConfigLoader.Load(options.SiteDirectory, diagnostics);
        if (config is null)
        {
            return null;
        }

        if (options.BaseUrl is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                diagnostics.Error(SourceLocation.File("--base-url"), $"'{baseUrl}' must be an absolute http(s) URL such as https://example.org/atlas/.");
                return null;
            }

            config = config with { BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/" };
        }

        // These stages are independent of each other: run them all so that every problem is reported in one run.
        var bundles = I18nLoader.Load(config, diagnostics);
        var templates = TemplateSet.Load(config, diagnostics);
        var assets = AssetSet.Load(config, diagnostics);
        var sources = ContentLoader.Load(config, diagnostics);
        var model = ModelBuilder.Build(config, sources, diagnostics);
        if (model is null || diagnostics.HasErrors)
        {
            return null;
        }

        CheckUnits(model, bundles, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        AtlasMap? map = null;
        if (config.Features.MapBase is { } mapBase)
        {
            var baseMap = BaseMap.Load(config.SiteDirectory, mapBase, diagnostics);
            if (baseMap is null)
            {
                return null;
            }

            map = new AtlasMap(model, baseMap);
            assets = assets.With("basemap.svg", mapBase, baseMap.ToSvg());
        }

        var taxonomies = new Taxonomies(model);
        var pages = SitePlanner.Plan(model, taxonomies, path => templates.Get(path) is not null);
        return new LoadedSite(config, bundles, templates, assets, model, taxonomies, map, pages);
    }

    /// <summary>Every unit used in content must have words in every language, or its pages could not be written.</summary>
    private static void CheckUnits(SiteModel model, ImmutableDictionary<string, I18nBundle> bundles, DiagnosticBag diagnostics)
    {
        foreach (var entity in model.Entities)
        {
            foreach (var unit in entity.Fields.Values.OfType<UnitValue>())
            {
                foreach (var bundle in bundles.Values.Where(b => b.Get(Formatter.UnitKey(unit.Unit)) is null))
                {
                    diagnostics.Error(unit.Location,
                        $"unit '{unit.Unit.Text}' has no words in {bundle.Path}; add '{Formatter.UnitKey(unit.Unit)}' there (e.g. \"{{n}} ...\").");
                }
            }
        }
    }

    private static string ResolveOutput(BuildOptions options, SiteConfig config) =>
        options.OutputDirectory is { } output
            ? Path.GetFullPath(output)
            : Path.GetFullPath(Path.Combine(config.SiteDirectory, config.Output));

    /// <summary>The files besides pages: open data, search indexes, feeds, sitemap and robots.txt.</summary>
    private static IEnumerable<GeneratedFile> Generate(LoadedSite site, ViewFactory views)
    {
        foreach (var file in DataExporter.Export(site.Model))
        {
            yield return file;
        }

        foreach (var file in SearchIndexWriter.Indexes(site.Model))
        {
            yield return file;
        }

        foreach (var file in FeedWriter.Feeds(site.Model, views.BundleFor))
        {
            yield return file;
        }

        yield return SitemapWriter.Sitemap(site.Config, site.Pages);
        yield return SitemapWriter.Robots(site.Config);
    }

    private static DependencyGraph BuildGraph(LoadedSite site, ImmutableDictionary<string, ImmutableArray<string>> templatesUsed,
        IEnumerable<GeneratedFile> generated)
    {
        var assets = site.Assets.SourcePaths.ToImmutableArray();
        var everything = ImmutableArray.CreateRange([SiteConfig.FileName, .. site.Model.Entities.SelectMany(e => e.SourceFiles),
            .. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code))]);
        var pages = site.Pages.Select(page => new KeyValuePair<string, IEnumerable<string>>(
            page.Path,
            page.Dependencies.Concat(templatesUsed.GetValueOrDefault(page.Path, [])).Concat(assets)));
        var files = generated.Select(file => new KeyValuePair<string, IEnumerable<string>>(file.Path, everything));
        return new DependencyGraph(pages.Concat(files));
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, string output) =>
        new(false, diagnostics.ToSortedList(), ImmutableSortedDictionary<string, int>.Empty, 0, clock.Elapsed, output, null);
}
