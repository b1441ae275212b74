using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>tags</c>: a list of the declared <c>values:</c>, each at most once.</summary>
public sealed class TagsField : ValueFieldType<TagsValue>
{
    public override string Name => "tags";

    public override FieldOptions Options => FieldOptions.Values;

    public override FieldRoles Roles => FieldRoles.Terms;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("a list of " + string.Join(", ", field.Values), $"[{field.Values[0]}]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        var items = FieldSyntax.ScalarList(field, node, singleAllowed: false, diagnostics);
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var item in items.Where(i => !field.Values.Contains(i.Value)))
        {
            diagnostics.Error(item.Location, $"'{item.Value}' is not allowed in '{field.Name}'; use one of: {string.Join(", ", field.Values)}.");
            ok = false;
        }

        ok &= FieldSyntax.NoDuplicates(field, items, diagnostics);
        return ok ? new TagsValue(node.Location, [.. items.Select(i => i.Value)]) : null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        SchemaParts.Enum(json, field.Values);
        json.WriteEndObject();
        json.WriteBoolean("uniqueItems", true);
    }

    protected override void Write(Utf8JsonWriter json, TagsValue value)
    {
        json.WriteStartArray();
        foreach (var tag in value.Values)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
    }

    protected override string Cell(TagsValue value, string? language) => string.Join("; ", value.Values);

    protected override string Canonical(TagsValue value) => string.Join("; ", value.Values);

    protected override int Compare(TagsValue x, TagsValue y) => string.CompareOrdinal(Canonical(x), Canonical(y));
}
