using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads and validates site.yml. The first stage of the flow: nothing else runs without a valid config.</summary>
public static partial class SiteConfigLoader
{
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    private static readonly string[] SiteKeys =
        ["title", "description", "base_url", "default_language", "output", "languages", "collections", "markdown", .. FeaturesConfigLoader.Keys];

    private static readonly string[] CollectionKeys =
        ["title", "folder", "order", "templates", "fallback", "sort", "fields"];

    private static readonly string[] FieldKeys = ["type", "required", "to", "values"];

    private static readonly Dictionary<string, FieldType> TypeNames = new(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text,
        ["localized"] = FieldType.Localized,
        ["number"] = FieldType.Number,
        ["date"] = FieldType.Date,
        ["year"] = FieldType.Year,
        ["coordinates"] = FieldType.Coordinates,
        ["enum"] = FieldType.Enum,
        ["tags"] = FieldType.Tags,
        ["unit"] = FieldType.Unit,
        ["url"] = FieldType.Url,
        ["boolean"] = FieldType.Boolean,
        ["reference"] = FieldType.Reference,
        ["references"] = FieldType.References,
    };

    public static SiteConfig? Load(string siteDirectory, DiagnosticBag diagnostics)
    {
        siteDirectory = Path.GetFullPath(siteDirectory);
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), SiteConfig.FileName, diagnostics, out var exists);
        if (!exists || file?.IsFolder == true)
        {
            diagnostics.Error(SourceLocation.File(SiteConfig.FileName),
                $"no {SiteConfig.FileName} in {siteDirectory}. Run the command in the site folder or pass --site DIR.");
            return null;
        }

        var text = file is null ? null : SourceText.Read(file, diagnostics);
        if (text is null || !YamlReader.TryRead(text, SiteConfig.FileName, diagnostics, out var root))
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(root?.Location ?? SourceLocation.File(SiteConfig.FileName),
                $"{SiteConfig.FileName} must be a map with title, base_url, languages and collections.");
            return null;
        }

        return Parse(siteDirectory, mapping, diagnostics);
    }

    private static SiteConfig? Parse(string siteDirectory, YamlMapping mapping, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var reader = new MappingReader(mapping, SiteConfig.FileName, diagnostics);
        reader.RejectUnknownKeys(SiteKeys);

        var languages = ParseLanguages(reader.Node<YamlSequence>("languages", required: true), diagnostics);
        var codes = languages.Select(l => l.Code).ToImmutableArray();

        var title = ParseLocalized(reader.Node<YamlNode>("title", required: true), "title", codes, diagnostics);
        var description = ParseLocalized(reader.Node<YamlNode>("description", required: false), "description", codes, diagnostics);

        var baseUrl = reader.String("base_url", required: true) ?? "https://example.org/";
        if (BaseUrlRule.Normalize(baseUrl, "base_url", out var baseUrlProblem) is { } normalized)
        {
            baseUrl = normalized;
        }
        else
        {
            diagnostics.Error(mapping["base_url"]?.Location ?? mapping.Location, baseUrlProblem);
            baseUrl = "https://example.org/";
        }

        var defaultLanguage = reader.String("default_language", required: true) ?? "";
        if (languages.Length > 0 && !codes.Contains(defaultLanguage))
        {
            diagnostics.Error(mapping["default_language"]?.Location ?? mapping.Location,
                $"default_language '{defaultLanguage}' is not one of the declared languages ({string.Join(", ", codes)}).");
        }

        var output = reader.String("output", required: false, fallback: "public")!;
        var collections = ParseCollections(reader.Node<YamlMapping>("collections", required: true), codes, diagnostics);
        var features = FeaturesConfigLoader.Parse(reader, codes, collections, diagnostics);
        var markdown = ParseMarkdown(reader.Node<YamlMapping>("markdown", required: false), diagnostics);

        var errorsAfter = diagnostics.ErrorCount;
        if (errorsAfter > errorsBefore)
        {
            return null;
        }

        return new SiteConfig(siteDirectory, title, description, baseUrl, defaultLanguage, languages, output, collections)
        {
            Features = features,
            Markdown = markdown,
        };
    }

    /// <summary><c>markdown: {allow_html: [sup, sub, kbd]}</c>: raw HTML tags that may pass, from a fixed safe set.</summary>
    private static MarkdownConfig ParseMarkdown(YamlMapping? mapping, DiagnosticBag diagnostics)
    {
        if (mapping is null)
        {
            return MarkdownConfig.Default;
        }

        var reader = new MappingReader(mapping, "markdown", diagnostics);
        reader.RejectUnknownKeys("allow_html");
        var tags = ImmutableArray.CreateBuilder<string>();
        foreach (var item in reader.Node<YamlSequence>("allow_html", required: false)?.Items ?? [])
        {
            if (item is not YamlScalar { IsNull: false } scalar)
            {
                diagnostics.Error(item.Location, $"each item of allow_html must be a tag name like sup, not {YamlText.Describe(item)}.");
            }
            else if (!MarkdownConfig.Allowable.Contains(scalar.Value))
            {
                diagnostics.Error(item.Location,
                    $"'{scalar.Value}' cannot be allowed in Markdown; allow_html takes only inline tags that do nothing without attributes: {string.Join(", ", MarkdownConfig.Allowable)}.");
            }
            else if (!tags.Contains(scalar.Value))
            {
                tags.Add(scalar.Value);
            }
        }

        return new MarkdownConfig(tags.ToImmutable());
    }

    private static ImmutableArray<LanguageConfig> ParseLanguages(YamlSequence? sequence, DiagnosticBag diagnostics)
    {
        if (sequence is null)
        {
            return [];
        }

        var languages = ImmutableArray.CreateBuilder<LanguageConfig>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping map)
            {
                diagnostics.Error(item.Location, "each language must be a map with code, locale and name.");
                continue;
            }

            var reader = new MappingReader(map, "a language", diagnostics);
            reader.RejectUnknownKeys("code", "locale", "name");
            var code = reader.String("code", required: true) ?? "";
            var locale = reader.String("locale", required: true) ?? code;
            var name = reader.String("name", required: true) ?? code;
            if (!LanguageCode().IsMatch(code))
            {
                diagnostics.Error(map["code"]?.Location ?? map.Location,
                    $"language code '{code}' must be a short lowercase code such as 'zh' or 'en'.");
                continue;
            }

            if (languages.Any(l => l.Code == code))
            {
                diagnostics.Error(map.Location, $"language '{code}' is declared twice; keep one.");
                continue;
            }

            languages.Add(new LanguageConfig(code, locale, name));
        }

        if (languages.Count == 0)
        {
            diagnostics.Error(sequence.Location, "declare at least one language.");
        }

        return languages.ToImmutable();
    }

    /// <summary>Reads a localized value declared in site.yml: a map with a text for every language.</summary>
    internal static LocalizedText ParseLocalized(YamlNode? node, string what, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        // Without languages (their own error is reported) every text would be "not a declared language": say nothing.
        if (node is null || languages.IsEmpty)
        {
            return LocalizedText.Empty;
        }

        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location,
                $"'{what}' must give a text per language, like {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}.");
            return LocalizedText.Empty;
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (!languages.Contains(key.Value))
            {
                diagnostics.Error(key.Location, $"'{key.Value}' in '{what}' is not a declared language ({string.Join(", ", languages)}).");
            }
            else if (value is YamlScalar scalar)
            {
                values.Add(new(key.Value, scalar.Value));
            }
            else
            {
                diagnostics.Error(value.Location, $"'{what}' in '{key.Value}' must be a text, not {value.Shape}.");
            }
        }

        foreach (var language in languages)
        {
            if (!values.Any(v => v.Key == language))
            {
                diagnostics.Error(map.Location, $"'{what}' has no '{language}' text; add {language}: ...");
            }
        }

        return LocalizedText.From(values);
    }

    private static ImmutableArray<CollectionConfig> ParseCollections(
        YamlMapping? mapping, ImmutableArray<string> languages, DiagnosticBag diagnostics)
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
            var title = ParseLocalized(reader.Node<YamlNode>("title", required: true), $"{name}.title", languages, diagnostics);
            var folder = reader.String("folder", required: false, fallback: name)!;
            if (!Slug.IsValid(folder))
            {
                diagnostics.Error(map["folder"]!.Location, $"folder '{folder}' must use {Slug.Rule}.");
            }

            var order = reader.Int("order", index);
            var fallback = reader.Bool("fallback", false);

            var entityTemplate = "entity.html";
            var indexTemplate = "collection.html";
            if (reader.Node<YamlMapping>("templates", required: false) is { } templates)
            {
                var templatesReader = new MappingReader(templates, $"{context} templates", diagnostics);
                templatesReader.RejectUnknownKeys("entity", "index");
                entityTemplate = templatesReader.String("entity", required: false, fallback: entityTemplate)!;
                indexTemplate = templatesReader.String("index", required: false, fallback: indexTemplate)!;
            }

            var fields = ParseFields(reader.Node<YamlMapping>("fields", required: false), context, diagnostics);

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

            collections.Add(new CollectionConfig(name, folder, title, order, entityTemplate, indexTemplate, fallback, sort,
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

    private static ImmutableArray<FieldDefinition> ParseFields(YamlMapping? mapping, string context, DiagnosticBag diagnostics)
    {
        var fields = ImmutableArray.CreateBuilder<FieldDefinition>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping?.Entries ?? [])
        {
            var name = key.Value;
            if (!FieldName().IsMatch(name))
            {
                diagnostics.Error(key.Location, $"field name '{name}' must be lowercase letters, digits and underscores.");
                continue;
            }

            if (value is not YamlMapping map)
            {
                diagnostics.Error(value.Location, $"field '{name}' of {context} must be a map like {{type: text}}.");
                continue;
            }

            var reader = new MappingReader(map, $"field '{name}'", diagnostics);
            reader.RejectUnknownKeys(FieldKeys);
            var typeName = reader.String("type", required: true) ?? "text";
            if (!TypeNames.TryGetValue(typeName, out var type))
            {
                diagnostics.Error(map["type"]?.Location ?? map.Location,
                    $"unknown field type '{typeName}'; use one of: {string.Join(", ", TypeNames.Keys)}.");
                continue;
            }

            var required = reader.Bool("required", false);
            var targets = ImmutableArray<string>.Empty;
            if (type is FieldType.Reference or FieldType.References)
            {
                targets = StringList(map["to"], diagnostics);
                if (targets.IsEmpty)
                {
                    diagnostics.Error(map.Location, $"reference field '{name}' needs 'to:' naming the collection(s) it points into.");
                }
            }
            else if (map["to"] is { } to)
            {
                diagnostics.Error(to.Location, $"'to' only applies to reference fields; '{name}' is {typeName}.");
            }

            var values = ImmutableArray<string>.Empty;
            if (type is FieldType.Enum or FieldType.Tags)
            {
                values = StringList(map["values"], diagnostics);
                if (values.IsEmpty)
                {
                    diagnostics.Error(map.Location, $"field '{name}' needs 'values:' listing what it may hold.");
                }

                foreach (var bad in values.Where(v => !Slug.IsValid(v)))
                {
                    diagnostics.Error(map["values"]!.Location, $"value '{bad}' of field '{name}' must use {Slug.Rule}.");
                }
            }

            if (CollectionConfig.BuiltInFields.Contains(name) && type != FieldType.Localized)
            {
                diagnostics.Error(key.Location, $"'{name}' is built in and always localized; remove it or declare it as {{type: localized}}.");
                continue;
            }

            declared.Add(name);
            fields.Add(new FieldDefinition(name, type, required, targets, values, key.Location));
        }

        // name and summary come first and are always required: every page needs a title and a description.
        var builtIns = CollectionConfig.BuiltInFields
            .Select(n => new FieldDefinition(n, FieldType.Localized, true, [], [], mapping?.Location ?? default));
        return [.. builtIns, .. fields.Where(f => !CollectionConfig.BuiltInFields.Contains(f.Name))];
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    private static ImmutableArray<string> StringList(YamlNode? node, DiagnosticBag diagnostics) => node switch
    {
        null => [],
        YamlScalar scalar => [scalar.Value],
        YamlSequence sequence => [.. sequence.Items.OfType<YamlScalar>().Select(s => s.Value)],
        _ => Invalid(node, diagnostics),
    };

    private static ImmutableArray<string> Invalid(YamlNode node, DiagnosticBag diagnostics)
    {
        diagnostics.Error(node.Location, $"expected a name or a list of names, not {node.Shape}.");
        return [];
    }

    private static void ValidateTargets(ImmutableArray<CollectionConfig> collections, DiagnosticBag diagnostics)
    {
        var names = collections.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var field in collections.SelectMany(c => c.Fields).Where(f => f.IsReference))
        {
            foreach (var target in field.Targets.Where(t => !names.Contains(t)))
            {
                diagnostics.Error(field.Location,
                    $"field '{field.Name}' points to collection '{target}', which site.yml does not declare.");
            }
        }
    }
}
