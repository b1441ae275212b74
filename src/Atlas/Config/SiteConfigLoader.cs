using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>Reads and validates site.yml. The first stage of the flow: nothing else runs without a valid config.</summary>
public static partial class SiteConfigLoader
{
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    private static readonly string[] SiteKeys =
        ["title", "description", "base_url", "default_language", "output", "languages", "collections", "markdown", "git_dates", "sitemap", RepositoryConfig.Key, .. FeaturesConfigLoader.Keys];

    /// <param name="fieldTypes">The field types a collection may declare (<c>FieldTypes.Catalog</c> of the model).</param>
    public static SiteConfig? Load(string siteDirectory, FieldTypeCatalog fieldTypes, DiagnosticBag diagnostics)
    {
        siteDirectory = Path.GetFullPath(siteDirectory);
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), SiteConfig.FileName, diagnostics, out var exists);
        if (!exists || file?.IsFolder == true)
        {
            diagnostics.Error(SourceLocation.File(SiteConfig.FileName),
                $"no {SiteConfig.FileName} in {siteDirectory}. Run the command in the site folder or pass --site DIR.");
            return null;
        }

        var text = file is null ? null : SourceText.Read(file, diagnostics);
        if (text is null || !YamlReader.TryRead(text, SiteConfig.FileName, diagnostics, out var root))
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(root?.Location ?? SourceLocation.File(SiteConfig.FileName),
                $"{SiteConfig.FileName} must be a map with title, base_url, languages and collections.");
            return null;
        }

        return Parse(siteDirectory, mapping, fieldTypes, diagnostics);
    }

    private static SiteConfig? Parse(string siteDirectory, YamlMapping mapping, FieldTypeCatalog fieldTypes, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var reader = new MappingReader(mapping, SiteConfig.FileName, diagnostics);
        reader.RejectUnknownKeys(SiteKeys);

        var languages = ParseLanguages(reader.Node<YamlSequence>("languages", required: true), diagnostics);
        var codes = languages.Select(l => l.Code).ToImmutableArray();

        var title = ParseLocalized(reader.Node<YamlNode>("title", required: true), "title", codes, diagnostics);
        var description = ParseLocalized(reader.Node<YamlNode>("description", required: false), "description", codes, diagnostics);

        var baseUrl = reader.String("base_url", required: true) ?? "https://example.org/";
        if (BaseUrlRule.Normalize(baseUrl, "base_url", out var baseUrlProblem) is { } normalized)
        {
            baseUrl = normalized;
        }
        else
        {
            diagnostics.Error(mapping["base_url"]?.Location ?? mapping.Location, baseUrlProblem);
            baseUrl = "https://example.org/";
        }

        var defaultLanguage = reader.String("default_language", required: true) ?? "";
        if (languages.Length > 0 && !codes.Contains(defaultLanguage))
        {
            diagnostics.Error(mapping["default_language"]?.Location ?? mapping.Location,
                $"default_language '{defaultLanguage}' is not one of the declared languages ({string.Join(", ", codes)}).");
        }

        var output = reader.String("output", required: false, fallback: "public")!;
        var collections = CollectionConfigLoader.Parse(reader.Node<YamlMapping>("collections", required: true), codes, fieldTypes, diagnostics);
        var features = FeaturesConfigLoader.Parse(reader, codes, collections, diagnostics);
        var markdown = ParseMarkdown(reader.Node<YamlMapping>("markdown", required: false), diagnostics);
        var gitDates = reader.Bool("git_dates", fallback: false);
        var sitemapMaxUrls = ParseSitemap(reader.Node<YamlMapping>("sitemap", required: false), diagnostics);
        var repository = RepositoryConfigLoader.Load(reader, diagnostics);

        var errorsAfter = diagnostics.ErrorCount;
        if (errorsAfter > errorsBefore)
        {
            return null;
        }

        return new SiteConfig(siteDirectory, title, description, baseUrl, defaultLanguage, languages, output, collections)
        {
            Features = features,
            Markdown = markdown,
            GitDates = gitDates,
            GitDatesLocation = mapping["git_dates"]?.Location ?? SourceLocation.File(SiteConfig.FileName),
            SitemapMaxUrls = sitemapMaxUrls,
            Repository = repository,
        };
    }

    /// <summary><c>sitemap: {max_urls: 50000}</c>: the most URLs per sitemap file, 1 to the protocol's 50,000.</summary>
    private static int ParseSitemap(YamlMapping? mapping, DiagnosticBag diagnostics)
    {
        if (mapping is null)
        {
            return SiteConfig.SitemapProtocolLimit;
        }

        var reader = new MappingReader(mapping, "sitemap", diagnostics);
        reader.RejectUnknownKeys("max_urls");
        var maxUrls = reader.Int("max_urls", SiteConfig.SitemapProtocolLimit);
        if (maxUrls is < 1 or > SiteConfig.SitemapProtocolLimit)
        {
            diagnostics.Error(mapping["max_urls"]!.Location,
                $"sitemap max_urls must be between 1 and {SiteConfig.SitemapProtocolLimit} (the sitemap protocol's limit per file), not {maxUrls}.");
            return SiteConfig.SitemapProtocolLimit;
        }

        return maxUrls;
    }

    /// <summary><c>markdown: {allow_html: [sup, sub, kbd]}</c>: raw HTML tags that may pass, from a fixed safe set.</summary>
    private static MarkdownConfig ParseMarkdown(YamlMapping? mapping, DiagnosticBag diagnostics)
    {
        if (mapping is null)
        {
            return MarkdownConfig.Default;
        }

        var reader = new MappingReader(mapping, "markdown", diagnostics);
        reader.RejectUnknownKeys("allow_html");
        var tags = ImmutableArray.CreateBuilder<string>();
        foreach (var item in reader.Node<YamlSequence>("allow_html", required: false)?.Items ?? [])
        {
            if (item is not YamlScalar { IsNull: false } scalar)
            {
                diagnostics.Error(item.Location, $"each item of allow_html must be a tag name like sup, not {YamlText.Describe(item)}.");
            }
            else if (!MarkdownConfig.Allowable.Contains(scalar.Value))
            {
                diagnostics.Error(item.Location,
                    $"'{scalar.Value}' cannot be allowed in Markdown; allow_html takes only inline tags that do nothing without attributes: {string.Join(", ", MarkdownConfig.Allowable)}.");
            }
            else if (!tags.Contains(scalar.Value))
            {
                tags.Add(scalar.Value);
            }
        }

        return new MarkdownConfig(tags.ToImmutable());
    }

    private static ImmutableArray<LanguageConfig> ParseLanguages(YamlSequence? sequence, DiagnosticBag diagnostics)
    {
        if (sequence is null)
        {
            return [];
        }

        var languages = ImmutableArray.CreateBuilder<LanguageConfig>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping map)
            {
                diagnostics.Error(item.Location, "each language must be a map with code, locale and name.");
                continue;
            }

            var reader = new MappingReader(map, "a language", diagnostics);
            reader.RejectUnknownKeys("code", "locale", "name");
            var code = reader.String("code", required: true) ?? "";
            var locale = reader.String("locale", required: true) ?? code;
            var name = reader.String("name", required: true) ?? code;
            if (!LanguageCode().IsMatch(code))
            {
                diagnostics.Error(map["code"]?.Location ?? map.Location,
                    $"language code '{code}' must be a short lowercase code such as 'zh' or 'en'.");
                continue;
            }

            if (languages.Any(l => l.Code == code))
            {
                diagnostics.Error(map.Location, $"language '{code}' is declared twice; keep one.");
                continue;
            }

            languages.Add(new LanguageConfig(code, locale, name));
        }

        if (languages.Count == 0)
        {
            diagnostics.Error(sequence.Location, "declare at least one language.");
        }

        return languages.ToImmutable();
    }

    /// <summary>Reads a localized value declared in site.yml: a map with a text for every language.</summary>
    internal static LocalizedText ParseLocalized(YamlNode? node, string what, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        // Without languages (their own error is reported) every text would be "not a declared language": say nothing.
        if (node is null || languages.IsEmpty)
        {
            return LocalizedText.Empty;
        }

        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location,
                $"'{what}' must give a text per language, like {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}.");
            return LocalizedText.Empty;
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (!languages.Contains(key.Value))
            {
                diagnostics.Error(key.Location, $"'{key.Value}' in '{what}' is not a declared language ({string.Join(", ", languages)}).");
            }
            else if (value is YamlScalar scalar)
            {
                values.Add(new(key.Value, scalar.Value));
            }
            else
            {
                diagnostics.Error(value.Location, $"'{what}' in '{key.Value}' must be a text, not {value.Shape}.");
            }
        }

        foreach (var language in languages)
        {
            if (!values.Any(v => v.Key == language))
            {
                diagnostics.Error(map.Location, $"'{what}' has no '{language}' text; add {language}: ...");
            }
        }

        return LocalizedText.From(values);
    }
}
