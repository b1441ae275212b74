using System.Text.Json;
using Atlas.Config;

namespace Atlas.Exports;

/// <summary>
/// JSON Schemas derived from site.yml. <see cref="Write"/> describes the exported data (/data/x.json);
/// <see cref="WriteSource"/> describes the editor's data file (content/x/slug.yml) for YAML tooling.
/// </summary>
public static class JsonSchemas
{
    public static void Write(Utf8JsonWriter json, SiteConfig config, CollectionConfig collection)
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("$id", $"{config.BaseUrl}data/schema/{collection.Name}.schema.json");
        json.WriteString("title", $"{collection.Title[config.DefaultLanguage]} / {collection.Name}");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("id");
        json.WriteString("type", "string");
        json.WriteString("pattern", $"^{collection.Name}/[a-z0-9]+(-[a-z0-9]+)*$");
        json.WriteEndObject();
        json.WriteStartObject("slug");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("url");
        Localized(json, config, "uri");
        json.WriteEndObject();
        foreach (var field in collection.Fields)
        {
            json.WriteStartObject(field.Name);
            FieldSchema(json, config, field, exported: true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        Required(json, ["id", "slug", "url", .. collection.Fields.Where(f => f.Required).Select(f => f.Name)]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteSource(Utf8JsonWriter json, SiteConfig config, CollectionConfig collection)
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("title", $"content/{collection.Folder}/<slug>.yml");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var field in collection.Fields)
        {
            json.WriteStartObject(field.Name);
            FieldSchema(json, config, field, exported: false);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        // name and summary may come from front matter, so the data file itself requires only the shared fields.
        Required(json, [.. collection.Fields.Where(f => f.Required && !f.IsLocalized).Select(f => f.Name)]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }

    private static void FieldSchema(Utf8JsonWriter json, SiteConfig config, FieldDefinition field, bool exported)
    {
        switch (field.Type)
        {
            case FieldType.Localized:
                Localized(json, config, null, requireAll: exported);
                break;
            case FieldType.Number:
                json.WriteString("type", "number");
                break;
            case FieldType.Year:
                json.WriteString("type", "integer");
                json.WriteNumber("minimum", 1000);
                json.WriteNumber("maximum", 9999);
                break;
            case FieldType.Date:
                json.WriteString("type", exported ? "string" : "string");
                json.WriteString("pattern", @"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$");
                break;
            case FieldType.Coordinates:
                json.WriteString("type", "array");
                json.WriteStartArray("prefixItems");
                json.WriteStartObject();
                json.WriteString("type", "number");
                json.WriteNumber("minimum", -180);
                json.WriteNumber("maximum", 180);
                json.WriteString("description", "longitude");
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("type", "number");
                json.WriteNumber("minimum", -90);
                json.WriteNumber("maximum", 90);
                json.WriteString("description", "latitude");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteNumber("minItems", 2);
                json.WriteNumber("maxItems", 2);
                break;
            case FieldType.Enum:
                Enum(json, field);
                break;
            case FieldType.Tags:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                Enum(json, field);
                json.WriteEndObject();
                json.WriteBoolean("uniqueItems", true);
                break;
            case FieldType.Boolean:
                json.WriteString("type", "boolean");
                break;
            case FieldType.Url:
                json.WriteString("type", "string");
                json.WriteString("pattern", "^https?://");
                break;
            case FieldType.Reference when exported:
                Reference(json, field);
                break;
            case FieldType.Reference:
                Reference(json, field);
                break;
            case FieldType.References:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                Reference(json, field);
                json.WriteEndObject();
                json.WriteBoolean("uniqueItems", true);
                break;
            default:
                json.WriteString("type", "string");
                break;
        }
    }

    private static void Reference(Utf8JsonWriter json, FieldDefinition field)
    {
        json.WriteString("type", "string");
        json.WriteString("description", $"an entity of {string.Join(" or ", field.Targets)}");
        json.WriteString("pattern", $"^(({string.Join("|", field.Targets)})/)?[a-z0-9]+(-[a-z0-9]+)*$");
    }

    private static void Enum(Utf8JsonWriter json, FieldDefinition field)
    {
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var value in field.Values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Localized(Utf8JsonWriter json, SiteConfig config, string? format, bool requireAll = true)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var language in config.Languages)
        {
            json.WriteStartObject(language.Code);
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
            Required(json, [.. config.Languages.Select(l => l.Code)]);
        }

        json.WriteBoolean("additionalProperties", false);
    }

    private static void Required(Utf8JsonWriter json, IEnumerable<string> names)
    {
        json.WriteStartArray("required");
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
    }
}
