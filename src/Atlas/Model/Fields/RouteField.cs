using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// <c>route</c>: entities of the collection(s) named by <c>to:</c> in an order that means something, such as a
/// corridor's cities from one end to the other. A references list whose order is kept everywhere (page, export,
/// canonical form); at least two stops, none twice. Its stops get backlinks like any reference.
/// </summary>
public sealed class RouteField : ValueFieldType<ReferencesValue>
{
    public override string Name => "route";

    public override FieldOptions Options => FieldOptions.Targets;

    public override FieldRoles Roles => FieldRoles.Terms;

    public override bool IsReference => true;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => field.Targets.Length == 1
        ? new($"[slugs of {field.Targets[0]}, from first stop to last]", "[from-slug, via-slug, to-slug]")
        : new($"[collection/slug, ...] in {string.Join(", ", field.Targets)}, from first stop to last",
            $"[{field.Targets[0]}/from-slug, {field.Targets[0]}/to-slug]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        var items = FieldSyntax.ScalarList(field, node, singleAllowed: false, diagnostics);
        if (items is null || !FieldSyntax.NoDuplicates(field, items, diagnostics))
        {
            return null;
        }

        if (items.Count < 2)
        {
            diagnostics.Error(node.Location, $"'{field.Name}' is a route: list at least two stops, from first to last, like [a, b].");
            return null;
        }

        var stops = items.Select(i => FieldSyntax.Reference(field, i, diagnostics)).ToList();
        return stops.Any(t => t is null) ? null : new ReferencesValue(node.Location, [.. stops.Select(t => t!.Value)]);
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteString("description", "stops in order, from first to last");
        json.WriteStartObject("items");
        SchemaParts.Reference(json, field);
        json.WriteEndObject();
        json.WriteNumber("minItems", 2);
        json.WriteBoolean("uniqueItems", true);
    }

    protected override void Write(Utf8JsonWriter json, ReferencesValue value)
    {
        json.WriteStartArray();
        foreach (var stop in value.Targets)
        {
            json.WriteStringValue(stop.ToString());
        }

        json.WriteEndArray();
    }

    protected override string Cell(ReferencesValue value, string? language) => string.Join("; ", value.Targets);

    protected override string Canonical(ReferencesValue value) => string.Join(" > ", value.Targets);

    protected override int Compare(ReferencesValue x, ReferencesValue y) => FieldSyntax.Compare(x.Targets, y.Targets);
}
