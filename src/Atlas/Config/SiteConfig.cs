using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>
/// Everything site.yml declares, validated. <see cref="SiteDirectory"/> is the absolute folder holding site.yml;
/// every other path is relative to it.
/// </summary>
public sealed record SiteConfig(
    string SiteDirectory,
    LocalizedText Title,
    LocalizedText Description,
    string BaseUrl,
    string DefaultLanguage,
    ImmutableArray<LanguageConfig> Languages,
    string Output,
    ImmutableArray<CollectionConfig> Collections)
{
    public const string FileName = "site.yml";

    /// <summary>Pages, taxonomies, timeline, feeds and map, as switched on in site.yml.</summary>
    public FeaturesConfig Features { get; init; } = FeaturesConfig.None;

    /// <summary>How Markdown is rendered: which raw HTML tags, if any, pass through.</summary>
    public MarkdownConfig Markdown { get; init; } = MarkdownConfig.Default;
    public const string ContentFolder = "content";
    public const string TemplatesFolder = "templates";

    public LanguageConfig? Language(string code) => Languages.FirstOrDefault(l => l.Code == code);

    public CollectionConfig? Collection(string name) => Collections.FirstOrDefault(c => c.Name == name);

    /// <summary>The path part of the base URL ("/atlas/" for https://host/atlas/), used for root-relative links.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;
}
