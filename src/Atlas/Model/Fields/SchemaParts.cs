using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;

namespace Atlas.Model.Fields;

/// <summary>JSON Schema pieces that several field types (and the exported records around them) share.</summary>
public static class SchemaParts
{
    public static void Reference(Utf8JsonWriter json, FieldDefinition field)
    {
        json.WriteString("type", "string");
        json.WriteString("description", $"an entity of {string.Join(" or ", field.Targets)}");
        json.WriteString("pattern", $"^(({string.Join("|", field.Targets)})/)?[a-z0-9]+(-[a-z0-9]+)*$");
    }

    public static void Enum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>An object with a text per language, in <paramref name="format"/> if given.</summary>
    public static void Localized(Utf8JsonWriter json, ImmutableArray<string> languages, string? format, bool requireAll)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var language in languages)
        {
            json.WriteStartObject(language);
            json.WriteString("type", "string");
            if (format is not null)
            {
                json.WriteString("format", format);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (requireAll)
        {
            Required(json, languages);
        }

        json.WriteBoolean("additionalProperties", false);
    }

    public static void Required(Utf8JsonWriter json, IEnumerable<string> names)
    {
        json.WriteStartArray("required");
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }
}
