using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Rendering;

namespace Atlas.Building;

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
}
