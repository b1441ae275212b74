using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>url</c>: an absolute http(s) address.</summary>
public sealed class UrlField : ScalarFieldType<UrlValue>
{
    public override string Name => "url";

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new("https://...", "https://example.org/page");

    protected override UrlValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return new UrlValue(scalar.Location, uri.AbsoluteUri);
        }

        diagnostics.Error(scalar.Location, $"'{field.Name}' must be an absolute http:// or https:// address, not {YamlText.Describe(scalar)}.");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "string");
        json.WriteString("pattern", "^https?://");
    }

    protected override void Write(Utf8JsonWriter json, UrlValue value) => json.WriteStringValue(value.Url);

    protected override string Cell(UrlValue value, string? language) => value.Url;

    protected override string Canonical(UrlValue value) => value.Url;

    protected override int Compare(UrlValue x, UrlValue y) => string.CompareOrdinal(x.Url, y.Url);
}
