using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>references</c>: a list of entities of the collection(s) named by <c>to:</c>, each at most once.</summary>
public sealed class ReferencesField : ValueFieldType<ReferencesValue>
{
    public override string Name => "references";

    public override FieldOptions Options => FieldOptions.Targets;

    public override FieldRoles Roles => FieldRoles.Terms;

    public override bool IsReference => true;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new(
        field.Targets.Length == 1 ? $"[slugs of {field.Targets[0]}]" : $"[collection/slug, ...] in {string.Join(", ", field.Targets)}",
        $"[{field.Targets[0]}-slug]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        // One reference written without brackets is still a list of one.
        var items = FieldSyntax.ScalarList(field, node, singleAllowed: true, diagnostics);
        if (items is null || !FieldSyntax.NoDuplicates(field, items, diagnostics))
        {
            return null;
        }

        var targets = items.Select(i => FieldSyntax.Reference(field, i, diagnostics)).ToList();
        return targets.Any(t => t is null) ? null : new ReferencesValue(node.Location, [.. targets.Select(t => t!.Value)]);
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        SchemaParts.Reference(json, field);
        json.WriteEndObject();
        json.WriteBoolean("uniqueItems", true);
    }

    protected override void Write(Utf8JsonWriter json, ReferencesValue value)
    {
        json.WriteStartArray();
        foreach (var target in value.Targets)
        {
            json.WriteStringValue(target.ToString());
        }

        json.WriteEndArray();
    }

    protected override string Cell(ReferencesValue value, string? language) => string.Join("; ", value.Targets);

    protected override string Canonical(ReferencesValue value) => string.Join("; ", value.Targets);

    protected override int Compare(ReferencesValue x, ReferencesValue y) => FieldSyntax.Compare(x.Targets, y.Targets);
}
