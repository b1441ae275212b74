using System.Collections.Concurrent;
using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Content;

/// <summary>
/// Finds and reads every content file: <c>content/&lt;folder&gt;/&lt;slug&gt;.yml</c> and
/// <c>content/&lt;folder&gt;/&lt;slug&gt;.&lt;lang&gt;.md</c>. File names, slugs, languages and the file system
/// (symlinks that leave content/, unreadable files, stray files) are checked here; field values are not.
/// </summary>
public static class ContentLoader
{
    /// <param name="cache">Files parsed by an earlier build in this process, reused while unchanged.</param>
    public static ImmutableArray<EntitySource> Load(SiteConfig config, DiagnosticBag diagnostics, ParsedFileCache? cache = null)
    {
        var content = SourcePolicy.Folder(SourcePolicy.Site(config.SiteDirectory), SiteConfig.ContentFolder, diagnostics, out var exists);
        if (!exists)
        {
            diagnostics.Error(SourceLocation.File(SiteConfig.ContentFolder + "/"),
                "there is no content/ folder next to site.yml; create it with one folder per collection.");
            return [];
        }

        if (content is null)
        {
            return [];
        }

        var byFolder = config.Collections.ToDictionary(c => c.Folder, StringComparer.Ordinal);
        var files = new List<(CollectionConfig Collection, SourceEntry File)>();

        // Links are followed only while they stay inside content/, and hidden entries are never read: see SourcePolicy.
        foreach (var entry in SourcePolicy.List(content, content.RealPath, content.Display, diagnostics))
        {
            if (entry.Refused)
            {
                continue;
            }

            if (!entry.IsFolder)
            {
                diagnostics.Error(SourceLocation.File(entry.Display),
                    "files directly in content/ are not read; move it into a collection folder (content/<collection>/).");
                continue;
            }

            if (!byFolder.TryGetValue(entry.Name, out var collection))
            {
                diagnostics.Error(SourceLocation.File(entry.Display + "/"),
                    $"content/{entry.Name}/ is not a collection folder declared in site.yml ({string.Join(", ", byFolder.Keys.Order(StringComparer.Ordinal))}); declare it under collections: or remove it.");
                continue;
            }

            foreach (var item in SourcePolicy.List(content, entry.RealPath, entry.Display + "/", diagnostics))
            {
                if (item.IsFolder)
                {
                    diagnostics.Error(SourceLocation.File(item.Display + "/"),
                        "collection folders hold files only; move the files up into " + entry.Display + "/ or remove the folder.");
                    continue;
                }

                files.Add((collection, item));
            }
        }

        return Group(config, files, diagnostics, cache);
    }

    private static ImmutableArray<EntitySource> Group(
        SiteConfig config, List<(CollectionConfig Collection, SourceEntry File)> files, DiagnosticBag diagnostics,
        ParsedFileCache? cache)
    {
        var languages = config.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var parsed = new List<(CollectionConfig Collection, string Slug, string? Language, SourceEntry File, string Display)>();
        var caseFolded = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (collection, file) in files)
        {
            var display = file.Display;
            var folded = display.ToLowerInvariant();
            if (caseFolded.TryGetValue(folded, out var other))
            {
                // Reported, but the file is still checked: one of two such names always breaks another rule too (slugs,
                // languages and extensions are lower case), and skipping this one would leave its entity half-read.
                diagnostics.Error(SourceLocation.File(display),
                    $"this file name differs from {other} only in letter case, which breaks on case-insensitive systems; rename or remove one.");
            }

            caseFolded[folded] = display;
            var name = file.Name;
            string slug;
            string? language = null;
            if (name.EndsWith(".yml", StringComparison.Ordinal))
            {
                slug = name[..^4];
            }
            else if (name.EndsWith(".md", StringComparison.Ordinal))
            {
                var stem = name[..^3];
                var dot = stem.LastIndexOf('.');
                if (dot < 0)
                {
                    diagnostics.Error(SourceLocation.File(display),
                        $"a Markdown file needs its language in the name: {stem}.{config.DefaultLanguage}.md.");
                    continue;
                }

                slug = stem[..dot];
                language = stem[(dot + 1)..];
                if (!languages.Contains(language))
                {
                    diagnostics.Error(SourceLocation.File(display),
                        $"'{language}' is not a language of the site ({string.Join(", ", config.Languages.Select(l => l.Code))}); rename the file or declare the language in site.yml.");
                    continue;
                }
            }
            else
            {
                var hint = name.EndsWith(".yaml", StringComparison.Ordinal) ? " Rename it to .yml." : "";
                diagnostics.Error(SourceLocation.File(display),
                    $"unexpected file in a collection folder; only <slug>.yml and <slug>.<language>.md belong here.{hint}");
                continue;
            }

            if (!Slug.IsValid(slug))
            {
                diagnostics.Error(SourceLocation.File(display),
                    $"'{slug}' is not a valid slug: use {Slug.Rule}. The slug is the page's URL.");
                continue;
            }

            parsed.Add((collection, slug, language, file, display));
        }

        // Reading and YAML parsing are the slow part of loading: do them in parallel, keep the order stable.
        var read = new (YamlMapping? Data, EntityDocument? Document, bool Ok)[parsed.Count];
        Parallel.For(0, parsed.Count, i =>
        {
            var (_, _, language, file, display) = parsed[i];

            // A link's own size and time say nothing about its target: links are always read again.
            var listed = file.IsLink ? null : file.Listed as FileInfo;
            var cacheable = cache is not null && listed is not null;
            if (cacheable && cache!.TryGet(listed!, out var cachedData, out var cachedDocument))
            {
                read[i] = (cachedData, cachedDocument, true);
                return;
            }

            var bag = cacheable ? new DiagnosticBag() : diagnostics;
            read[i] = ReadFile(language, file, display, bag);
            if (cacheable)
            {
                diagnostics.AddRange(bag.ToSortedList());
                if (read[i].Ok && bag.ErrorCount + bag.WarningCount == 0)
                {
                    cache!.Set(listed!, read[i].Data, read[i].Document);
                }
            }
        });

        var entities = ImmutableArray.CreateBuilder<EntitySource>();
        foreach (var group in parsed.Select((p, i) => (p, i)).GroupBy(x => (x.p.Collection.Name, x.p.Slug)))
        {
            var collection = group.First().p.Collection;
            string? dataPath = null;
            YamlMapping? data = null;
            var documents = ImmutableArray.CreateBuilder<EntityDocument>();
            var ok = true;
            foreach (var (p, i) in group)
            {
                ok &= read[i].Ok;
                if (p.Language is null)
                {
                    dataPath = p.Display;
                    data = read[i].Data;
                }
                else if (read[i].Document is { } document)
                {
                    documents.Add(document);
                }
            }

            if (!ok)
            {
                entities.Add(new EntitySource(collection, group.Key.Slug, dataPath, null, []) { Failed = true });
                continue;
            }

            entities.Add(new EntitySource(collection, group.Key.Slug, dataPath, data,
                [.. documents.OrderBy(d => d.Language, StringComparer.Ordinal)]));
        }

        return entities.ToImmutable();
    }

    /// <summary>
    /// Reads again the files of one entity that an earlier build read (after some of them were edited),
    /// through the cache. Null when a file is gone, is a link, or gives any diagnostic: the caller then does a full
    /// load, which checks and reports everything in the usual way.
    /// </summary>
    /// <param name="files">The entity's files, relative to the site folder, as the earlier build found them.</param>
    internal static EntitySource? Reload(SiteConfig config, CollectionConfig collection, string slug, IEnumerable<string> files, ParsedFileCache cache)
    {
        string? dataPath = null;
        YamlMapping? data = null;
        var documents = new List<EntityDocument>();
        var content = SourcePolicy.Folder(SourcePolicy.Site(config.SiteDirectory), SiteConfig.ContentFolder, null, out _);
        foreach (var display in files)
        {
            // Only a plain file at its plain place: anything with a link on the way goes through the full load.
            var found = content is not null && display.StartsWith(content.Display, StringComparison.Ordinal)
                ? SourcePolicy.Find(content, display[content.Display.Length..], new DiagnosticBag(), out _)
                : null;
            if (found is null || found.IsLink || found.IsFolder)
            {
                return null;
            }

            var file = new FileInfo(found.RealPath);
            if (!file.Exists || file.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                return null;
            }

            var language = file.Name.EndsWith(".md", StringComparison.Ordinal) ? file.Name[..^3][(file.Name[..^3].LastIndexOf('.') + 1)..] : null;
            if (!cache.TryGet(file, out var parsedData, out var parsedDocument))
            {
                var bag = new DiagnosticBag();
                var read = ReadFile(language, found with { Display = display }, display, bag);
                if (!read.Ok || bag.ErrorCount + bag.WarningCount > 0)
                {
                    return null;
                }

                cache.Set(file, read.Data, read.Document);
                (parsedData, parsedDocument) = (read.Data, read.Document);
            }

            if (language is null)
            {
                (dataPath, data) = (display, parsedData);
            }
            else if (parsedDocument is not null)
            {
                documents.Add(parsedDocument);
            }
        }

        return new EntitySource(collection, slug, dataPath, data, [.. documents.OrderBy(d => d.Language, StringComparer.Ordinal)]);
    }

    private static (YamlMapping? Data, EntityDocument? Document, bool Ok) ReadFile(string? language, SourceEntry file, string display,
        DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(file, diagnostics);
        if (text is null)
        {
            return (null, null, false);
        }

        if (language is null)
        {
            return ReadData(text, display, diagnostics);
        }

        var document = FrontMatter.Parse(language, display, text, diagnostics);
        return (null, document, document is not null);
    }

    private static (YamlMapping? Data, EntityDocument? Document, bool Ok) ReadData(string text, string display, DiagnosticBag diagnostics)
    {
        if (!YamlReader.TryRead(text, display, diagnostics, out var root))
        {
            return (null, null, false);
        }

        switch (root)
        {
            case null:
                diagnostics.Error(SourceLocation.File(display),
                    "the data file is empty; it needs at least name: {zh: ..., en: ...} and the collection's required fields.");
                return (null, null, false);
            case YamlMapping mapping:
                return (mapping, null, true);
            default:
                diagnostics.Error(root.Location, $"the data file must be a map of fields (name: ..., summary: ...), not {root.Shape}.");
                return (null, null, false);
        }
    }
}
