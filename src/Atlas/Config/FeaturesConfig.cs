using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>
/// The atlas features site.yml switches on: extra pages, taxonomies, the timeline, feeds and the map. All of them
/// are described in terms of collections and fields, so the engine still knows no collection by name.
/// </summary>
public sealed record FeaturesConfig(
    ImmutableArray<PageConfig> Pages,
    ImmutableArray<TaxonomyConfig> Taxonomies,
    ImmutableArray<string> TimelineDates,
    ImmutableArray<string> FeedCollections,
    ImmutableArray<string> FeedDates,
    string? MapBase,
    ImmutableArray<MapLayerConfig> MapLayers,
    string? FeaturedField,
    string? ChartSeriesField)
{
    public static readonly FeaturesConfig None = new([], [], [], [], [], null, [], null, null);

    /// <summary>Where site.yml names the base map: the place to report a base map the file policy refuses.</summary>
    public Diagnostics.SourceLocation? MapBaseLocation { get; init; }

    public PageConfig? Page(string name) => Pages.FirstOrDefault(p => p.Name == name);
}
