using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>date</c>: YYYY-MM-DD, YYYY-MM or YYYY, since sources often give only a month or a year.</summary>
public sealed class DateField : ScalarFieldType<DateValue>
{
    public override string Name => "date";

    public override FieldRoles Roles => FieldRoles.Date;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("YYYY-MM-DD, YYYY-MM or YYYY", "2021-12-14");

    protected override DateValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        switch (PartialDate.Problem(text, out var date))
        {
            case null:
                return new DateValue(scalar.Location, date);
            case "":
                diagnostics.Error(scalar.Location, $"'{field.Name}' must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not {YamlText.Describe(scalar)}.");
                return null;
            case var impossible:
                diagnostics.Error(scalar.Location, $"'{field.Name}' is not a real date: {impossible}; write the date as YYYY-MM-DD, YYYY-MM or YYYY.");
                return null;
        }
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "string");
        json.WriteString("pattern", @"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$");
    }

    protected override void Write(Utf8JsonWriter json, DateValue value) => json.WriteStringValue(value.Date.ToString());

    protected override string Cell(DateValue value, string? language) => value.Date.ToString();

    protected override string Canonical(DateValue value) => value.Date.ToString();

    protected override int Compare(DateValue x, DateValue y) => x.Date.CompareTo(y.Date);
}
