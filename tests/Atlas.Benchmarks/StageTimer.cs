using System.Diagnostics;
using Atlas.Building;
using Atlas.Charts;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Exports;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Rendering;

namespace Atlas.Benchmarks;

/// <summary>
/// One process, the build's stages called one after the other as SiteBuilder calls them (public API only), each
/// timed with a Stopwatch, with the bytes it allocated and the gen-2 collections it caused. Run 1 is cold (JIT, like
/// the CLI), later runs warm. The last line of each run is a full SiteBuilder.Build into a temporary folder.
/// </summary>
public static class StageTimer
{
    public static int Run(string site, int runs, bool probes = false)
    {
        Sites.Ensure(site);
        var directory = Sites.PathOf(site);
        Console.WriteLine($"stage timings for {directory} ({Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)");
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"-- run {run}{(run == 1 ? " (cold: includes JIT)" : "")}");
            Console.WriteLine($"   {"stage",-44} {"ms",9} {"alloc MiB",10} {"gen2",5}");
            var total = Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            var config = Time("SiteConfigLoader.Load", () => SiteConfigLoader.Load(directory, FieldTypes.Catalog, diagnostics)!);
            var bundles = Time("I18nLoader.Load", () => I18nLoader.Load(config, diagnostics));
            var templates = Time("TemplateSet.Load", () => TemplateSet.Load(config, diagnostics));
            var assets = Time("AssetSet.Load", () => AssetSet.Load(config, diagnostics));
            var sources = Time("ContentLoader.Load", () => ContentLoader.Load(config, diagnostics));
            var model = Time("ModelBuilder.Build", () => ModelBuilder.Build(config, sources, diagnostics)!);
            AtlasMap? map = null;
            if (config.Features.MapBase is { } mapBase)
            {
                var baseMap = Time("BaseMap.Load", () => BaseMap.Load(config.SiteDirectory, mapBase, diagnostics)!);
                map = Time("AtlasMap + basemap.svg asset", () =>
                {
                    assets = assets.With("basemap.svg", mapBase, baseMap.ToSvg()); // as SiteLoader.Load does
                    return new AtlasMap(model, baseMap);
                });
            }

            if (map is not null)
            {
                // The main map's layout is language-dependent (label widths) and computed once per language by the
                // first page that draws the map; timed here on its own, since inside RenderAll it hides in one page.
                foreach (var language in config.Languages)
                {
                    Time($"MapLayout ({language.Code})", () => new MapLayout(model, map, language.Code));
                }
            }

            var taxonomies = Time("Taxonomies", () => new Taxonomies(model));
            var pages = Time("SitePlanner.Plan", () => SitePlanner.Plan(model, taxonomies, path => templates.Get(path) is not null));
            var (views, renderer) = Time("ViewFactory + SiteViews + ChartData", () =>
            {
                var views = new ViewFactory(model, bundles, map);
                var siteViews = new SiteViews(model, views, taxonomies, map, new ChartData(model));
                return (views, new PageRenderer(model, templates, views, siteViews, taxonomies, assets));
            });
            if (probes)
            {
                Probes(model, pages, views, new SiteViews(model, views, taxonomies, map, new ChartData(model)), taxonomies);
                continue; // probes only: no render, no build
            }

            long bytes = 0;
            Time($"PageRenderer.RenderAll ({pages.Length} pages, no write)", () =>
                renderer.RenderAll(pages, (_, html) => Interlocked.Add(ref bytes, html.Length), diagnostics));
            Time("DataExporter.Export", () => DataExporter.Export(model).ToList());
            Time("SearchIndexWriter.Indexes", () => SearchIndexWriter.Indexes(model).ToList());
            Time("FeedWriter.Feeds", () => FeedWriter.Feeds(model, views.BundleFor).ToList());
            Time("SitemapWriter.Sitemaps", () => SitemapWriter.Sitemaps(config, pages, model, taxonomies, System.Collections.Immutable.ImmutableDictionary<EntityId, PartialDate>.Empty));
            Console.WriteLine($"   {"= stages above",-44} {total.ElapsedMilliseconds,9}   ({bytes / 1048576} MiB of HTML, {diagnostics.ErrorCount} errors)");

            var output = Path.Combine(Sites.Root, $"out-stages-{site}-{Environment.ProcessId}");
            var result = Time("SiteBuilder.Build (everything, writes files)", () =>
                SiteBuilder.Build(new BuildOptions(directory) { OutputDirectory = output, Force = true }));
            Console.WriteLine($"   built: {result.Succeeded}, {result.FilesWritten} files, {result.ErrorCount} errors");
            Directory.Delete(output, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// The per-page view objects that PageRenderer.Globals builds, called the way it calls them, for every page of
    /// their kind, without Scriban: what they cost in time and allocations on their own, and how that scales.
    /// </summary>
    private static void Probes(SiteModel model, IReadOnlyList<PageSpec> pages, ViewFactory views, SiteViews site, Taxonomies taxonomies)
    {
        var config = model.Config;
        var entityPages = pages.Where(p => p.Kind is PageKind.Entity or PageKind.Compare).ToList();
        var termPages = pages.Where(p => p.Kind == PageKind.TaxonomyTerm).ToList();
        Time($"  probe: views.Collection x {entityPages.Count} entity+compare pages", () =>
            entityPages.Sum(p => views.Collection(config.Collection(p.Collection!)!, p.Language!).Count));
        Time($"  probe: views.Entity x {entityPages.Count} entity+compare pages", () =>
            entityPages.Sum(p => views.Entity(model.Get(p.Entity!.Value), p.Language!).Count));
        Time($"  probe: site.Taxonomy x {termPages.Count} term pages", () =>
            termPages.Sum(p => site.Taxonomy(config.Features.Taxonomies.First(t => t.Name == p.Name), p.Language!).Count));
        Time($"  probe: site.Term(withEntities) x {termPages.Count} term pages", () =>
            termPages.Sum(p => site.Term(config.Features.Taxonomies.First(t => t.Name == p.Name),
                taxonomies.Terms(p.Name!).First(t => t.Key == p.Term), p.Language!, withEntities: true).Count));
        foreach (var group in termPages.GroupBy(p => p.Name))
        {
            Console.WriteLine($"     ({group.Count()} {group.Key} term pages, {taxonomies.Terms(group.Key!).Length} terms)");
        }
    }

    private static T Time<T>(string stage, Func<T> action)
    {
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var result = action();
        clock.Stop();
        Console.WriteLine($"   {stage,-44} {clock.ElapsedMilliseconds,9} {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1048576.0,10:F0} {GC.CollectionCount(2) - gen2,5}");
        return result;
    }
}
