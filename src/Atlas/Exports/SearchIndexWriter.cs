using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Config;
using Atlas.Model;
using Atlas.Text;

namespace Atlas.Exports;

/// <summary>
/// The search index of each language, under /search/&lt;lang&gt;/, made so that a query fetches only what it needs
/// (at 10,000 entities the first query stays under 300 KB):
/// <list type="bullet">
/// <item><c>meta.json</c>: the number of documents, the collections, each document's collection (one character
/// each), the list of term shards and the synonyms (other ways of writing a name, with the name to search for).</item>
/// <item><c>t/&lt;shard&gt;.json</c>: the terms that start with the shard's prefix (a term goes to the longest prefix
/// listed), each with its postings (document, best field: 3 its name in this language, 2 its name in another
/// language or its pinyin, 1 its summary or collection, 0 its text and field values; a name's field also says how
/// many terms the name has), and the name keys (whole names folded: exact, without an administrative unit, pinyin,
/// the other language's) with the documents they name. A shard too big is split by one more character.</item>
/// <item><c>d/&lt;block&gt;.json</c>: documents in blocks of <see cref="BlockSize"/>: title, other name, address,
/// summary, fetched for the results shown.</item>
/// <item><c>x/&lt;document&gt;.txt</c>: a document's whole text, fetched for the excerpts of the results shown.</item>
/// </list>
/// Documents are the collections' index pages, then every entity. Terms come from <see cref="SearchTerms"/>; the
/// page's script (templates/assets/search.js) cuts queries the same way and ranks.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The folder of the index in the output, one subfolder per language.</summary>
    public const string Folder = "search/";

    /// <summary>Documents per block file: the first twenty results fetch at most twenty small blocks.</summary>
    public const int BlockSize = 16;

    /// <summary>A shard above this many bytes is split by one more character of its terms.</summary>
    public const int ShardLimit = 12_000;

    /// <summary>Fields of a posting, strongest first in the script's weights.</summary>
    internal const int OwnName = 3, OtherName = 2, Summary = 1, Body = 0;

    /// <summary>Kinds of name keys: the name, the name without its administrative unit, its pinyin, another language's name.</summary>
    internal const int ExactName = 0, WithoutUnit = 1, PinyinName = 2, OtherLanguageName = 3;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="documents">Each entity's entries made by an earlier build in this process, reused while the entity and its prose are the same.</param>
    /// <param name="cancellation">Checked as the index is put together (seconds on a large site), not only between its files.</param>
    public static IEnumerable<GeneratedFile> Indexes(SiteModel model, SearchDocuments? documents = null, CancellationToken cancellation = default)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellation };
        var languages = model.Config.Languages.Select(l => l.Code).ToArray();
        var collections = model.Config.Collections;
        var collectionNames = collections.Select(c => c.Name).ToList();
        // Cutting every entity's text into terms is most of the index's work: entities are cut in parallel, each
        // into its own slot, so the documents keep the model's order (the same bytes every build).
        var own = new SearchDocument[model.Entities.Length][];
        Parallel.For(0, own.Length, parallel, e =>
        {
            var entity = model.Entities[e];
            var texts = entity.Texts;
            own[e] = documents?.Get(entity, texts, () => OwnParts(model, entity, languages)) ?? OwnParts(model, entity, languages);
        });

        for (var l = 0; l < languages.Length; l++)
        {
            var language = languages[l];
            // The terms of the names an entity links to (a few cities, sectors, its parent), cut once per name: most
            // entities of a large site link to the same few places.
            var nameTerms = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);
            var entityDocs = new SearchDocument?[own.Length];
            Parallel.For(0, own.Length, parallel, e =>
            {
                var entity = model.Entities[e];
                var collection = collectionNames.IndexOf(entity.Collection.Name); // by name: an entity kept from an earlier build holds an earlier config
                if (collection < 0 || !collections[collection].InSearch)
                {
                    return;
                }

                entityDocs[e] = own[e][l] with
                {
                    Collection = collection,
                    Links = Math.Min(9, (int)(2 * Math.Log(1 + model.BacklinksTo(entity.Id).Length))),
                    LinkedTerms = FieldValueTerms(model, entity, language, nameTerms),
                };
            });

            var docs = new List<SearchDocument>(collections.Length + own.Length);
            docs.AddRange(collections.Select((c, i) => CollectionDocument(c, i, languages, language)));
            docs.AddRange(entityDocs.OfType<SearchDocument>());

            foreach (var file in Files(language, docs, collections, Synonyms(model, language), cancellation))
            {
                yield return file;
            }
        }
    }

    /// <summary>
    /// The other ways of writing a name that a query may hold, each with the name to search for instead in this
    /// language (a glossary's replaced wording, collections with <c>synonyms:</c>), ordered for the same bytes every build.
    /// </summary>
    private static List<(string Alternative, string Name)> Synonyms(SiteModel model, string language) =>
    [
        .. model.Config.Collections.Where(c => c.Synonyms is not null)
            .SelectMany(c => model.Collections[c.Name])
            .SelectMany(entity => entity.Field(entity.Collection.Synonyms!) is TextsValue alternatives
                ? alternatives.Values.Select(alternative => (Alternative: alternative, Name: entity.Name[language]))
                : [])
            .OrderBy(s => s.Alternative, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal),
    ];

    /// <summary>One document of the index of one language.</summary>
    /// <param name="Terms">The terms of the entity's own text, each with its strongest field (see <see cref="Add"/>).</param>
    internal sealed record SearchDocument(
        string Title, string Other, string Url, string Summary, string Text, int Collection,
        IReadOnlyDictionary<string, int> Terms, IReadOnlyDictionary<string, int> NameKeys)
    {
        /// <summary>How much the site points at it, 0 to 9 (twice the log of one more than the entities that reference it).</summary>
        public int Links { get; init; }

        /// <summary>
        /// The terms of what the entity links to and of its collection (<see cref="FieldValueTerms"/>), kept apart from
        /// <see cref="Terms"/> rather than added to a copy of them: the document's terms are both, a term in both with
        /// the field of the stronger (<see cref="AllTerms"/>).
        /// </summary>
        public IReadOnlyDictionary<string, int> LinkedTerms { get; init; } = EmptyTerms;

        /// <summary>Every term with its strongest field, as if <see cref="LinkedTerms"/> had been added to <see cref="Terms"/> after them.</summary>
        public IEnumerable<(string Term, int Code)> AllTerms()
        {
            foreach (var (term, code) in Terms)
            {
                yield return LinkedTerms.TryGetValue(term, out var linked) && (linked & 3) > (code & 3) ? (term, linked) : (term, code);
            }

            foreach (var (term, code) in LinkedTerms)
            {
                if (!Terms.ContainsKey(term))
                {
                    yield return (term, code);
                }
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyTerms = new Dictionary<string, int>();

    /// <summary>What of an entity's document depends on the entity alone (kept across preview rebuilds), per language.</summary>
    private static SearchDocument[] OwnParts(SiteModel model, Entity entity, string[] languages) =>
    [
        .. languages.Select(language =>
        {
            var terms = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            AddNames(terms, keys, entity.Name, languages, language);
            Add(terms, SearchTerms.Terms(entity.Summary[language]), Summary);
            Add(terms, SearchTerms.Terms(entity.Texts[language].PlainText), Body);
            foreach (var value in entity.Fields.Values.OfType<LocalizedValue>())
            {
                Add(terms, SearchTerms.Terms(value.Text[language]), Body);
            }

            var other = string.Join(" · ", languages.Where(o => o != language).Select(o => entity.Name[o]));
            return new SearchDocument(entity.Name[language], other, SiteUrls.EntityPath(language, entity), entity.Summary[language],
                entity.Texts[language].PlainText, -1, terms, keys);
        }),
    ];

    private static SearchDocument CollectionDocument(CollectionConfig collection, int index, string[] languages, string language)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        AddNames(terms, keys, collection.Title, languages, language);
        var other = string.Join(" · ", languages.Where(o => o != language).Select(o => collection.Title[o]));
        return new SearchDocument(collection.Title[language], other, SiteUrls.CollectionPath(language, collection), "", "", index, terms, keys);
    }

    /// <summary>The terms of the entity's field values that name other things (its cities, sectors' entities,
    /// parent …) and of its collection, in this language; <paramref name="nameTerms"/> holds each name's terms once cut.</summary>
    private static IReadOnlyDictionary<string, int> FieldValueTerms(SiteModel model, Entity entity, string language,
        ConcurrentDictionary<string, string[]> nameTerms)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in entity.Fields.Values)
        {
            foreach (var target in value.LinkedEntities)
            {
                if (model.Find(target) is { } linked)
                {
                    Add(terms, TermsOf(linked.Name[language]), Body);
                }
            }
        }

        // What kind of thing it is counts like its summary: "成都的园区" asks for parks.
        Add(terms, TermsOf(entity.Collection.Title[language]), Summary);
        return terms;

        string[] TermsOf(string name) => nameTerms.GetOrAdd(name, static n => [.. SearchTerms.Terms(n)]);
    }

    private static void AddNames(Dictionary<string, int> terms, Dictionary<string, int> keys, LocalizedText name, string[] languages, string language)
    {
        foreach (var code in languages)
        {
            var text = name[code];
            var field = code == language ? OwnName : OtherName;
            var nameTerms = SearchTerms.Terms(text).ToList();
            if (Collation.IsChinese(code))
            {
                nameTerms.AddRange(SearchTerms.PinyinTerms(text));
            }

            // The name's length (as a key) goes with its field: how much of the name a query covers.
            Add(terms, nameTerms, field + 4 * Math.Clamp(SearchTerms.NameKey(SearchTerms.Core(text)).Length, 1, 255));

            var core = SearchTerms.Core(text);
            var exact = code == language ? ExactName : OtherLanguageName;
            AddKey(keys, SearchTerms.NameKey(text), exact);
            AddKey(keys, SearchTerms.NameKey(core), exact);
            var without = SearchTerms.WithoutAdministrativeSuffix(SearchTerms.NameKey(core));
            if (without is not null)
            {
                AddKey(keys, without, code == language ? WithoutUnit : OtherLanguageName);
            }

            if (SearchTerms.Head(core) is { } head)
            {
                AddKey(keys, head, code == language ? WithoutUnit : OtherLanguageName);
            }

            if (Collation.IsChinese(code))
            {
                AddKey(keys, SearchTerms.PinyinKey(core), PinyinName);
                if (without is not null)
                {
                    AddKey(keys, SearchTerms.PinyinKey(without), PinyinName);
                }
            }
        }
    }

    private static void AddKey(Dictionary<string, int> keys, string key, int kind)
    {
        if (key.Length > 0 && (!keys.TryGetValue(key, out var known) || kind < known))
        {
            keys[key] = kind;
        }
    }

    /// <summary>Each term with its strongest field (a name's code carries its term count above the field's two bits).</summary>
    private static void Add(Dictionary<string, int> terms, IEnumerable<string> words, int code)
    {
        foreach (var word in words)
        {
            if (!terms.TryGetValue(word, out var known) || (code & 3) > (known & 3))
            {
                terms[word] = code;
            }
        }
    }

    /// <summary>The shard prefix a term starts in before any split: its first Han character, else its first two characters.</summary>
    internal static string BasePrefix(string term) =>
        SearchTerms.IsHan(term[0]) || term.Length < 2 ? term[..1] : term[..2];

    private static IEnumerable<GeneratedFile> Files(string language, List<SearchDocument> docs, IReadOnlyList<CollectionConfig> collections,
        List<(string Alternative, string Name)> synonyms, CancellationToken cancellation)
    {
        var root = $"{Folder}{language}/";

        // Postings and name keys, by term, documents in order (the terms are put in order once, below: a sorted
        // dictionary would compare strings on each of the millions of insertions of a large site).
        var postings = new Dictionary<string, List<(int Doc, int Code)>>(StringComparer.Ordinal);
        var names = new Dictionary<string, List<(int Doc, int Kind)>>(StringComparer.Ordinal);
        for (var d = 0; d < docs.Count; d++)
        {
            if (d % 256 == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            foreach (var (term, code) in docs[d].AllTerms())
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((d, code));
            }

            foreach (var (key, kind) in docs[d].NameKeys)
            {
                if (!names.TryGetValue(key, out var list))
                {
                    names[key] = list = [];
                }

                list.Add((d, kind));
            }
        }

        // Shards: by base prefix, split one character further while too big.
        var entries = postings.Keys.Order(StringComparer.Ordinal).Select(t => (Key: t, Name: false, Size: t.Length * 3 + 6 + postings[t].Count * 6))
            .Concat(names.Keys.Order(StringComparer.Ordinal).Select(k => (Key: k, Name: true, Size: k.Length * 3 + 6 + names[k].Count * 5)))
            .ToList();
        var shards = new SortedDictionary<string, List<(string Key, bool Name, int Size)>>(StringComparer.Ordinal);
        foreach (var group in entries.GroupBy(e => BasePrefix(e.Key)))
        {
            Split(group.Key, [.. group], shards);
        }

        var meta = Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("lang", language);
            json.WriteNumber("docs", docs.Count);
            json.WriteNumber("block", BlockSize);
            json.WriteStartArray("collections");
            foreach (var collection in collections)
            {
                json.WriteStartObject();
                json.WriteString("name", collection.Name);
                json.WriteString("title", collection.Title[language]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("of", new string([.. docs.Select(d => (char)('a' + d.Collection))]));
            json.WriteString("links", new string([.. docs.Select(d => (char)('0' + d.Links))]));
            json.WriteStartArray("shards");
            foreach (var prefix in shards.Keys)
            {
                json.WriteStringValue(prefix);
            }

            json.WriteEndArray();
            json.WriteStartArray("synonyms");
            foreach (var (alternative, name) in synonyms)
            {
                json.WriteStartArray();
                json.WriteStringValue(alternative);
                json.WriteStringValue(name);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
        yield return new GeneratedFile(root + "meta.json", meta);

        foreach (var (prefix, members) in shards)
        {
            yield return new GeneratedFile(root + "t/" + ShardFileName(prefix) + ".json", Json(json =>
            {
                json.WriteStartObject();
                json.WriteStartObject("t");
                foreach (var member in members.Where(m => !m.Name))
                {
                    WritePostings(json, member.Key, postings[member.Key]);
                }

                json.WriteEndObject();
                json.WriteStartObject("n");
                foreach (var member in members.Where(m => m.Name))
                {
                    WritePostings(json, member.Key, names[member.Key]);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }));
        }

        for (var block = 0; block * BlockSize < docs.Count; block++)
        {
            var first = block * BlockSize;
            yield return new GeneratedFile(root + "d/" + block.ToString(CultureInfo.InvariantCulture) + ".json", Json(json =>
            {
                json.WriteStartArray();
                foreach (var doc in docs.Skip(first).Take(BlockSize))
                {
                    json.WriteStartArray();
                    json.WriteStringValue(doc.Title);
                    json.WriteStringValue(doc.Other);
                    json.WriteStringValue(doc.Url);
                    json.WriteStringValue(doc.Summary);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }));
        }

        for (var d = 0; d < docs.Count; d++)
        {
            if (docs[d].Text.Length > 0)
            {
                yield return new GeneratedFile(root + "x/" + d.ToString(CultureInfo.InvariantCulture) + ".txt", Encoding.UTF8.GetBytes(docs[d].Text));
            }
        }
    }

    private static void Split(string prefix, List<(string Key, bool Name, int Size)> members, SortedDictionary<string, List<(string Key, bool Name, int Size)>> shards)
    {
        var longer = members.Where(m => m.Key.Length > prefix.Length).ToList();
        if (members.Sum(m => m.Size) <= ShardLimit || longer.Count == 0)
        {
            shards[prefix] = members;
            return;
        }

        var stay = members.Where(m => m.Key.Length <= prefix.Length).ToList();
        if (stay.Count > 0)
        {
            shards[prefix] = stay;
        }

        foreach (var group in longer.GroupBy(m => m.Key[..(prefix.Length + 1)]))
        {
            Split(group.Key, [.. group], shards);
        }
    }

    /// <summary>A shard's file name: ASCII letters and digits as they are, anything else as _ and its hex code ("成" → "_6210").</summary>
    internal static string ShardFileName(string prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in prefix)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>A key and its postings: [document gap, value, document gap, value, …], gaps from the previous document.</summary>
    private static void WritePostings(Utf8JsonWriter json, string key, List<(int Doc, int Value)> list)
    {
        json.WriteStartArray(key);
        var previous = 0;
        foreach (var (doc, value) in list)
        {
            json.WriteNumberValue(doc - previous);
            json.WriteNumberValue(value);
            previous = doc;
        }

        json.WriteEndArray();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
