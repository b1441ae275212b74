using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;

namespace Atlas.Model.Fields;

/// <summary>
/// <c>route</c>: entities of the collection(s) named by <c>to:</c> in an order that means something, such as a
/// corridor's cities from one end to the other. A references list whose order is kept everywhere (page, export,
/// canonical form); at least two stops, none twice. Its stops get backlinks like any reference.
/// </summary>
public sealed class RouteField : ReferenceListField
{
    public override string Name => "route";

    protected override bool SingleAllowed => false;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => field.Targets.Length == 1
        ? new($"[slugs of {field.Targets[0]}, from first stop to last]", "[from-slug, via-slug, to-slug]")
        : new($"[collection/slug, ...] in {string.Join(", ", field.Targets)}, from first stop to last",
            $"[{field.Targets[0]}/from-slug, {field.Targets[0]}/to-slug]");

    protected override string? TooFew(FieldDefinition field, int count) =>
        count < 2 ? $"'{field.Name}' is a route: list at least two stops, from first to last, like [a, b]." : null;

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

    protected override string Canonical(ReferencesValue value) => string.Join(" > ", value.Targets);
}
