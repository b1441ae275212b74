using System.Collections.Immutable;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads the feature keys of site.yml (pages, taxonomies, timeline, feeds, map, featured).</summary>
internal static class FeaturesConfigLoader
{
    public static readonly string[] Keys = ["pages", "taxonomies", "timeline", "feeds", "map", "featured", "charts", "menu", CorrectionsLoader.Key];

    public static FeaturesConfig Parse(MappingReader site, ImmutableArray<string> languages,
        ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        var reserved = collections.Select(c => c.Name).Concat(["assets", "data"]).ToHashSet(StringComparer.Ordinal);
        var pages = ImmutableArray.CreateBuilder<PageConfig>();
        if (site.Node<YamlMapping>("pages", required: false) is { } pagesMap)
        {
            var order = 0;
            foreach (var (key, value) in pagesMap.Entries)
            {
                order++;
                if (!CheckName(key, reserved, "page", diagnostics) || value is not YamlMapping map)
                {
                    continue;
                }

                var reader = new MappingReader(map, $"page '{key.Value}'", diagnostics);
                reader.RejectUnknownKeys("title");
                var title = SiteConfigLoader.ParseLocalized(reader.Node<YamlNode>("title", required: true), $"{key.Value}.title", languages, diagnostics);
                pages.Add(new PageConfig(key.Value, title, order));
                reserved.Add(key.Value);
            }
        }

        var fields = collections.SelectMany(c => c.Fields).ToLookup(f => f.Name);
        var taxonomies = ImmutableArray.CreateBuilder<TaxonomyConfig>();
        if (site.Node<YamlMapping>("taxonomies", required: false) is { } taxonomyMap)
        {
            foreach (var (key, value) in taxonomyMap.Entries)
            {
                if (!CheckName(key, reserved, "taxonomy", diagnostics) || value is not YamlMapping map)
                {
                    continue;
                }

                var reader = new MappingReader(map, $"taxonomy '{key.Value}'", diagnostics);
                reader.RejectUnknownKeys("title", "field", "dates");
                var title = SiteConfigLoader.ParseLocalized(reader.Node<YamlNode>("title", required: true), $"{key.Value}.title", languages, diagnostics);
                var field = reader.String("field", required: false);
                var dates = Names(reader.Node<YamlNode>("dates", required: false), diagnostics);
                if ((field is null) == dates.IsEmpty)
                {
                    diagnostics.Error(map.Location, $"taxonomy '{key.Value}' needs either 'field:' (a tags, enum or reference field) or 'dates:' (date or year fields).");
                    continue;
                }

                if (field is not null && !fields[field].Any(f => f.Type.Roles.HasFlag(FieldRoles.Terms)))
                {
                    diagnostics.Error(map["field"]!.Location, $"taxonomy '{key.Value}' groups by '{field}', but no collection has a tags, enum or reference field of that name.");
                    continue;
                }

                CheckDateFields(dates, fields, map, diagnostics);
                taxonomies.Add(new TaxonomyConfig(key.Value, title, field, dates));
                reserved.Add(key.Value);
            }
        }

        var timeline = ImmutableArray<string>.Empty;
        var timelineCollections = ImmutableArray<TimelineCollection>.Empty;
        if (site.Node<YamlMapping>("timeline", required: false) is { } timelineMap)
        {
            var reader = new MappingReader(timelineMap, "timeline", diagnostics);
            reader.RejectUnknownKeys("dates", "collections");
            timeline = Names(reader.Node<YamlNode>("dates", required: true), diagnostics);
            CheckDateFields(timeline, fields, timelineMap, diagnostics);
            timelineCollections = TimelineCollections(reader.Node<YamlMapping>("collections", required: false), timeline, collections, diagnostics);
        }

        ImmutableArray<string> feedCollections = [];
        ImmutableArray<string> feedDates = [];
        if (site.Node<YamlMapping>("feeds", required: false) is { } feedMap)
        {
            var reader = new MappingReader(feedMap, "feeds", diagnostics);
            reader.RejectUnknownKeys("collections", "dates");
            feedCollections = Names(reader.Node<YamlNode>("collections", required: true), diagnostics);
            feedDates = Names(reader.Node<YamlNode>("dates", required: true), diagnostics);
            foreach (var name in feedCollections.Where(n => collections.All(c => c.Name != n)))
            {
                diagnostics.Error(feedMap.Location, $"feeds lists collection '{name}', which site.yml does not declare.");
            }

            CheckDateFields(feedDates, fields, feedMap, diagnostics);
        }

        string? mapBase = null;
        SourceLocation? mapBaseLocation = null;
        string? mapRivers = null;
        SourceLocation? mapRiversLocation = null;
        ThematicMapConfig? thematic = null;
        var layers = ImmutableArray.CreateBuilder<MapLayerConfig>();
        if (site.Node<YamlMapping>("map", required: false) is { } mapConfig)
        {
            var reader = new MappingReader(mapConfig, "map", diagnostics);
            reader.RejectUnknownKeys("base", "rivers", "thematic", "layers");
            mapBase = reader.String("base", required: true);
            mapBaseLocation = mapConfig["base"]?.Location;
            mapRivers = reader.String("rivers", required: false);
            mapRiversLocation = mapConfig["rivers"]?.Location;
            thematic = Thematic(reader.Node<YamlMapping>("thematic", required: false), collections, diagnostics);
            foreach (var item in reader.Node<YamlSequence>("layers", required: true)?.Items ?? [])
            {
                if (item is not YamlMapping layer)
                {
                    diagnostics.Error(item.Location, "each map layer is a map like {collection: cities, show: points}.");
                    continue;
                }

                var layerReader = new MappingReader(layer, "a map layer", diagnostics);
                layerReader.RejectUnknownKeys("collection", "show", "field", "along_rivers");
                var name = layerReader.String("collection", required: true) ?? "";
                var show = layerReader.String("show", required: true) ?? "points";
                var collection = collections.FirstOrDefault(c => c.Name == name);
                if (collection is null)
                {
                    diagnostics.Error(layer.Location, $"map layer collection '{name}' is not declared in site.yml.");
                    continue;
                }

                if (!Enum.TryParse<MapLayerShape>(show, ignoreCase: true, out var shape) || show != show.ToLowerInvariant())
                {
                    diagnostics.Error(layer["show"]!.Location, "show must be 'points' (its coordinates), 'lines' or 'places' (through the entities a reference field lists).");
                    continue;
                }

                var field = layerReader.String("field", required: false,
                    fallback: shape == MapLayerShape.Points ? "coordinates" : "cities")!;
                var definition = collection.Field(field);
                var expected = shape == MapLayerShape.Points ? definition?.Type.Roles.HasFlag(FieldRoles.Point) == true : definition?.IsReference == true;
                if (!expected)
                {
                    diagnostics.Error(layer.Location,
                        $"map layer '{name}' ({show}) needs a {(shape == MapLayerShape.Points ? "coordinates" : "reference")} field '{field}' in that collection.");
                    continue;
                }

                layers.Add(new MapLayerConfig(name, shape, field)
                {
                    AlongRivers = AlongRivers(layerReader.Node<YamlMapping>("along_rivers", required: false), collection, shape,
                        mapRivers, diagnostics),
                });
            }
        }

        var featured = site.String("featured", required: false);
        if (featured is not null && !fields[featured].Any(f => f.Type.Roles.HasFlag(FieldRoles.Flag)))
        {
            diagnostics.Error(site.Mapping["featured"]!.Location, $"featured names '{featured}', but no collection has a boolean field of that name.");
        }

        string? series = null;
        string? chartSubject = null;
        string? chartSources = null;
        if (site.Node<YamlMapping>("charts", required: false) is { } charts)
        {
            var reader = new MappingReader(charts, "charts", diagnostics);
            reader.RejectUnknownKeys("series", "subject", "sources");
            series = reader.String("series", required: true);
            if (series is not null && !fields[series].Any(f => f.Type.Roles.HasFlag(FieldRoles.Label)))
            {
                diagnostics.Error(charts["series"]!.Location, $"charts.series names '{series}', but no collection has a text field of that name.");
            }

            chartSubject = ChartReference(reader, charts, "subject", series, collections, diagnostics);
            chartSources = ChartReference(reader, charts, "sources", series, collections, diagnostics);
        }

        return new FeaturesConfig(pages.ToImmutable(), taxonomies.ToImmutable(), timeline, feedCollections, feedDates,
            mapBase, layers.ToImmutable(), featured, series)
        {
            MapBaseLocation = mapBaseLocation,
            MapRivers = mapRivers,
            MapRiversLocation = mapRiversLocation,
            ThematicMap = thematic,
            ChartSubjectField = chartSubject,
            ChartSourcesField = chartSources,
            TimelineCollections = timelineCollections,
            Corrections = CorrectionsLoader.Load(site, languages, diagnostics),
            Menu = Menu(site.Node<YamlMapping>("menu", required: false), collections, pages.ToImmutable(), diagnostics),
        };
    }

    /// <summary>
    /// menu: {group: [collection or page, ...], ...}. Each item a collection shown in the navigation or a page, named
    /// once; each group a name in lowercase letters, digits and hyphens (its title is the UI string menu.&lt;group&gt;).
    /// </summary>
    private static ImmutableArray<MenuGroupConfig> Menu(YamlMapping? node, ImmutableArray<CollectionConfig> collections,
        ImmutableArray<PageConfig> pages, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        var groups = ImmutableArray.CreateBuilder<MenuGroupConfig>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries)
        {
            if (!Slug.IsValid(key.Value))
            {
                diagnostics.Error(key.Location, $"menu group '{key.Value}' must be a name in lowercase letters, digits and hyphens, such as 'places'.");
                continue;
            }

            if (value is not YamlSequence sequence)
            {
                diagnostics.Error(value.Location, $"menu.{key.Value} must be a list of collections and pages, such as [cities, map].");
                continue;
            }

            var items = ImmutableArray.CreateBuilder<string>();
            foreach (var item in sequence.Items)
            {
                var name = (item as YamlScalar)?.Value ?? "";
                var collection = collections.FirstOrDefault(c => c.Name == name);
                if (collection is null && pages.All(p => p.Name != name))
                {
                    diagnostics.Error(item.Location, $"menu.{key.Value} names '{name}', which is neither a collection nor a page in site.yml.");
                }
                else if (collection is { InMenu: false })
                {
                    diagnostics.Error(item.Location, $"menu.{key.Value} names '{name}', a collection with menu: false; remove one or the other.");
                }
                else if (!named.Add(name))
                {
                    diagnostics.Error(item.Location, $"menu names '{name}' twice; a section belongs to one group.");
                }
                else
                {
                    items.Add(name);
                }
            }

            groups.Add(new MenuGroupConfig(key.Value, items.ToImmutable()));
        }

        return groups.ToImmutable();
    }

    /// <summary>
    /// A lines layer's along_rivers: {field, value}, an enum field of the collection and one of its values. It needs
    /// map.rivers, as there is nothing to follow without it.
    /// </summary>
    private static RiverCourse? AlongRivers(YamlMapping? node, CollectionConfig collection, MapLayerShape shape, string? rivers,
        DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        var reader = new MappingReader(node, "along_rivers", diagnostics);
        reader.RejectUnknownKeys("field", "value");
        var field = reader.String("field", required: true);
        var value = reader.String("value", required: true);
        if (field is null || value is null)
        {
            return null;
        }

        if (shape != MapLayerShape.Lines)
        {
            diagnostics.Error(node.Location, "along_rivers applies to a layer shown as lines; remove it or set show: lines.");
            return null;
        }

        if (rivers is null)
        {
            diagnostics.Error(node.Location, "along_rivers needs rivers to follow: add map.rivers (a GeoJSON file of river lines) or remove along_rivers.");
            return null;
        }

        var definition = collection.Field(field);
        if (definition is null || definition.Values.Length == 0)
        {
            diagnostics.Error(node["field"]!.Location, $"along_rivers.field '{field}' is not an enum field of '{collection.Name}'; name one, such as kind.");
            return null;
        }

        if (!definition.Values.Contains(value))
        {
            diagnostics.Error(node["value"]!.Location,
                $"along_rivers.value '{value}' is not one of the values of '{field}' ({string.Join(", ", definition.Values)}).");
            return null;
        }

        return new RiverCourse(field, value);
    }

    /// <summary>charts.subject or charts.sources: a reference field of a collection that has the series field.</summary>
    private static string? ChartReference(MappingReader reader, YamlMapping charts, string key, string? series,
        ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        var name = reader.String(key, required: false);
        if (name is null || series is null)
        {
            return name;
        }

        var charted = collections.Where(c => c.Fields.Any(f => f.Name == series)).ToList();
        if (!charted.Any(c => c.Fields.Any(f => f.Name == name && f.IsReference)))
        {
            diagnostics.Error(charts[key]!.Location,
                $"charts.{key} names '{name}', but no collection with the series field '{series}' has a reference field of that name; name one of its reference fields.");
            return null;
        }

        return name;
    }

    /// <summary>
    /// timeline.collections: {meetings: conference, plans: plan, ...}. Each must be a declared collection with one of
    /// the timeline's date fields (else it could never appear), and each kind a slug: it names the UI string
    /// timeline.kind.&lt;kind&gt; and the rows' class.
    /// </summary>
    private static ImmutableArray<TimelineCollection> TimelineCollections(YamlMapping? node, ImmutableArray<string> dates,
        ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        var listed = ImmutableArray.CreateBuilder<TimelineCollection>();
        foreach (var (key, value) in node.Entries)
        {
            var collection = collections.FirstOrDefault(c => c.Name == key.Value);
            if (collection is null)
            {
                diagnostics.Error(key.Location, $"timeline.collections names collection '{key.Value}', which site.yml does not declare.");
                continue;
            }

            if (!dates.Any(d => collection.Field(d) is not null))
            {
                diagnostics.Error(key.Location,
                    $"timeline.collections names '{key.Value}', which has none of the timeline's dates ({string.Join(", ", dates)}); add its date field to timeline.dates or leave it out.");
                continue;
            }

            if (value is not YamlScalar { IsNull: false } kind || !Slug.IsValid(kind.Value))
            {
                diagnostics.Error(value.Location,
                    $"timeline.collections.{key.Value} must be a kind of entry in lowercase letters, digits and hyphens, such as 'conference' or 'milestone'.");
                continue;
            }

            listed.Add(new TimelineCollection(key.Value, kind.Value));
        }

        return listed.ToImmutable();
    }

    /// <summary>map.thematic: which collections the thematic map counts, and the collection of places it matches to the base map's units.</summary>
    private static ThematicMapConfig? Thematic(YamlMapping? node, ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        var reader = new MappingReader(node, "map.thematic", diagnostics);
        reader.RejectUnknownKeys("count", "places");
        var counted = Names(reader.Node<YamlNode>("count", required: true), diagnostics);
        var places = reader.String("places", required: true);
        var ok = true;
        foreach (var name in counted.Append(places ?? "").Where(n => collections.All(c => c.Name != n)))
        {
            diagnostics.Error(node.Location, $"map.thematic names collection '{name}', which site.yml does not declare.");
            ok = false;
        }

        if (places is not null && collections.FirstOrDefault(c => c.Name == places) is { } placeCollection &&
            !placeCollection.Fields.Any(f => f.Type.Roles.HasFlag(FieldRoles.Point)))
        {
            diagnostics.Error(node.Location, $"map.thematic places '{places}' needs a coordinates field.");
            ok = false;
        }

        return ok && places is not null ? new ThematicMapConfig(counted, places) : null;
    }

    private static bool CheckName(YamlScalar key, HashSet<string> reserved, string what, DiagnosticBag diagnostics)
    {
        if (!Slug.IsValid(key.Value))
        {
            diagnostics.Error(key.Location, $"{what} name '{key.Value}' must use {Slug.Rule}: it is a URL segment.");
            return false;
        }

        if (reserved.Contains(key.Value))
        {
            diagnostics.Error(key.Location, $"{what} '{key.Value}' would have the same URL as a collection or another page; rename it.");
            return false;
        }

        return true;
    }

    private static void CheckDateFields(ImmutableArray<string> names, ILookup<string, FieldDefinition> fields, YamlMapping where, DiagnosticBag diagnostics)
    {
        foreach (var name in names.Where(n => !fields[n].Any(f => f.Type.Roles.HasFlag(FieldRoles.Date))))
        {
            diagnostics.Error(where.Location, $"'{name}' is not a date or year field of any collection.");
        }
    }

    private static ImmutableArray<string> Names(YamlNode? node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlScalar scalar:
                return [scalar.Value];
            case YamlSequence sequence when sequence.Items.All(i => i is YamlScalar):
                return [.. sequence.Items.Cast<YamlScalar>().Select(s => s.Value)];
            default:
                diagnostics.Error(node.Location, "expected a name or a list of names.");
                return [];
        }
    }
}
