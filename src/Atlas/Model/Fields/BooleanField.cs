using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>boolean</c>: true or false, shown in words from the i18n bundles.</summary>
public sealed class BooleanField : ScalarFieldType<BooleanValue>
{
    public override string Name => "boolean";

    public override FieldRoles Roles => FieldRoles.Flag;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("true or false", "true");

    public override IEnumerable<string> UiStrings(FieldDefinition field) => ["boolean.true", "boolean.false"];

    protected override BooleanValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (scalar.IsPlain && text is "true" or "false")
        {
            return new BooleanValue(scalar.Location, text == "true");
        }

        diagnostics.Error(scalar.Location, $"'{field.Name}' must be true or false, not {YamlText.Describe(scalar)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => json.WriteString("type", "boolean");

    protected override void Write(Utf8JsonWriter json, BooleanValue value) => json.WriteBooleanValue(value.Value);

    protected override string Cell(BooleanValue value, string? language) => value.Value ? "true" : "false";

    protected override string Canonical(BooleanValue value) => value.Value ? "true" : "false";

    protected override int Compare(BooleanValue x, BooleanValue y) => x.Value.CompareTo(y.Value);
}
