using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Model;

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

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="documents">Each entity's entries made by an earlier build in this process, reused while the entity and its prose are the same.</param>
    public static IEnumerable<GeneratedFile> Indexes(SiteModel model, SearchDocuments? documents = null)
    {
        var languages = model.Config.Languages;
        var entries = model.Entities.Select(entity =>
        {
            var texts = entity.Texts;
            return documents?.Get(entity, texts, () => Documents(model, entity, texts)) ?? Documents(model, entity, texts);
        }).ToArray();

        for (var l = 0; l < languages.Length; l++)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("lang", languages[l].Code);
                json.WriteStartArray("docs");
                foreach (var entry in entries)
                {
                    json.WriteRawValue(entry[l], skipInputValidation: true);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            buffer.Write("\n"u8);
            yield return new GeneratedFile($"{languages[l].Code}/search.json", buffer.WrittenSpan.ToArray());
        }
    }

    /// <summary>The entity's entry in the index of each language (in site.yml's order), as JSON.</summary>
    private static byte[][] Documents(SiteModel model, Entity entity, IReadOnlyDictionary<string, EntityText> texts) =>
    [
        .. model.Config.Languages.Select(language =>
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("t", entity.Name[language.Code]);
                json.WriteString("a", string.Join(" · ", model.Config.Languages.Where(l => l.Code != language.Code).Select(l => entity.Name[l.Code])));
                json.WriteString("u", SiteUrls.EntityPath(language.Code, entity));
                json.WriteString("c", entity.Collection.Title[language.Code]);
                json.WriteString("s", entity.Summary[language.Code]);
                var text = texts[language.Code].PlainText;
                json.WriteString("x", text.Length <= MaxTextLength ? text : text[..MaxTextLength]);
                json.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }),
    ];
}
