using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>localized</c>: a text per language; front matter may set or override its own language's.</summary>
public sealed class LocalizedField : ValueFieldType<LocalizedValue>
{
    public override string Name => "localized";

    public override bool IsLocalized => true;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("a text per language", "{" + string.Join(", ", languages.Select(l => l + ": ...")) + "}");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location,
                $"'{field.Name}' differs per language: write it as {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}, not {node.Shape}.");
            return null;
        }

        var ok = true;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (!languages.Contains(key.Value))
            {
                diagnostics.Error(key.Location, $"'{key.Value}' is not a language of the site ({string.Join(", ", languages)}).");
                ok = false;
            }
            else if (value is not YamlScalar scalar)
            {
                diagnostics.Error(value.Location, $"the '{key.Value}' text of '{field.Name}' must be a text, not {value.Shape}.");
                ok = false;
            }
            else if (!scalar.IsNull)
            {
                values.Add(new(key.Value, scalar.Value.Trim()));
            }
        }

        return ok ? new LocalizedValue(node.Location, LocalizedText.From(values)) : null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) =>
        SchemaParts.Localized(json, context.Languages, null, requireAll: context.Exported);

    protected override void Write(Utf8JsonWriter json, LocalizedValue value)
    {
        json.WriteStartObject();
        foreach (var (language, text) in value.Text.Values)
        {
            json.WriteString(language, text);
        }

        json.WriteEndObject();
    }

    protected override string Cell(LocalizedValue value, string? language) => value.Text[language ?? ""];

    protected override string Canonical(LocalizedValue value) =>
        string.Concat(value.Text.Values.Select(p => $"{p.Key}\u0002{p.Value}\u0003"));

    protected override int Compare(LocalizedValue x, LocalizedValue y) => string.CompareOrdinal(Canonical(x), Canonical(y));
}
