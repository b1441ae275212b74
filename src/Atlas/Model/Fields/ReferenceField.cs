using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>reference</c>: one entity of the collection(s) named by <c>to:</c>; exported as one id, not a list of one.</summary>
public sealed class ReferenceField : ScalarFieldType<ReferencesValue>
{
    public override string Name => "reference";

    public override FieldOptions Options => FieldOptions.Targets;

    public override FieldRoles Roles => FieldRoles.Terms;

    public override bool IsReference => true;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new(FieldSyntax.ReferenceShape(field), field.Targets.Length == 1 ? "slug" : "collection/slug");

    protected override ReferencesValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics) =>
        FieldSyntax.Reference(field, scalar, diagnostics) is { } target ? new ReferencesValue(scalar.Location, [target]) : null;

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => SchemaParts.Reference(json, field);

    protected override void Write(Utf8JsonWriter json, ReferencesValue value) => json.WriteStringValue(value.Targets[0].ToString());

    protected override string Cell(ReferencesValue value, string? language) => string.Join("; ", value.Targets);

    protected override string Canonical(ReferencesValue value) => string.Join("; ", value.Targets);

    protected override int Compare(ReferencesValue x, ReferencesValue y) => FieldSyntax.Compare(x.Targets, y.Targets);
}
