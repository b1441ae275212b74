using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>year</c>: a four-digit year.</summary>
public sealed class YearField : ScalarFieldType<YearValue>
{
    public override string Name => "year";

    public override FieldRoles Roles => FieldRoles.Date;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("a year like 2025", "2025");

    protected override YearValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (scalar.IsPlain && text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new YearValue(scalar.Location, year);
        }

        diagnostics.Error(scalar.Location, $"'{field.Name}' must be a four-digit year like 2025, not {YamlText.Describe(scalar)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1000);
        json.WriteNumber("maximum", 9999);
    }

    protected override void Write(Utf8JsonWriter json, YearValue value) => json.WriteNumberValue(value.Year);

    protected override string Cell(YearValue value, string? language) => value.Year.ToString(CultureInfo.InvariantCulture);

    protected override string Canonical(YearValue value) => value.Year.ToString(CultureInfo.InvariantCulture);

    protected override int Compare(YearValue x, YearValue y) => x.Year.CompareTo(y.Year);
}
