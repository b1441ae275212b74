using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Exports;

/// <summary>
/// sitemap.xml with an xhtml:link alternate per language (and x-default) for every page and, where Git knows it, the
/// page's lastmod; and robots.txt pointing to it. A site with more pages than one file may hold (site.yml
/// <c>sitemap.max_urls</c>, the protocol's 50,000 by default) gets numbered files, sitemap-1.xml, sitemap-2.xml, ...
/// and sitemap.xml becomes their index, so robots.txt and search consoles keep the one address.
/// </summary>
public static class SitemapWriter
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string IndexFile = "sitemap.xml";

    public static string PartFile(int number) => string.Create(CultureInfo.InvariantCulture, $"sitemap-{number}.xml");

    /// <summary>
    /// The sitemap files. <paramref name="updated"/> is each entity's last change in Git (empty without Git dates):
    /// an entity's pages get their entity's date, a collection's list and a taxonomy term's page the newest of the
    /// entities they list. The home pages, the root, the extra pages (map, timeline, ...) and the taxonomies' indexes
    /// get none: they show a selection from across the site, drawn also by templates and UI strings whose changes the
    /// content's dates do not see, and a lastmod that may be wrong is worse than none.
    /// </summary>
    public static ImmutableArray<GeneratedFile> Sitemaps(SiteConfig config, IEnumerable<PageSpec> pages, SiteModel model, Taxonomies taxonomies,
        IReadOnlyDictionary<EntityId, PartialDate> updated)
    {
        var listed = pages.Where(p => p.Kind != PageKind.NotFound).ToList();
        PartialDate? Newest(IEnumerable<Entity> entities) =>
            entities.Select(e => updated.TryGetValue(e.Id, out var date) ? date : (PartialDate?)null).Where(d => d is not null).Max();

        PartialDate? LastModified(PageSpec page) => page.Kind switch
        {
            PageKind.Entity or PageKind.Compare when page.Entity is { } id => updated.TryGetValue(id, out var date) ? date : null,
            PageKind.Collection when page.Collection is { } collection => Newest(model.Collections[collection]),
            PageKind.TaxonomyTerm when page.Name is { } taxonomy && page.Term is { } term => Newest(taxonomies.Term(taxonomy, term).Entities),
            _ => null,
        };

        var limit = config.SitemapMaxUrls;
        if (listed.Count <= limit)
        {
            return [UrlSet(IndexFile, config, listed, LastModified)];
        }

        var parts = listed.Chunk(limit).Select((chunk, i) => (File: PartFile(i + 1), Pages: chunk)).ToList();
        var files = ImmutableArray.CreateBuilder<GeneratedFile>(parts.Count + 1);
        files.Add(Write(IndexFile, xml =>
        {
            xml.WriteStartElement("sitemapindex", SitemapNamespace);
            foreach (var part in parts)
            {
                xml.WriteStartElement("sitemap", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, config.BaseUrl + part.File);
                if (part.Pages.Select(LastModified).Where(d => d is not null).Max() is { } newest)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, newest.ToString());
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }));
        files.AddRange(parts.Select(part => UrlSet(part.File, config, part.Pages, LastModified)));
        return files.MoveToImmutable();
    }

    private static GeneratedFile UrlSet(string file, SiteConfig config, IReadOnlyList<PageSpec> pages, Func<PageSpec, PartialDate?> lastModified) =>
        Write(file, xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, config.BaseUrl + page.Path);
                if (lastModified(page) is { } date)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, date.ToString()); // YYYY-MM-DD, a W3C date
                }

                if (page.Language is not null)
                {
                    foreach (var language in config.Languages)
                    {
                        Alternate(xml, language.Locale, config.BaseUrl + page.PathIn(language.Code));
                    }

                    Alternate(xml, "x-default", config.BaseUrl + (page.Kind == PageKind.Home ? "" : page.PathIn(config.DefaultLanguage)));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });

    private static GeneratedFile Write(string file, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        return new GeneratedFile(file, stream.ToArray());
    }

    private static void Alternate(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>robots.txt: everything may be crawled; the sitemap (or the sitemaps' index) is at sitemap.xml.</summary>
    public static GeneratedFile Robots(SiteConfig config) =>
        new("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {config.BaseUrl}{IndexFile}\n"));
}
