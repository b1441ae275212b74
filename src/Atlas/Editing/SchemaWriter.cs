using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Exports;
using Atlas.Sources;

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

    /// <summary>
    /// Writes the schemas into .atlas/schemas/ of the site. Refused, with a diagnostic and nothing written, when a
    /// part of that path is a symbolic link or not a folder: a committed <c>.atlas</c> link must not make the command
    /// write anywhere else. Each file is written beside its place and renamed over it, which replaces a link there
    /// instead of writing through it.
    /// </summary>
    public static IReadOnlyList<string> Write(SiteConfig config, DiagnosticBag diagnostics)
    {
        var written = new List<string>();
        var folder = SourcePolicy.WritableFolder(SourcePolicy.Site(config.SiteDirectory), EntityScaffolder.SchemaFolder, diagnostics);
        if (folder is null)
        {
            return written;
        }

        Directory.CreateDirectory(folder);
        foreach (var (path, content) in Schemas(config))
        {
            var full = Path.Join(folder, Path.GetFileName(path));
            var temporary = full + ".atlas-tmp";
            File.Delete(temporary); // a link left there would otherwise be written through
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
