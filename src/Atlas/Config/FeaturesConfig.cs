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

    /// <summary>
    /// The navigation's groups (site.yml menu:), in order: each a dropdown of the collections and pages it names.
    /// Collections in the menu and pages that no group names follow the groups; empty means no groups.
    /// </summary>
    public ImmutableArray<MenuGroupConfig> Menu { get; init; } = [];

    /// <summary>Where site.yml names the base map: the place to report a base map the file policy refuses.</summary>
    public Diagnostics.SourceLocation? MapBaseLocation { get; init; }

    /// <summary>The rivers drawn on the main map (map.rivers, optional; GeoJSON lines in the base map's coordinates).</summary>
    public string? MapRivers { get; init; }

    /// <summary>Where site.yml names the rivers: the place to report a file the file policy refuses.</summary>
    public Diagnostics.SourceLocation? MapRiversLocation { get; init; }

    /// <summary>The thematic map (map.thematic, optional): what it counts per unit of the base map.</summary>
    public ThematicMapConfig? ThematicMap { get; init; }

    /// <summary>charts.subject: the reference field naming whose figure it is; a measure's figures are compared across
    /// subjects and followed over the years per subject (optional: without it each figure stands for itself).</summary>
    public string? ChartSubjectField { get; init; }

    /// <summary>charts.sources: the reference field naming a figure's sources, which each chart cites (optional).</summary>
    public string? ChartSourcesField { get; init; }
    /// <summary>The corrections log (site.yml corrections:), in the file's order; the about page shows it.</summary>
    public ImmutableArray<CorrectionConfig> Corrections { get; init; } = [];

    public PageConfig? Page(string name) => Pages.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The collections the timeline shows, each with the kind of entry it makes (timeline.collections); empty when
    /// site.yml lists none, and then every collection with a timeline date is on it, without a kind.
    /// </summary>
    public ImmutableArray<TimelineCollection> TimelineCollections { get; init; } = [];
}

/// <summary>
/// A collection on the timeline and the kind of entry it makes there ("conference", "plan", "milestone"): rows of one
/// kind look alike and carry the same label, the UI string timeline.kind.&lt;kind&gt;.
/// </summary>
public sealed record TimelineCollection(string Collection, string Kind);

/// <summary>
/// The thematic map: the entities of <paramref name="Count"/> counted per unit of the base map, through the places
/// (entities of <paramref name="Places"/>, with coordinates) their reference fields name.
/// </summary>
public sealed record ThematicMapConfig(ImmutableArray<string> Count, string Places);

/// <summary>A group of the navigation: its name (the UI string menu.&lt;name&gt; titles it) and the collections and pages it lists, in order.</summary>
public sealed record MenuGroupConfig(string Name, ImmutableArray<string> Items);
