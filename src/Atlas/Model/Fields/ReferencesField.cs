using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;

namespace Atlas.Model.Fields;

/// <summary><c>references</c>: a list of entities of the collection(s) named by <c>to:</c>, each at most once.</summary>
public sealed class ReferencesField : ReferenceListField
{
    public override string Name => "references";

    /// <summary>One reference written without brackets is still a list of one.</summary>
    protected override bool SingleAllowed => true;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new(
        field.Targets.Length == 1 ? $"[slugs of {field.Targets[0]}]" : $"[collection/slug, ...] in {string.Join(", ", field.Targets)}",
        $"[{field.Targets[0]}-slug]");

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        SchemaParts.Reference(json, field);
        json.WriteEndObject();
        json.WriteBoolean("uniqueItems", true);
    }

    protected override string Canonical(ReferencesValue value) => string.Join("; ", value.Targets);
}
