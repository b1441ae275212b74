using System.Text;
using System.Xml;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Exports;

/// <summary>sitemap.xml with an xhtml:link alternate per language (and x-default) for every page, and robots.txt.</summary>
public static class SitemapWriter
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static GeneratedFile Sitemap(SiteConfig config, IEnumerable<PageSpec> pages)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages.Where(p => p.Kind != PageKind.NotFound))
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, config.BaseUrl + page.Path);
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
            xml.WriteEndDocument();
        }

        return new GeneratedFile("sitemap.xml", stream.ToArray());
    }

    private static void Alternate(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    public static GeneratedFile Robots(SiteConfig config) =>
        new("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {config.BaseUrl}sitemap.xml\n"));
}
