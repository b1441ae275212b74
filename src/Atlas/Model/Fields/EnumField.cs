using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>enum</c>: one of the declared <c>values:</c>; its label in each language comes from the i18n bundles.</summary>
public sealed class EnumField : ScalarFieldType<EnumValue>
{
    public override string Name => "enum";

    public override FieldOptions Options => FieldOptions.Values;

    public override FieldRoles Roles => FieldRoles.Terms;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("one of " + string.Join(", ", field.Values), field.Values[0]);

    protected override EnumValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (field.Values.Contains(text))
        {
            return new EnumValue(scalar.Location, text);
        }

        diagnostics.Error(scalar.Location, $"'{text}' is not allowed in '{field.Name}'; use one of: {string.Join(", ", field.Values)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => SchemaParts.Enum(json, field.Values);

    protected override void Write(Utf8JsonWriter json, EnumValue value) => json.WriteStringValue(value.Value);

    protected override string Cell(EnumValue value, string? language) => value.Value;

    protected override string Canonical(EnumValue value) => value.Value;

    protected override int Compare(EnumValue x, EnumValue y) => string.CompareOrdinal(x.Value, y.Value);
}
