using System.Collections.Immutable;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads the <c>collections:</c> of site.yml: each collection's title, folder, order, templates and sort.</summary>
internal static class CollectionConfigLoader
{
    private static readonly string[] CollectionKeys =
        ["title", "folder", "order", "menu", "search", "synonyms", "templates", "fallback", "sort", "fields"];

    public static ImmutableArray<CollectionConfig> Parse(
        YamlMapping? mapping, ImmutableArray<string> languages, FieldTypeCatalog fieldTypes, DiagnosticBag diagnostics)
    {
        if (mapping is null)
        {
            return [];
        }

        var collections = ImmutableArray.CreateBuilder<CollectionConfig>();
        var index = 0;
        foreach (var (key, value) in mapping.Entries)
        {
            index++;
            var name = key.Value;
            if (!Slug.IsValid(name))
            {
                diagnostics.Error(key.Location, $"collection name '{name}' must use {Slug.Rule}.");
                continue;
            }

            if (value is not YamlMapping map)
            {
                diagnostics.Error(value.Location, $"collection '{name}' must be a map with title and fields.");
                continue;
            }

            var context = $"collection '{name}'";
            var reader = new MappingReader(map, context, diagnostics);
            reader.RejectUnknownKeys(CollectionKeys);
            var title = SiteConfigLoader.ParseLocalized(reader.Node<YamlNode>("title", required: true), $"{name}.title", languages, diagnostics);
            var folder = reader.String("folder", required: false, fallback: name)!;
            if (!Slug.IsValid(folder))
            {
                diagnostics.Error(map["folder"]!.Location, $"folder '{folder}' must use {Slug.Rule}.");
            }

            var order = reader.Int("order", index);
            var fallback = reader.Bool("fallback", false);
            var inMenu = reader.Bool("menu", true);
            var inSearch = reader.Bool("search", true);

            var entityTemplate = "entity.html";
            var indexTemplate = "collection.html";
            if (reader.Node<YamlMapping>("templates", required: false) is { } templates)
            {
                var templatesReader = new MappingReader(templates, $"{context} templates", diagnostics);
                templatesReader.RejectUnknownKeys("entity", "index");
                entityTemplate = templatesReader.String("entity", required: false, fallback: entityTemplate)!;
                indexTemplate = templatesReader.String("index", required: false, fallback: indexTemplate)!;
            }

            var fields = FieldDeclarationLoader.Parse(reader.Node<YamlMapping>("fields", required: false), context, fieldTypes, diagnostics);

            var synonyms = reader.String("synonyms", required: false);
            if (synonyms is not null && fields.FirstOrDefault(f => f.Name == synonyms) is not { Type.Name: "texts" })
            {
                diagnostics.Error(map["synonyms"]!.Location,
                    $"synonyms: '{synonyms}' is not a field of type texts of '{name}'; name the texts field that lists the other ways of writing an entry's name, or remove synonyms.");
                synonyms = null;
            }

            var sort = reader.Node<YamlNode>("sort", required: false) is { } sortNode
                ? ParseSort(sortNode, context, fields, diagnostics)
                : CollectionSort.ByName;

            collections.Add(new CollectionConfig(name, folder, title, order, entityTemplate, indexTemplate, fallback, inMenu, sort,
                fields, key.Location) { InSearch = inSearch, Synonyms = synonyms });
        }

        var result = collections.ToImmutable();
        ValidateTargets(result, diagnostics);
        foreach (var group in result.GroupBy(c => c.Folder).Where(g => g.Count() > 1))
        {
            diagnostics.Error(group.Last().Location, $"collections {string.Join(" and ", group.Select(c => c.Name))} share the folder '{group.Key}'.");
        }

        return [.. result.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }
    /// <summary>
    /// <c>sort: {by: date}</c>, <c>sort: {by: [issued, start_year], order: descending, missing: first}</c>: the fields
    /// to sort by (the first an entity has), the direction, and where entities with none of them go. Ties by name.
    /// </summary>
    private static CollectionSort ParseSort(YamlNode node, string context, ImmutableArray<FieldDefinition> fields, DiagnosticBag diagnostics)
    {
        const string Example = "for example sort: {by: [issued, start_year], order: descending, missing: last}; without sort a collection lists by name";
        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location, $"{context}: sort must be a map ({Example}).");
            return CollectionSort.ByName;
        }

        var reader = new MappingReader(map, $"{context} sort", diagnostics);
        reader.RejectUnknownKeys("by", "order", "missing");
        var by = ImmutableArray.CreateBuilder<string>();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<YamlNode> items = map["by"] switch
        {
            YamlScalar scalar => [scalar],
            YamlSequence sequence => sequence.Items,
            null => [],
            var other => [other],
        };
        if (map["by"] is null)
        {
            diagnostics.Error(map.Location, $"{context}: sort needs 'by', the field or fields to sort by ({Example}).");
        }

        foreach (var item in items)
        {
            if (item is not YamlScalar { Value: var name } || name.Length == 0)
            {
                diagnostics.Error(item.Location, $"{context}: sort 'by' takes a field name or a list of field names ({Example}).");
                continue;
            }

            var field = fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                diagnostics.Error(item.Location, $"{context} sorts by '{name}', which is not one of its fields" +
                    (name == "name" ? " (the name is the order without sort, and breaks every tie)." : "."));
            }
            else if (!CollectionSort.SortableTypes.Contains(field.Type.Name))
            {
                diagnostics.Error(item.Location, $"{context} sorts by '{name}', of type {field.Type.Name}; sort by a field of type " +
                    $"{string.Join(", ", CollectionSort.SortableTypes)} (names sort without a sort setting).");
            }
            else if (by.Contains(name))
            {
                diagnostics.Error(item.Location, $"{context}: sort names '{name}' twice.");
            }
            else
            {
                by.Add(name);
                kinds.Add(field.Type.Name == "number" ? "number" : "date");
            }
        }

        if (kinds.Count > 1)
        {
            diagnostics.Error(map["by"]!.Location, $"{context}: sort mixes number fields with dates or years, which have no common order; sort by one kind.");
        }

        var order = reader.String("order", required: false, fallback: "ascending");
        if (order is not ("ascending" or "descending"))
        {
            diagnostics.Error(map["order"]!.Location, $"{context}: sort order must be 'ascending' or 'descending', not '{order}'.");
        }

        var missing = reader.String("missing", required: false, fallback: "last");
        if (missing is not ("first" or "last"))
        {
            diagnostics.Error(map["missing"]!.Location, $"{context}: sort missing must be 'first' or 'last' (where entities without any of the 'by' fields go), not '{missing}'.");
        }

        return new CollectionSort(by.ToImmutable(), order == "descending", missing == "first");
    }

    private static void ValidateTargets(ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        var names = collections.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in collections.SelectMany(c => c.Fields).Where(f => f.Type.Options == FieldOptions.Targets))
        {
            foreach (var target in field.Targets.Where(t => !names.Contains(t)))
            {
                diagnostics.Error(field.Location,
                    $"field '{field.Name}' points to collection '{target}', which site.yml does not declare.");
            }
        }
    }
}
