using System.Text.Json;
using Atlas.Exports;

namespace Atlas.Tests.Search;

/// <summary>
/// Reads a built site's search index (/search/&lt;lang&gt;/) the way the search page's script does: a term's shard by
/// its longest listed prefix, its postings, and the documents' addresses from their blocks.
/// </summary>
public sealed class BuiltSearchIndex
{
    private readonly string _root;
    private readonly string[] _shards;

    public BuiltSearchIndex(string output, string language)
    {
        _root = Path.Combine(output, "search", language);
        using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "meta.json")));
        _shards = [.. meta.RootElement.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!)];
        Documents = meta.RootElement.GetProperty("docs").GetInt32();
    }

    public int Documents { get; }

    /// <summary>The shard files' prefixes.</summary>
    public IReadOnlyList<string> Shards => _shards;

    /// <summary>The address of each document ("zh/parks/gaozhu-new-area/"), in order.</summary>
    public IReadOnlyList<string> Urls()
    {
        var urls = new List<string>();
        for (var block = 0; block * SearchIndexWriter.BlockSize < Documents; block++)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "d", block + ".json")));
            urls.AddRange(json.RootElement.EnumerateArray().Select(r => r[2].GetString()!));
        }

        return urls;
    }

    /// <summary>The documents holding a term (or, with <paramref name="map"/> "n", named by a name key), each with its field or kind.</summary>
    public IReadOnlyDictionary<int, int> Postings(string term, string map = "t")
    {
        var prefix = Enumerable.Range(1, term.Length).Select(n => term[..n]).LastOrDefault(p => _shards.Contains(p));
        var postings = new Dictionary<int, int>();
        if (prefix is null)
        {
            return postings;
        }

        using var shard = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "t", SearchIndexWriter.ShardFileName(prefix) + ".json")));
        if (!shard.RootElement.GetProperty(map).TryGetProperty(term, out var list))
        {
            return postings;
        }

        var values = list.EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var doc = 0;
        for (var i = 0; i + 1 < values.Length; i += 2)
        {
            doc += values[i];
            postings[doc] = values[i + 1];
        }

        return postings;
    }

    /// <summary>The addresses of the documents that hold a term.</summary>
    public IReadOnlyList<string> Find(string term, string map = "t")
    {
        var urls = Urls();
        return [.. Postings(term, map).Keys.Select(d => urls[d])];
    }
}
