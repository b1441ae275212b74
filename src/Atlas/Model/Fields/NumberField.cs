using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>number</c>: kept as decimal so that 81986.67 prints as written. With a unit field beside it, a quantity.</summary>
public sealed class NumberField : ScalarFieldType<NumberValue>
{
    public override string Name => "number";

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("a number", "123.4");

    protected override NumberValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (scalar.IsPlain && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return new NumberValue(scalar.Location, number);
        }

        diagnostics.Error(scalar.Location, $"'{field.Name}' must be a number like 81986.67 (no thousands separators, no unit), not {YamlText.Describe(scalar)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => json.WriteString("type", "number");

    protected override void Write(Utf8JsonWriter json, NumberValue value) => json.WriteNumberValue(value.Number);

    protected override string Cell(NumberValue value, string? language) => value.Number.ToString(CultureInfo.InvariantCulture);

    protected override string Canonical(NumberValue value) => value.Number.ToString(CultureInfo.InvariantCulture);

    protected override int Compare(NumberValue x, NumberValue y) => x.Number.CompareTo(y.Number);
}
