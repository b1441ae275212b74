using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Markdown;
using Atlas.Model.Fields;
using Atlas.Yaml;

namespace Atlas.Model;

/// <summary>
/// Validates the content read by <see cref="ContentLoader"/> against site.yml and builds the <see cref="SiteModel"/>:
/// field types, required fields, languages, front matter overrides, Markdown bodies, and references (each must
/// resolve, into the right collection). Every problem becomes a diagnostic; nothing throws.
/// </summary>
public static class ModelBuilder
{
    /// <param name="cache">Entities built by an earlier build in this process, reused when they would come out the same.</param>
    /// <param name="labels">The citation and background labels bodies are rendered with (see <see cref="ProseLabels"/>).</param>
    public static SiteModel? Build(SiteConfig config, ImmutableArray<EntitySource> sources, DiagnosticBag diagnostics, EntityCache? cache = null,
        ProseLabels? labels = null)
    {
        labels ??= ProseLabels.Empty;
        var errorsBefore = diagnostics.ErrorCount;
        var known = sources.Where(s => s.DataPath is not null)
            .Select(s => new EntityId(s.Collection.Name, s.Slug))
            .ToHashSet();
        cache?.BeginBuild(known, labels);

        var entities = new ConcurrentBag<Entity>();
        Parallel.ForEach(sources, source =>
        {
            if (cache?.TryGet(source) is { } cached)
            {
                entities.Add(cached);
                return;
            }

            var bag = cache is null ? diagnostics : new DiagnosticBag();
            var entity = BuildEntity(config, source, known, bag, labels);
            if (cache is not null)
            {
                diagnostics.AddRange(bag.ToSortedList());
                if (entity is not null && bag.ErrorCount + bag.WarningCount == 0)
                {
                    cache.Set(source, entity);
                }
            }

            if (entity is not null)
            {
                entities.Add(entity);
            }
        });

        return diagnostics.ErrorCount > errorsBefore ? null : new SiteModel(config, entities) { Labels = labels };
    }

    /// <summary>Validates one entity against site.yml and the ids of all entities (for references and links).</summary>
    internal static Entity? BuildEntity(SiteConfig config, EntitySource source, IReadOnlySet<EntityId> known, DiagnosticBag diagnostics,
        ProseLabels labels)
    {
        var collection = source.Collection;
        var id = new EntityId(collection.Name, source.Slug);
        if (source.Failed)
        {
            return null; // a file of it could not be read; that was reported, and nothing more can be said about it
        }

        if (source.DataPath is null || source.Data is null)
        {
            var path = source.Documents.FirstOrDefault()?.Path ?? $"content/{collection.Folder}/{source.Slug}";
            diagnostics.Error(SourceLocation.File(path),
                $"there is no data file for this entity; create content/{collection.Folder}/{source.Slug}.yml with at least name: and summary:.");
            return null;
        }

        var ok = true;
        var fields = ImmutableSortedDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal); // reported already: not "missing" as well
        var languages = config.Languages.Select(l => l.Code).ToImmutableArray();

        foreach (var (key, node) in source.Data.Entries)
        {
            var field = collection.Field(key.Value);
            if (field is null)
            {
                diagnostics.Error(key.Location,
                    $"'{key.Value}' is not a field of collection '{collection.Name}'; declared fields are: {string.Join(", ", collection.Fields.Select(f => f.Name))}. Fix the name or declare the field in site.yml.");
                ok = false;
                continue;
            }

            if (node is YamlScalar { IsNull: true })
            {
                continue; // an empty value is an absent value; required fields are checked below
            }

            var value = FieldTypes.Of(field).Parse(field, node, languages, diagnostics);
            if (value is null)
            {
                invalid.Add(field.Name);
                ok = false;
                continue;
            }

            fields[field.Name] = value;
        }

        // Front matter may set or override localized fields for its own language, and list the gaps.
        var gaps = new Dictionary<string, (ImmutableArray<string> Items, SourceLocation Location)>(StringComparer.Ordinal);
        foreach (var document in source.Documents)
        {
            foreach (var (key, node) in document.FrontMatter?.Entries ?? [])
            {
                if (key.Value == EntityText.GapsKey)
                {
                    if (Gaps(node, diagnostics) is { } items)
                    {
                        gaps[document.Language] = (items, key.Location);
                    }
                    else
                    {
                        ok = false;
                    }

                    continue;
                }

                var field = collection.Field(key.Value);
                if (field is null)
                {
                    diagnostics.Error(key.Location,
                        $"'{key.Value}' is not a field of collection '{collection.Name}'; front matter may set only localized fields ({string.Join(", ", collection.Fields.Where(f => f.IsLocalized).Select(f => f.Name))}).");
                    ok = false;
                    continue;
                }

                if (!field.IsLocalized)
                {
                    diagnostics.Error(key.Location,
                        $"'{key.Value}' is shared by all languages; set it in {source.DataPath}, not in front matter.");
                    ok = false;
                    continue;
                }

                if (node is not YamlScalar scalar)
                {
                    diagnostics.Error(node.Location, $"'{key.Value}' in front matter must be a text, not {node.Shape}.");
                    ok = false;
                    continue;
                }

                var existing = fields.TryGetValue(field.Name, out var current) ? ((LocalizedValue)current).Text : LocalizedText.Empty;
                var location = current?.Location ?? scalar.Location;
                fields[field.Name] = new LocalizedValue(location, existing.With(document.Language, scalar.Value.Trim()));
            }
        }

        ok &= CheckComplete(collection, source, fields, languages, invalid, diagnostics);
        ok &= CheckReferences(collection, id, fields, known, diagnostics);

        ok &= CheckGaps(source, gaps, diagnostics);
        var texts = BuildTexts(config, source, known, labels, gaps, diagnostics, ref ok);
        if (!ok)
        {
            return null;
        }

        return new Entity(id, collection, fields.ToImmutable(), texts, [.. source.Files.Order(StringComparer.Ordinal)]);
    }

    private static bool CheckComplete(CollectionConfig collection, EntitySource source,
        ImmutableSortedDictionary<string, FieldValue>.Builder fields, ImmutableArray<string> languages, HashSet<string> invalid,
        DiagnosticBag diagnostics)
    {
        var ok = true;
        var dataLocation = source.Data!.Location with { Line = 1, Column = 1 };
        foreach (var field in collection.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var value))
            {
                if (field.Required && !invalid.Contains(field.Name))
                {
                    diagnostics.Error(dataLocation,
                        $"required field '{field.Name}' is missing; add {field.Name}: {FieldTypes.Of(field).Describe(field, languages).Example}.");
                    ok = false;
                }

                continue;
            }

            if (value is LocalizedValue localized)
            {
                foreach (var language in languages.Where(l => !localized.Text.Has(l) || string.IsNullOrWhiteSpace(localized.Text[l])))
                {
                    diagnostics.Error(value.Location,
                        $"'{field.Name}' has no '{language}' text; add {language}: ... here or '{field.Name}:' in the front matter of {source.Slug}.{language}.md.");
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static bool CheckReferences(CollectionConfig collection, EntityId self,
        ImmutableSortedDictionary<string, FieldValue>.Builder fields, IReadOnlySet<EntityId> known, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var field in collection.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var value))
            {
                continue;
            }

            foreach (var target in value.LinkedEntities)
            {
                if (target == self)
                {
                    diagnostics.Error(value.Location, $"'{field.Name}' refers to this entity itself ({self}); remove it.");
                    ok = false;
                }
                else if (!known.Contains(target))
                {
                    diagnostics.Error(value.Location,
                        $"'{field.Name}' refers to {target}, which does not exist; create content/{target}.yml or fix the slug.");
                    ok = false;
                }
            }
        }

        return ok;
    }

    /// <summary>The front matter's <c>gaps:</c>, a list of non-empty texts; null (reported) when it is not.</summary>
    private static ImmutableArray<string>? Gaps(YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence list)
        {
            diagnostics.Error(node.Location,
                $"'{EntityText.GapsKey}' must be a list of short sentences (one '- ...' line each) saying what the cited articles do not give, not {node.Shape}.");
            return null;
        }

        var ok = true;
        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar scalar || scalar.IsNull && scalar.IsPlain || string.IsNullOrWhiteSpace(scalar.Value))
            {
                diagnostics.Error(item.Location,
                    $"each of '{EntityText.GapsKey}' is one non-empty sentence, not {(item is YamlScalar ? "an empty value" : item.Shape)}.");
                ok = false;
                continue;
            }

            items.Add(scalar.Value.Trim());
        }

        return ok ? items.ToImmutable() : null;
    }

    /// <summary>Every language lists the same gaps, so each language file has as many as the others.</summary>
    private static bool CheckGaps(EntitySource source, Dictionary<string, (ImmutableArray<string> Items, SourceLocation Location)> gaps,
        DiagnosticBag diagnostics)
    {
        if (gaps.Count == 0)
        {
            return true;
        }

        var ok = true;
        var counts = source.Documents.Select(d => (Document: d, Count: gaps.TryGetValue(d.Language, out var g) ? g.Items.Length : 0)).ToList();
        var most = counts.MaxBy(c => c.Count);
        foreach (var (document, count) in counts.Where(c => c.Count != most.Count))
        {
            var location = gaps.TryGetValue(document.Language, out var g) ? g.Location : new SourceLocation(document.Path, 1, 1);
            diagnostics.Error(location,
                $"this file lists {count} gap(s) and {most.Document.Path} lists {most.Count}; every language lists the same gaps in the same order.");
            ok = false;
        }

        return ok;
    }

    private static ImmutableSortedDictionary<string, EntityText> BuildTexts(SiteConfig config, EntitySource source, IReadOnlySet<EntityId> known,
        ProseLabels labels, Dictionary<string, (ImmutableArray<string> Items, SourceLocation Location)> gaps, DiagnosticBag diagnostics, ref bool ok)
    {
        bool Exists(string id)
        {
            var slash = id.IndexOf('/');
            return slash > 0 && known.Contains(new EntityId(id[..slash], id[(slash + 1)..]));
        }

        var texts = ImmutableSortedDictionary.CreateBuilder<string, EntityText>(StringComparer.Ordinal);
        var markdown = MarkdownRenderer.For(config.Markdown);
        foreach (var document in source.Documents)
        {
            var rendered = markdown.Render(document.Body, document.Path, document.BodyLine, document.Language,
                labels.For(document.Language, Exists), diagnostics);
            texts[document.Language] = new EntityText(document.Language, document.Path, rendered.Html, rendered.PlainText, IsFallback: false)
            {
                Gaps = gaps.TryGetValue(document.Language, out var listed) ? listed.Items : [],
            };
        }

        foreach (var language in config.Languages.Where(l => !texts.ContainsKey(l.Code)))
        {
            var expected = $"content/{source.Collection.Folder}/{source.Slug}.{language.Code}.md";
            if (source.Collection.Fallback && texts.TryGetValue(config.DefaultLanguage, out var fallback))
            {
                diagnostics.Warning(SourceLocation.File(source.DataPath!),
                    $"no {language.Name} text ({expected}); the {config.Language(config.DefaultLanguage)!.Name} text is shown instead.");
                texts[language.Code] = fallback with { Language = language.Code, IsFallback = true };
            }
            else
            {
                diagnostics.Error(SourceLocation.File(source.DataPath!),
                    $"this entity has no {language.Name} page; create {expected}.");
                ok = false;
            }
        }

        return texts.ToImmutable();
    }
}
