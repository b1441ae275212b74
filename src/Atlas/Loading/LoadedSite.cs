using System.Collections.Immutable;
using Atlas.Charts;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Rendering;

namespace Atlas.Loading;

/// <summary>A site after load and validation, ready to render: what <c>check</c> inspects and <c>build</c> renders.</summary>
public sealed record LoadedSite(
    SiteConfig Config,
    ImmutableDictionary<string, I18nBundle> Bundles,
    TemplateSet Templates,
    AssetSet Assets,
    SiteModel Model,
    Taxonomies Taxonomies,
    AtlasMap? Map,
    ImmutableArray<PageSpec> Pages)
{
    /// <summary>When each entity last changed in Git (empty outside a repository).</summary>
    public ImmutableDictionary<EntityId, PartialDate> Updated { get; init; } = ImmutableDictionary<EntityId, PartialDate>.Empty;

    /// <summary>When each content file last changed in Git (relative, '/'-separated; empty outside a repository).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> History { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>The Git dates with how far they can be trusted (<see cref="History"/> is their files' dates).</summary>
    public GitDates GitDates { get; init; } = GitDates.Off;

    /// <summary>A renderer of this site's pages, with its views (built as pages need them and shared between pages).</summary>
    public PageRenderer CreateRenderer(RenderLimits? limits = null)
    {
        var views = new ViewFactory(Model, Bundles, Map, Updated);
        var siteViews = new SiteViews(Model, views, Taxonomies, Map, new ChartData(Model));
        return new PageRenderer(Model, Templates, views, siteViews, Taxonomies, Assets, limits);
    }
}
