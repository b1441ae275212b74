using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>text</c>: one text shared by all languages.</summary>
public sealed class TextField : ScalarFieldType<TextValue>
{
    public override string Name => "text";

    public override FieldRoles Roles => FieldRoles.Label;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("text", "...");

    protected override TextValue Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics) =>
        new(scalar.Location, text);

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context) => json.WriteString("type", "string");

    protected override void Write(Utf8JsonWriter json, TextValue value) => json.WriteStringValue(value.Text);

    protected override string Cell(TextValue value, string? language) => value.Text;

    protected override string Canonical(TextValue value) => value.Text;

    protected override int Compare(TextValue x, TextValue y) => string.CompareOrdinal(x.Text, y.Text);
}
