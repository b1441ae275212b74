using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Atlas.Scale;

public sealed class ScaleException(string message) : Exception(message);

/// <summary>A field of a collection, as far as the generator cares: its type and, for references, where it points.</summary>
public sealed record FieldInfo(string Name, string Type, ImmutableArray<string> To)
{
    public bool IsReference => Type is "reference" or "references";

    /// <summary>A reference to more than one collection is written collection/slug; to one, just slug.</summary>
    public bool IsQualified => To.Length > 1;
}

/// <summary>One real entity: its slug, its data file and its Markdown files (by language), as raw text.</summary>
public sealed record RealEntity(string Slug, string Data, ImmutableSortedDictionary<string, string> Documents, YamlMappingNode Parsed);

public sealed record RealCollection(
    string Name,
    int Order,
    ImmutableSortedDictionary<string, string> Title,
    ImmutableDictionary<string, FieldInfo> Fields,
    ImmutableArray<RealEntity> Entities);

/// <summary>The real atlas: site.yml's languages, collections and features, and every entity's files.</summary>
public sealed class RealAtlas
{
    private RealAtlas(string directory, ImmutableArray<(string Code, string Name)> languages, string defaultLanguage, string baseUrl,
        ImmutableSortedDictionary<string, string> title, ImmutableArray<RealCollection> collections, string? seriesField, string? featuredField)
    {
        Directory = directory;
        Languages = languages;
        DefaultLanguage = defaultLanguage;
        BaseUrl = baseUrl;
        Title = title;
        Collections = collections;
        SeriesField = seriesField;
        FeaturedField = featuredField;
    }

    public string Directory { get; }

    public ImmutableArray<(string Code, string Name)> Languages { get; }

    public string DefaultLanguage { get; }

    public string BaseUrl { get; }

    public ImmutableSortedDictionary<string, string> Title { get; }

    /// <summary>Ordered by name (ordinal), which is also the order entities are generated in.</summary>
    public ImmutableArray<RealCollection> Collections { get; }

    public string? SeriesField { get; }

    public string? FeaturedField { get; }

    public int EntityCount => Collections.Sum(c => c.Entities.Length);

    public RealCollection Collection(string name) =>
        Collections.FirstOrDefault(c => c.Name == name) ?? throw new ScaleException($"site.yml has no collection '{name}'");

    public static RealAtlas Load(string directory)
    {
        directory = Path.GetFullPath(directory);
        var siteFile = Path.Combine(directory, "site.yml");
        if (!File.Exists(siteFile))
        {
            throw new ScaleException($"{siteFile} does not exist; --site must be the folder holding site.yml");
        }

        var root = Parse(File.ReadAllText(siteFile), siteFile);
        var languages = Sequence(root, "languages").Cast<YamlMappingNode>()
            .Select(l => (Scalar(l, "code")!, Scalar(l, "name") ?? Scalar(l, "code")!)).ToImmutableArray();
        var defaultLanguage = Scalar(root, "default_language") ?? languages[0].Item1;
        var baseUrl = Scalar(root, "base_url") ?? "https://example.org/";
        var title = Localized(root, "title");
        var seriesField = Child(root, "charts") is YamlMappingNode charts ? Scalar(charts, "series") : null;
        var featuredField = Scalar(root, "featured");

        var collections = new List<RealCollection>();
        if (Child(root, "collections") is not YamlMappingNode collectionNodes)
        {
            throw new ScaleException("site.yml has no collections:");
        }

        foreach (var (keyNode, valueNode) in collectionNodes.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value!;
            var node = (YamlMappingNode)valueNode;
            var fields = ImmutableDictionary.CreateBuilder<string, FieldInfo>(StringComparer.Ordinal);
            if (Child(node, "fields") is YamlMappingNode fieldNodes)
            {
                foreach (var (fieldKey, fieldValue) in fieldNodes.Children)
                {
                    var fieldName = ((YamlScalarNode)fieldKey).Value!;
                    var fieldNode = (YamlMappingNode)fieldValue;
                    var to = Child(fieldNode, "to") switch
                    {
                        YamlScalarNode s => [s.Value!],
                        YamlSequenceNode seq => seq.Children.Select(c => ((YamlScalarNode)c).Value!).ToImmutableArray(),
                        _ => ImmutableArray<string>.Empty,
                    };
                    fields[fieldName] = new FieldInfo(fieldName, Scalar(fieldNode, "type") ?? "text", to);
                }
            }

            var order = int.TryParse(Scalar(node, "order"), out var o) ? o : 0;
            collections.Add(new RealCollection(name, order, Localized(node, "title"), fields.ToImmutable(),
                LoadEntities(directory, name, languages.Select(l => l.Item1).ToImmutableArray())));
        }

        return new RealAtlas(directory, languages, defaultLanguage, baseUrl, title,
            [.. collections.OrderBy(c => c.Name, StringComparer.Ordinal)], seriesField, featuredField);
    }

    private static ImmutableArray<RealEntity> LoadEntities(string site, string folder, ImmutableArray<string> languages)
    {
        var directory = Path.Combine(site, "content", folder);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var entities = new List<RealEntity>();
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            var data = File.ReadAllText(file);
            var documents = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var language in languages)
            {
                var path = Path.Combine(directory, $"{slug}.{language}.md");
                if (File.Exists(path))
                {
                    documents[language] = File.ReadAllText(path);
                }
            }

            entities.Add(new RealEntity(slug, data, documents.ToImmutable(), Parse(data, file)));
        }

        return [.. entities];
    }

    internal static YamlMappingNode Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ScaleException($"{path}: {e.Message}");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
            ? mapping
            : throw new ScaleException($"{path}: expected a YAML map");
    }

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? Scalar(YamlMappingNode node, string key) => Child(node, key) is YamlScalarNode s ? s.Value : null;

    internal static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode s ? s.Children : [];

    internal static ImmutableSortedDictionary<string, string> Localized(YamlMappingNode node, string key) =>
        Child(node, key) switch
        {
            YamlMappingNode map => map.Children.ToImmutableSortedDictionary(
                p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal),
            _ => ImmutableSortedDictionary<string, string>.Empty,
        };
}
