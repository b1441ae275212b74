using System.Globalization;
using System.Text;
using System.Xml;
using Atlas.Localization;
using Atlas.Model;

namespace Atlas.Exports;

/// <summary>
/// An Atom feed per language (/&lt;lang&gt;/feed.xml) of the entities of the collections site.yml names, newest
/// first by their first date field. The feed's updated time is its newest entry's date, never the build time,
/// so the same content gives the same bytes.
/// </summary>
public static class FeedWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static IEnumerable<GeneratedFile> Feeds(SiteModel model, Func<string, I18nBundle> bundles)
    {
        var config = model.Config;
        var features = config.Features;
        if (features.FeedCollections.IsEmpty)
        {
            yield break;
        }

        var entries = features.FeedCollections
            .SelectMany(c => model.Collections[c])
            .Select(e => (Entity: e, Date: features.FeedDates.Select(f => e.Field(f)).OfType<DateValue>().FirstOrDefault()))
            .Where(e => e.Date is not null)
            .OrderByDescending(e => e.Date!.Date).ThenBy(e => e.Entity.Id)
            .ToList();

        foreach (var language in config.Languages)
        {
            var bundle = bundles(language.Code);
            using var stream = new MemoryStream();
            using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("feed", Atom);
                xml.WriteAttributeString("xml", "lang", null, language.Locale);
                xml.WriteElementString("title", Atom, XmlText($"{config.Title[language.Code]} · {bundle.Get("feed.title") ?? ""}".TrimEnd(' ', '·')));
                xml.WriteElementString("id", Atom, $"{config.BaseUrl}{language.Code}/feed.xml");
                xml.WriteElementString("updated", Atom, entries.Count > 0 ? Timestamp(entries[0].Date!.Date) : "2000-01-01T00:00:00Z");
                Link(xml, $"{config.BaseUrl}{language.Code}/feed.xml", "self");
                Link(xml, $"{config.BaseUrl}{language.Code}/", "alternate");
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, XmlText(config.Title[language.Code]));
                xml.WriteEndElement();

                foreach (var (entity, date) in entries)
                {
                    var url = config.BaseUrl + SiteUrls.EntityPath(language.Code, entity);
                    xml.WriteStartElement("entry", Atom);
                    xml.WriteElementString("title", Atom, XmlText(entity.Name[language.Code]));
                    xml.WriteElementString("id", Atom, url);
                    xml.WriteElementString("updated", Atom, Timestamp(date!.Date));
                    Link(xml, url, "alternate");
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", entity.Collection.Name);
                    xml.WriteAttributeString("label", XmlText(entity.Collection.Title[language.Code]));
                    xml.WriteEndElement();
                    xml.WriteStartElement("summary", Atom);
                    xml.WriteString(XmlText(entity.Summary[language.Code]));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            yield return new GeneratedFile($"{language.Code}/feed.xml", stream.ToArray());
        }
    }

    /// <summary>
    /// The text without the characters XML 1.0 cannot hold (control characters, lone surrogates): a page shows such a
    /// character as text, but a feed with it would be refused by every reader, so the feed leaves it out.
    /// </summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Atom needs a full timestamp; a date known only to the month or year is placed at its start.</summary>
    private static string Timestamp(PartialDate date) =>
        new DateTime(date.Year, date.Month ?? 1, date.Day ?? 1, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
