using System.Collections.Immutable;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads the <c>collections:</c> of site.yml: each collection's title, folder, order, templates and sort.</summary>
internal static class CollectionConfigLoader
{
    private static readonly string[] CollectionKeys =
        ["title", "folder", "order", "menu", "templates", "fallback", "sort", "fields"];

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

            CollectionSort? sort = null;
            if (reader.Node<YamlMapping>("sort", required: false) is { } sortMap)
            {
                var sortReader = new MappingReader(sortMap, $"{context} sort", diagnostics);
                sortReader.RejectUnknownKeys("field", "order");
                var field = sortReader.String("field", required: true) ?? "name";
                var direction = sortReader.String("order", required: false, fallback: "ascending");
                if (direction is not ("ascending" or "descending"))
                {
                    diagnostics.Error(sortMap["order"]!.Location, "sort order must be 'ascending' or 'descending'.");
                }

                if (!CollectionConfig.BuiltInFields.Contains(field) && fields.All(f => f.Name != field))
                {
                    diagnostics.Error(sortMap.Location, $"{context} sorts by '{field}', which is not one of its fields.");
                }

                sort = new CollectionSort(field, direction == "descending");
            }

            collections.Add(new CollectionConfig(name, folder, title, order, entityTemplate, indexTemplate, fallback, inMenu, sort,
                fields, key.Location));
        }

        var result = collections.ToImmutable();
        ValidateTargets(result, diagnostics);
        foreach (var group in result.GroupBy(c => c.Folder).Where(g => g.Count() > 1))
        {
            diagnostics.Error(group.Last().Location, $"collections {string.Join(" and ", group.Select(c => c.Name))} share the folder '{group.Key}'.");
        }

        return [.. result.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)];
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
