using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>unit</c>: such as 亿元 or 万辆, an optional Chinese magnitude (万, 亿, 万亿) and a base unit.</summary>
public sealed class UnitField : ScalarFieldType<UnitValue>
{
    public override string Name => "unit";

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("a unit such as 亿元 or 万辆", "亿元");

    protected override UnitValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (text.Length is > 0 and <= 16 && !text.Any(char.IsWhiteSpace) && !text.Any(char.IsDigit))
        {
            return new UnitValue(scalar.Location, Unit.Parse(text));
        }

        diagnostics.Error(scalar.Location, $"'{field.Name}' must be a unit such as 亿元, 万辆 or %, not {YamlText.Describe(scalar)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => json.WriteString("type", "string");

    protected override void Write(Utf8JsonWriter json, UnitValue value) => json.WriteStringValue(value.Unit.Text);

    protected override string Cell(UnitValue value, string? language) => value.Unit.Text;

    protected override string Canonical(UnitValue value) => value.Unit.Text;

    protected override int Compare(UnitValue x, UnitValue y) => string.CompareOrdinal(x.Unit.Text, y.Unit.Text);
}
