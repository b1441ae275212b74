using System.Text.Json;
using Atlas.Config;
using Atlas.Model.Fields;

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
        SchemaParts.Localized(json, [.. config.Languages.Select(l => l.Code)], "uri", requireAll: true);
        json.WriteEndObject();
        foreach (var field in collection.Fields)
        {
            json.WriteStartObject(field.Name);
            FieldSchema(json, config, field, exported: true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        SchemaParts.Required(json, ["id", "slug", "url", .. collection.Fields.Where(f => f.Required).Select(f => f.Name)]);
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
        SchemaParts.Required(json, [.. collection.Fields.Where(f => f.Required && !f.IsLocalized).Select(f => f.Name)]);
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }

    private static void FieldSchema(Utf8JsonWriter json, SiteConfig config, FieldDefinition field, bool exported) =>
        FieldTypes.Of(field).WriteSchema(json, field, new SchemaContext([.. config.Languages.Select(l => l.Code)], exported));
}
