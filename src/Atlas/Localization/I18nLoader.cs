using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Localization;

/// <summary>
/// Loads one bundle per declared language and checks them against each other and against what the engine and
/// site.yml need: every key in every language, the formatting keys, a label for every field and enum value.
/// </summary>
public static class I18nLoader
{
    public const string Folder = "templates/i18n";

    /// <summary>Keys the engine itself reads (date, number and quantity formatting).</summary>
    public static readonly ImmutableArray<string> EngineKeys =
    [
        "format.date.day", "format.date.month", "format.date.year",
        "format.number.group", "format.number.decimal",
        "format.magnitudes", "format.approximately", "list.separator",
        "magnitude.thousand", "magnitude.million", "magnitude.billion", "magnitude.trillion",
        .. Enumerable.Range(1, 12).Select(m => $"month.{m}"),
    ];

    public static ImmutableDictionary<string, I18nBundle> Load(SiteConfig config, DiagnosticBag diagnostics)
    {
        var bundles = ImmutableDictionary.CreateBuilder<string, I18nBundle>(StringComparer.Ordinal);

        // A templates/ or templates/i18n/ folder that leads outside is reported by the templates' loader.
        var templates = SourcePolicy.Folder(SourcePolicy.Site(config.SiteDirectory), SiteConfig.TemplatesFolder, null, out _);
        var folderExists = false;
        var folder = templates is null ? null : SourcePolicy.Folder(templates, "i18n", null, out folderExists);
        foreach (var language in config.Languages)
        {
            var display = $"{Folder}/{language.Code}.yml";
            if (templates is null || (folder is null && folderExists))
            {
                continue;
            }

            var exists = false;
            var file = folder is null ? null : SourcePolicy.Find(folder, $"{language.Code}.yml", diagnostics, out exists);
            if (!exists || file?.IsFolder == true)
            {
                diagnostics.Error(SourceLocation.File(display),
                    $"no UI strings for {language.Name}: create {display} with the same keys as the other languages.");
                continue;
            }

            var text = file is null ? null : SourceText.Read(file, diagnostics);
            if (text is null || !YamlReader.TryRead(text, display, diagnostics, out var root))
            {
                continue;
            }

            if (root is not YamlMapping mapping)
            {
                diagnostics.Error(root?.Location ?? SourceLocation.File(display), "a UI string bundle must be a map of keys to texts.");
                continue;
            }

            var strings = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var locations = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
            Flatten("", mapping, strings, locations, diagnostics);
            bundles[language.Code] = new I18nBundle(language.Code, display, strings.ToImmutable(), locations.ToImmutable());
        }

        CheckKeys(config, bundles, diagnostics);
        return bundles.ToImmutable();
    }

    private static void Flatten(string prefix, YamlMapping mapping, ImmutableSortedDictionary<string, string>.Builder strings,
        ImmutableDictionary<string, SourceLocation>.Builder locations, DiagnosticBag diagnostics)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            var full = prefix + key.Value;
            switch (value)
            {
                case YamlMapping nested:
                    Flatten(full + ".", nested, strings, locations, diagnostics);
                    break;
                case YamlScalar scalar:
                    strings[full] = scalar.IsNull ? "" : scalar.Value;
                    locations[full] = key.Location;
                    break;
                default:
                    diagnostics.Error(value.Location, $"'{full}' must be a text or a map of texts, not {value.Shape}.");
                    break;
            }
        }
    }

    /// <summary>
    /// What the timeline page says, when site.yml has one: the dates within a year (under the year's heading), what
    /// each date field marks ("opened"), and the label of each kind of entry.
    /// </summary>
    private static IEnumerable<string> TimelineKeys(FeaturesConfig features)
    {
        if (features.TimelineDates.IsEmpty)
        {
            return [];
        }

        return ["format.date.day_in_year", "format.date.month_in_year",
            .. features.TimelineDates.Select(field => $"timeline.event.{field}"),
            .. features.TimelineCollections.Select(c => $"timeline.kind.{c.Kind}").Distinct()];
    }

    private static void CheckKeys(SiteConfig config, ImmutableDictionary<string, I18nBundle>.Builder bundles, DiagnosticBag diagnostics)
    {
        var required = new SortedSet<string>(EngineKeys, StringComparer.Ordinal);
        foreach (var collection in config.Collections)
        {
            foreach (var field in collection.Fields)
            {
                required.Add($"field.{field.Name}");
                foreach (var value in field.Values)
                {
                    required.Add($"enum.{field.Name}.{value}");
                }

                required.UnionWith(field.Type.UiStrings(field));
            }
        }

        required.UnionWith(TimelineKeys(config.Features));

        foreach (var bundle in bundles.Values)
        {
            foreach (var key in required.Where(k => !bundle.Strings.ContainsKey(k)))
            {
                diagnostics.Error(SourceLocation.File(bundle.Path), $"missing UI string '{key}'; add it (the engine or site.yml needs it).");
            }

            // A key in one language but not another would leave a hole in the other language's pages.
            foreach (var other in bundles.Values.Where(o => o.Language != bundle.Language))
            {
                foreach (var key in other.Strings.Keys.Where(k => !bundle.Strings.ContainsKey(k) && !required.Contains(k)))
                {
                    diagnostics.Error(SourceLocation.File(bundle.Path),
                        $"missing UI string '{key}' (it is defined at {other.Locations[key]}); add it so both languages have it.");
                }
            }

            if (bundle.Get("format.magnitudes") is { } style && style is not ("chinese" or "western"))
            {
                diagnostics.Error(bundle.Locations["format.magnitudes"], "format.magnitudes must be 'chinese' (万, 亿) or 'western' (million, billion).");
            }
        }
    }
}
