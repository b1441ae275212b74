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
    /// <summary>
    /// site.yml <c>git_dates</c>: read when each content file last changed from Git (the pages' "last updated", the
    /// sitemap's lastmod, status's stale translations). Off unless set, like Hugo's enableGitInfo; when on and Git
    /// cannot give the dates (no git, no repository, a shallow clone), the build warns once at <see cref="GitDatesLocation"/>.
    /// </summary>
    public bool GitDates { get; init; }

    public Diagnostics.SourceLocation GitDatesLocation { get; init; } = Diagnostics.SourceLocation.File(FileName);

    /// <summary>
    /// site.yml <c>sitemap: {max_urls: N}</c>: the most URLs one sitemap file holds (the protocol's limit, 50,000, unless
    /// set lower); a site with more gets a sitemap index of numbered files.
    /// </summary>
    public int SitemapMaxUrls { get; init; } = SitemapProtocolLimit;

    /// <summary>site.yml <c>repository:</c>, the Git repository whose web editor the entity pages link to; null: no edit links.</summary>
    public RepositoryConfig? Repository { get; init; }

    public const int SitemapProtocolLimit = 50_000;
    public const string ContentFolder = "content";
    public const string TemplatesFolder = "templates";

    public LanguageConfig? Language(string code) => Languages.FirstOrDefault(l => l.Code == code);

    public CollectionConfig? Collection(string name) => Collections.FirstOrDefault(c => c.Name == name);

    /// <summary>The path part of the base URL ("/atlas/" for https://host/atlas/), used for root-relative links.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath;
}
