using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Model;
using Atlas.Rendering;

namespace Atlas.Exports;

/// <summary>
/// The search index of one language (/&lt;lang&gt;/search.json): per entity its name in every language (so "高竹"
/// and "Gaozhu" both find it), its collection, summary and plain text. The page's script matches substrings, which
/// works for Chinese without word segmentation and for English as prefix and word matching.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>Enough body text to find an entity by what it says, without shipping whole pages.</summary>
    public const int MaxTextLength = 1200;

    public static IEnumerable<GeneratedFile> Indexes(SiteModel model)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var language in model.Config.Languages)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, options))
            {
                json.WriteStartObject();
                json.WriteString("lang", language.Code);
                json.WriteStartArray("docs");
                foreach (var entity in model.Entities)
                {
                    json.WriteStartObject();
                    json.WriteString("t", entity.Name[language.Code]);
                    json.WriteString("a", string.Join(" · ", model.Config.Languages.Where(l => l.Code != language.Code).Select(l => entity.Name[l.Code])));
                    json.WriteString("u", SitePlanner.EntityPath(language.Code, entity));
                    json.WriteString("c", entity.Collection.Title[language.Code]);
                    json.WriteString("s", entity.Summary[language.Code]);
                    var text = entity.Texts[language.Code].PlainText;
                    json.WriteString("x", text.Length <= MaxTextLength ? text : text[..MaxTextLength]);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            yield return new GeneratedFile($"{language.Code}/search.json", stream.ToArray());
        }
    }
}
