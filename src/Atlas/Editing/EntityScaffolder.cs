using System.Text;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Model.Fields;
using Atlas.Sources;

namespace Atlas.Editing;

/// <summary>
/// <c>atlas new</c>: writes a new entity's three files from what site.yml declares for its collection. Required
/// fields are present but empty, so the build names each one until the editor fills it in; optional fields are
/// there as comments. The data file points YAML tooling at the collection's schema.
/// </summary>
public static class EntityScaffolder
{
    public const string SchemaFolder = ".atlas/schemas";

    /// <summary>
    /// The first line of every data file (<c>content/&lt;collection&gt;/&lt;slug&gt;.yml</c>): it points YAML tooling
    /// (yaml-language-server, used by VS Code's YAML extension) at the collection's schema, relative to the file.
    /// The committed data files carry it too (a content test checks each one).
    /// </summary>
    public static string SchemaLine(CollectionConfig collection) =>
        $"# yaml-language-server: $schema=../../{SchemaFolder}/{collection.Name}.schema.json";

    /// <summary>Creates the files and returns their paths (relative to the site), or reports why it cannot.</summary>
    public static IReadOnlyList<string>? Create(SiteConfig config, string collectionName, string slug, DiagnosticBag diagnostics)
    {
        var collection = config.Collection(collectionName);
        if (collection is null)
        {
            diagnostics.Error(SourceLocation.File(SiteConfig.FileName),
                $"there is no collection '{collectionName}'; site.yml declares {string.Join(", ", config.Collections.Select(c => c.Name))}.");
            return null;
        }

        if (!Slug.IsValid(slug))
        {
            diagnostics.Error(SourceLocation.File($"{SiteConfig.ContentFolder}/{collection.Folder}/{slug}"),
                $"'{slug}' is not a valid slug: use {Slug.Rule}.");
            return null;
        }

        var folder = $"{SiteConfig.ContentFolder}/{collection.Folder}";
        var files = new List<(string Path, string Text)>
        {
            ($"{folder}/{slug}.yml", Data(config, collection)),
        };
        files.AddRange(config.Languages.Select(l => ($"{folder}/{slug}.{l.Code}.md", Prose(l))));

        // Written only into real folders of the site (never through a committed link such as content/parks -> /etc),
        // and only as new files: a link already standing where a file would go is not written through either.
        var target = SourcePolicy.WritableFolder(SourcePolicy.Site(config.SiteDirectory), folder, diagnostics);
        if (target is null)
        {
            return null;
        }

        foreach (var (path, _) in files)
        {
            if (FileKinds.Of(Path.Join(target, Path.GetFileName(path))) != FileKind.Missing)
            {
                diagnostics.Error(SourceLocation.File(path), "this file already exists; choose another slug or edit the existing entity.");
            }
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        Directory.CreateDirectory(target);
        foreach (var (path, text) in files)
        {
            using var stream = new FileStream(Path.Join(target, Path.GetFileName(path)), FileMode.CreateNew, FileAccess.Write);
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return [.. files.Select(f => f.Path)];
    }

    private static string Data(SiteConfig config, CollectionConfig collection)
    {
        var yaml = new StringBuilder();
        yaml.Append(SchemaLine(collection)).Append('\n');
        yaml.Append($"# A new entry of '{collection.Name}'. Fill in every field marked required; the build names any that is missing.\n");
        foreach (var field in collection.Fields)
        {
            var hint = FieldTypes.Of(field).Describe(field, [.. config.Languages.Select(l => l.Code)]).Shape;
            if (field.Name is "name")
            {
                yaml.Append("name:  # required\n");
                foreach (var language in config.Languages)
                {
                    yaml.Append($"  {language.Code}:\n");
                }

                continue;
            }

            if (field.IsLocalized)
            {
                // Localized texts usually go in each language's front matter; keep them out of the data file.
                continue;
            }

            yaml.Append(field.Required ? $"{field.Name}:  # required: {hint}\n" : $"# {field.Name}:  # optional: {hint}\n");
        }

        return yaml.ToString();
    }

    private static string Prose(LanguageConfig language) =>
        $"---\nsummary:\n---\n";
}
