using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// <c>texts</c>: a list of plain texts shared by all languages, each non-empty and listed once, in the order written
/// (the English alternatives a glossary entry replaces: <c>[Shidai Changan, Times Chang'an]</c>).
/// </summary>
public sealed class TextsField : ValueFieldType<TextsValue>
{
    public override string Name => "texts";

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("a list of texts", "[first text, second text]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        var items = FieldSyntax.ScalarList(field, node, singleAllowed: false, diagnostics);
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var item in items.Where(i => string.IsNullOrWhiteSpace(i.Value)))
        {
            diagnostics.Error(item.Location, $"an item of '{field.Name}' is empty; write a text or remove the item.");
            ok = false;
        }

        ok &= FieldSyntax.NoDuplicates(field, items, diagnostics);
        return ok ? new TextsValue(node.Location, [.. items.Select(i => i.Value.Trim())]) : null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteNumber("minLength", 1);
        json.WriteEndObject();
        json.WriteBoolean("uniqueItems", true);
    }

    protected override void Write(Utf8JsonWriter json, TextsValue value)
    {
        json.WriteStartArray();
        foreach (var text in value.Values)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }

    protected override string Cell(TextsValue value, string? language) => string.Join("; ", value.Values);

    protected override string Canonical(TextsValue value) => string.Join("\u0001", value.Values);

    protected override int Compare(TextsValue x, TextsValue y) => string.CompareOrdinal(Canonical(x), Canonical(y));
}
