using System.Collections.Immutable;
using Atlas.Building;
using Atlas.Loading;
using Atlas.Charts;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Rendering;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The stages of <see cref="SiteBuilder.Build"/>, through the engine's public API only:
/// <list type="bullet">
/// <item>Load: <see cref="SiteConfigLoader"/> + <see cref="ContentLoader"/> (read and parse every file).</item>
/// <item>Validate: <see cref="ModelBuilder"/> over the loaded sources (fields, references, Markdown bodies).</item>
/// <item>LoadAndPlan: <see cref="SiteLoader.Load"/>, everything before rendering (also i18n, templates, assets, the
/// base map, taxonomies and the page plan; the unit check is private, so it is only measured here).</item>
/// <item>Render: <see cref="PageRenderer.RenderAll"/> over every planned page, counting bytes, writing nothing.</item>
/// <item>Build: the whole <see cref="SiteBuilder.Build"/> into a temporary folder (render + write + exports + swap).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private SiteConfig _config = null!;
    private ImmutableArray<EntitySource> _sources;
    private LoadedSite _site = null!;
    private string _output = "";

    /// <summary>"shipped" (the repository's atlas, 248 entities) or a generated site's entity count.</summary>
    [ParamsSource(nameof(SiteValues))]
    public string Site { get; set; } = Sites.Shipped;

    /// <summary>The sites to run: $ATLAS_BENCH_SITE_PARAMS (comma-separated, set by Program from --sites), default shipped and 10000.</summary>
    public static IEnumerable<string> SiteValues() =>
        (Environment.GetEnvironmentVariable("ATLAS_BENCH_SITE_PARAMS") is { Length: > 0 } list ? list : $"{Sites.Shipped},10000")
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GlobalSetup]
    public void Setup()
    {
        Sites.Ensure(Site);
        var directory = Sites.PathOf(Site);
        var diagnostics = new DiagnosticBag();
        _config = SiteConfigLoader.Load(directory, FieldTypes.Catalog, diagnostics) ?? throw Fail(diagnostics, "site.yml");
        _sources = ContentLoader.Load(_config, diagnostics);
        _site = SiteLoader.Load(new LoadOptions(directory), diagnostics) ?? throw Fail(diagnostics, "load");
        _output = Path.Combine(Sites.Root, $"out-{Site}-{Environment.ProcessId}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Benchmark]
    public int Load()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Sites.PathOf(Site), FieldTypes.Catalog, diagnostics)!;
        return ContentLoader.Load(config, diagnostics).Length + diagnostics.ErrorCount;
    }

    [Benchmark]
    public int Validate()
    {
        var diagnostics = new DiagnosticBag();
        return ModelBuilder.Build(_config, _sources, diagnostics)?.Entities.Length ?? -diagnostics.ErrorCount;
    }

    [Benchmark]
    public int LoadAndPlan()
    {
        var diagnostics = new DiagnosticBag();
        return SiteLoader.Load(new LoadOptions(Sites.PathOf(Site)), diagnostics)?.Pages.Length ?? -diagnostics.ErrorCount;
    }

    [Benchmark]
    public long Render()
    {
        var diagnostics = new DiagnosticBag();
        var views = new ViewFactory(_site.Model, _site.Bundles, _site.Map);
        var siteViews = new SiteViews(_site.Model, views, _site.Taxonomies, _site.Map, new ChartData(_site.Model));
        var renderer = new PageRenderer(_site.Model, _site.Templates, views, siteViews, _site.Taxonomies, _site.Assets);
        long bytes = 0;
        renderer.RenderAll(_site.Pages, (_, html) => Interlocked.Add(ref bytes, html.Length), diagnostics);
        return diagnostics.HasErrors ? -1 : bytes;
    }

    [Benchmark]
    public int Build()
    {
        var result = SiteBuilder.Build(new BuildOptions(Sites.PathOf(Site)) { OutputDirectory = _output, Force = true });
        return result.Succeeded ? result.FilesWritten : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    internal static Exception Fail(DiagnosticBag diagnostics, string stage) =>
        new InvalidOperationException($"{stage} failed: {diagnostics.ErrorCount} errors");
}
