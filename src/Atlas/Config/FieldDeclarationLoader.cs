using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads the <c>fields:</c> of a collection in site.yml: each field's type, whether it is required, and its <c>to:</c> or <c>values:</c>.</summary>
internal static partial class FieldDeclarationLoader
{
    private static readonly string[] FieldKeys = ["type", "required", "to", "values"];

    public static ImmutableArray<FieldDefinition> Parse(YamlMapping? mapping, string context, FieldTypeCatalog fieldTypes, DiagnosticBag diagnostics)
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
            if (fieldTypes.Find(typeName) is not { } type)
            {
                diagnostics.Error(map["type"]?.Location ?? map.Location,
                    $"unknown field type '{typeName}'; use one of: {string.Join(", ", fieldTypes.All.Select(t => t.Name))}.");
                continue;
            }

            var required = reader.Bool("required", false);
            var targets = ImmutableArray<string>.Empty;
            if (type.Options == FieldOptions.Targets)
            {
                targets = StringList(map["to"], diagnostics);
                if (targets.IsEmpty)
                {
                    diagnostics.Error(map.Location, $"{(type.IsReference ? "reference " : "")}field '{name}' needs 'to:' naming the collection(s) it points into.");
                }
            }
            else if (map["to"] is { } to)
            {
                diagnostics.Error(to.Location, $"'to' only applies to reference fields; '{name}' is {typeName}.");
            }

            var values = ImmutableArray<string>.Empty;
            if (type.Options == FieldOptions.Values)
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

            if (CollectionConfig.BuiltInFields.Contains(name) && !type.IsLocalized)
            {
                diagnostics.Error(key.Location, $"'{name}' is built in and always localized; remove it or declare it as {{type: localized}}.");
                continue;
            }

            declared.Add(name);
            fields.Add(new FieldDefinition(name, type, required, targets, values, key.Location));
        }

        // name and summary come first and are always required: every page needs a title and a description.
        var builtIns = CollectionConfig.BuiltInFields
            .Select(n => new FieldDefinition(n, fieldTypes.Localized, true, [], [], mapping?.Location ?? default));
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

}
