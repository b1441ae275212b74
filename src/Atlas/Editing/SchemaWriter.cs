using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Config;
using Atlas.Exports;

namespace Atlas.Editing;

/// <summary><c>atlas schema</c>: a JSON Schema per collection for the data files, for editors' YAML tooling.</summary>
public static class SchemaWriter
{
    /// <summary>The schema files (path relative to the site, content), in collection order.</summary>
    public static IEnumerable<(string Path, byte[] Content)> Schemas(SiteConfig config)
    {
        foreach (var collection in config.Collections)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                JsonSchemas.WriteSource(json, config, collection);
            }

            stream.WriteByte((byte)'\n');
            yield return ($"{EntityScaffolder.SchemaFolder}/{collection.Name}.schema.json", stream.ToArray());
        }
    }

    public static IReadOnlyList<string> Write(SiteConfig config)
    {
        var written = new List<string>();
        foreach (var (path, content) in Schemas(config))
        {
            var full = Path.Combine(config.SiteDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            written.Add(path);
        }

        return written;
    }
}
