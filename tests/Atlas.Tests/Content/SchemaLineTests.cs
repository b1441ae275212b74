using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Editing;
using Atlas.Model.Fields;
using Atlas.Tests.Support;

namespace Atlas.Tests.Content;

/// <summary>
/// Every data file starts with the yaml-language-server line pointing at its own collection's schema, as
/// <c>atlas new</c> writes it: an editor opening any file in VS Code gets completion and validation, not only in new ones.
/// </summary>
public sealed class SchemaLineTests
{
    /// <summary>Each data file of the site whose first line is not its collection's schema line, with what it has.</summary>
    private static List<string> FilesWithoutTheirSchemaLine(string siteDirectory)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(siteDirectory, FieldTypes.Catalog, diagnostics);
        Assert.True(config is not null, string.Join("\n", diagnostics.ToSortedList()));
        var wrong = new List<string>();
        foreach (var collection in config!.Collections)
        {
            var folder = Path.Combine(siteDirectory, SiteConfig.ContentFolder, collection.Folder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var expected = EntityScaffolder.SchemaLine(collection);
            foreach (var file in Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal))
            {
                var first = File.ReadLines(file).FirstOrDefault() ?? "";
                if (first != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(siteDirectory, file).Replace('\\', '/')}: first line is '{first}', expected '{expected}'");
                }
            }
        }

        return wrong;
    }

    [Fact]
    public void Every_data_file_of_the_atlas_starts_with_its_collections_schema_line()
    {
        var wrong = FilesWithoutTheirSchemaLine(Repository.Root);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_schema_a_data_file_points_at_is_committed()
    {
        foreach (var line in Directory.GetFiles(Path.Combine(Repository.Root, SiteConfig.ContentFolder), "*.yml", SearchOption.AllDirectories)
                     .Select(f => File.ReadLines(f).First()).Distinct())
        {
            var schema = line[(line.IndexOf("$schema=../../", StringComparison.Ordinal) + "$schema=../../".Length)..];
            Assert.True(File.Exists(Path.Combine(Repository.Root, schema)), $"{line}: no such schema");
        }
    }

    [Fact]
    public void Vscode_settings_map_every_collections_schema_onto_its_folder()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Repository.Root, FieldTypes.Catalog, diagnostics)!;
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".vscode/settings.json")),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        var mapped = settings.RootElement.GetProperty("yaml.schemas").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        foreach (var collection in config.Collections)
        {
            var schema = $"./{EntityScaffolder.SchemaFolder}/{collection.Name}.schema.json";
            Assert.True(mapped.TryGetValue(schema, out var glob), $".vscode/settings.json maps no files onto {schema}");
            Assert.Equal($"{SiteConfig.ContentFolder}/{collection.Folder}/*.yml", glob);
        }

        using var extensions = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, ".vscode/extensions.json")),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
        Assert.Contains("redhat.vscode-yaml", extensions.RootElement.GetProperty("recommendations").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_missing_line_and_another_collections_line_are_both_named()
    {
        using var site = TestSite.Minimal();
        var cities = Directory.GetFiles(Path.Combine(site.Directory, "content", "cities"), "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.True(cities.Length >= 1);
        var parks = Directory.GetFiles(Path.Combine(site.Directory, "content", "parks"), "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.True(parks.Length >= 1);

        // The minimal site's files have no line at all; give the park a line for another collection.
        var park = File.ReadAllText(parks[0]);
        File.WriteAllText(parks[0], "# yaml-language-server: $schema=../../.atlas/schemas/cities.schema.json\n" + park);

        var wrong = FilesWithoutTheirSchemaLine(site.Directory);
        Assert.Contains(wrong, w => w.StartsWith($"content/cities/{Path.GetFileName(cities[0])}: first line is 'name:", StringComparison.Ordinal));
        Assert.Contains(wrong, w => w.StartsWith($"content/parks/{Path.GetFileName(parks[0])}: first line is '# yaml-language-server: $schema=../../.atlas/schemas/cities.schema.json', expected '# yaml-language-server: $schema=../../.atlas/schemas/parks.schema.json'", StringComparison.Ordinal));

        // With the right lines, nothing is named.
        foreach (var folder in new[] { "cities", "parks" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(site.Directory, "content", folder), "*.yml"))
            {
                var text = File.ReadAllText(file);
                if (text.StartsWith('#'))
                {
                    text = text[(text.IndexOf('\n') + 1)..];
                }

                File.WriteAllText(file, $"# yaml-language-server: $schema=../../.atlas/schemas/{folder}.schema.json\n" + text);
            }
        }

        Assert.Empty(FilesWithoutTheirSchemaLine(site.Directory));
    }
}
