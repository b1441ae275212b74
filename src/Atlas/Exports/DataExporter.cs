using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Config;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Model.Fields;

namespace Atlas.Exports;

/// <summary>
/// The atlas as open data: /data/&lt;collection&gt;.json and .csv for every collection, /data/atlas.geojson for
/// everything with coordinates, and a JSON Schema per collection describing the JSON. Ids are the page ids
/// (collection/slug) and each record carries its page URL per language.
/// </summary>
public static class DataExporter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable; still valid JSON
    };

    public static IEnumerable<GeneratedFile> Export(SiteModel model)
    {
        foreach (var collection in model.Config.Collections)
        {
            var entities = model.Collections[collection.Name];
            yield return new GeneratedFile($"data/{collection.Name}.json", Json(json => WriteCollection(json, model.Config, collection, entities)));
            yield return new GeneratedFile($"data/{collection.Name}.csv", Csv(model.Config, collection, entities));
            yield return new GeneratedFile($"data/schema/{collection.Name}.schema.json", Json(json => JsonSchemas.Write(json, model.Config, collection)));
        }

        yield return new GeneratedFile("data/atlas.geojson", Json(json => WriteGeoJson(json, model)));
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            write(json);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteCollection(Utf8JsonWriter json, SiteConfig config, CollectionConfig collection, IEnumerable<Entity> entities)
    {
        json.WriteStartArray();
        foreach (var entity in entities)
        {
            json.WriteStartObject();
            json.WriteString("id", entity.Id.ToString());
            json.WriteString("slug", entity.Slug);
            json.WriteStartObject("url");
            foreach (var language in config.Languages)
            {
                json.WriteString(language.Code, config.BaseUrl + SiteUrls.EntityPath(language.Code, entity));
            }

            json.WriteEndObject();
            foreach (var field in collection.Fields)
            {
                if (entity.Field(field.Name) is { } value)
                {
                    json.WritePropertyName(field.Name);
                    FieldTypes.Of(field).WriteJson(json, value);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static byte[] Csv(SiteConfig config, CollectionConfig collection, IEnumerable<Entity> entities)
    {
        var columns = new List<(string Header, FieldDefinition Field, string? Language)>();
        foreach (var field in collection.Fields)
        {
            if (field.IsLocalized)
            {
                columns.AddRange(config.Languages.Select(l => ($"{field.Name}.{l.Code}", field, (string?)l.Code)));
            }
            else
            {
                columns.Add((field.Name, field, null));
            }
        }

        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "id" }.Concat(columns.Select(c => c.Header)).Select(Quote)).Append("\r\n");
        foreach (var entity in entities)
        {
            var cells = columns.Select(c => entity.Field(c.Field.Name) is { } value ? FieldTypes.Of(c.Field).Cell(value, c.Language) : "");
            csv.AppendJoin(',', new[] { entity.Id.ToString() }.Concat(cells).Select(Quote)).Append("\r\n");
        }

        // A BOM so that spreadsheet programs open the Chinese text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote.</summary>
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    private static void WriteGeoJson(Utf8JsonWriter json, SiteModel model)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var entity in model.Entities)
        {
            if (entity.Fields.Values.OfType<CoordinatesValue>().FirstOrDefault() is not { } point)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", entity.Id.ToString());
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(point.Longitude);
            json.WriteNumberValue(point.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("id", entity.Id.ToString());
            json.WriteString("collection", entity.Collection.Name);
            foreach (var language in model.Config.Languages)
            {
                json.WriteString($"name_{language.Code}", entity.Name[language.Code]);
                json.WriteString($"url_{language.Code}", model.Config.BaseUrl + SiteUrls.EntityPath(language.Code, entity));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
