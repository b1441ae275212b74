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

    /// <summary>The rivers drawn on the main map (map.rivers, optional; GeoJSON lines in the base map's coordinates).</summary>
    public string? MapRivers { get; init; }

    /// <summary>Where site.yml names the rivers: the place to report a file the file policy refuses.</summary>
    public Diagnostics.SourceLocation? MapRiversLocation { get; init; }

    /// <summary>The thematic map (map.thematic, optional): what it counts per unit of the base map.</summary>
    public ThematicMapConfig? ThematicMap { get; init; }

    /// <summary>The corrections log (site.yml corrections:), in the file's order; the about page shows it.</summary>
    public ImmutableArray<CorrectionConfig> Corrections { get; init; } = [];

    public PageConfig? Page(string name) => Pages.FirstOrDefault(p => p.Name == name);
}

/// <summary>
/// The thematic map: the entities of <paramref name="Count"/> counted per unit of the base map, through the places
/// (entities of <paramref name="Places"/>, with coordinates) their reference fields name.
/// </summary>
public sealed record ThematicMapConfig(ImmutableArray<string> Count, string Places);
