using System.Text;
using System.Text.RegularExpressions;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Fuzz;
using Atlas.Tests.Support;
using Atlas.Yaml;
using Atlas.Model.Fields;

namespace Atlas.Tests.Hostile;

/// <summary>One place a payload goes: a field of a data file, a spot in a Markdown file.</summary>
/// <param name="File">Site-relative path.</param>
/// <param name="Line">The line the payload lands on.</param>
/// <param name="What">For messages: "parks/lize-hub.yml kind (enum)".</param>
/// <param name="MayBeRefused">Typed values (enum, date, url, references, link URLs, ...) may be refused with a
/// diagnostic; free text (localized, text, Markdown prose) must always be accepted and shown escaped.</param>
public sealed record Slot(string File, int Line, string What, bool MayBeRefused);

/// <summary>
/// A small copy of the real atlas (the fuzz corpus: real site.yml, real templates, real content) whose first entity
/// of every collection gets a payload in every one of its fields, in its front matter and in its Markdown. site.yml
/// gains a <c>url</c> field (on the first collection that has a text field) so that every field type a site can
/// declare is covered.
/// </summary>
public sealed partial class HostileSite : IDisposable
{
    public const string UrlField = "homepage";

    private static readonly Lazy<FuzzCorpus> Corpus = new(() => FuzzCorpus.Load(Repository.Root));

    public HostileSite()
    {
        Root = ScratchSpace.NewFolder("hostile");
        Directory = Path.Combine(Root, "site");
        Corpus.Value.WriteTo(Directory);
        AddUrlField();
        var diagnostics = new DiagnosticBag();
        Config = SiteConfigLoader.Load(Directory, FieldTypes.Catalog, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.ToSortedList()));
        Originals = System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'), File.ReadAllText);
    }

    public string Root { get; }

    public string Directory { get; }

    public string Output => Path.Combine(Root, "public");

    public SiteConfig Config { get; }

    private Dictionary<string, string> Originals { get; }

    /// <summary>The entity that takes the payloads in each collection: the first by slug.</summary>
    public IEnumerable<(CollectionConfig Collection, string Slug)> Targets =>
        Config.Collections.Select(c => (c, Originals.Keys
            .Where(k => k.StartsWith($"content/{c.Folder}/", StringComparison.Ordinal) && k.EndsWith(".yml", StringComparison.Ordinal))
            .Select(k => Path.GetFileNameWithoutExtension(k)).Order(StringComparer.Ordinal).First()));

    /// <summary>Puts the site back as it was before any injection.</summary>
    public void Reset()
    {
        foreach (var (path, text) in Originals)
        {
            File.WriteAllText(Path.Combine(Directory, path), text);
        }
    }

    /// <summary>
    /// Writes <paramref name="payload"/> into the slots of one kind: free text (always accepted) or typed values (may
    /// be refused). <paramref name="only"/> limits typed slots to those given. Returns the slots written.
    /// </summary>
    public List<Slot> Inject(string payload, bool typed, IReadOnlySet<string>? only = null)
    {
        Reset();
        var slots = new List<Slot>();
        foreach (var (collection, slug) in Targets)
        {
            var dataPath = $"content/{collection.Folder}/{slug}.yml";
            var fields = collection.Fields.Where(f => typed != (f.Type is LocalizedField or TextField))
                .Where(f => only is null || only.Contains($"{dataPath} {f.Name}")).ToList();
            slots.AddRange(RewriteData(dataPath, fields, payload));

            foreach (var language in Config.Languages.Select(l => l.Code))
            {
                var markdownPath = $"content/{collection.Folder}/{slug}.{language}.md";
                if (!Originals.ContainsKey(markdownPath))
                {
                    continue;
                }

                if (typed)
                {
                    // A link whose URL is the payload, after the real text.
                    var key = $"{markdownPath} link";
                    if (only is null || only.Contains(key))
                    {
                        var text = Originals[markdownPath].TrimEnd('\n') + "\n\n[link](" + payload + ")\n";
                        File.WriteAllText(Path.Combine(Directory, markdownPath), text);
                        slots.Add(new Slot(markdownPath, text.Count(c => c == '\n'), key, MayBeRefused: true));
                    }

                    continue;
                }

                // Front matter, a heading, a paragraph, link text, an image's alt text, a block of raw HTML, a list
                // item, a table cell, emphasis, a footnote and a custom container: the payload as prose everywhere.
                var lines = new[]
                {
                    "---", $"summary: {Quote(payload)}", "---", $"## {payload}", "", payload, "", $"[{payload}](https://example.org/)", "",
                    $"![{payload}](https://example.org/x.png)", "", $"<div>{payload}</div>", "", $"- {payload}", "", "| a | b |", "|---|---|",
                    $"| {payload.Replace("|", "\\|")} | x |", "", $"*{payload}* and `{payload}`", "", $"Note[^1].", "", $"[^1]: {payload}", "",
                    $"::: {payload}", "inside", ":::", "",
                };
                File.WriteAllText(Path.Combine(Directory, markdownPath), string.Join('\n', lines) + "\n");
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Contains(payload.Replace("|", "\\|"), StringComparison.Ordinal) || lines[i].Contains(Quote(payload), StringComparison.Ordinal))
                    {
                        slots.Add(new Slot(markdownPath, i + 1, $"{markdownPath} line {i + 1}", MayBeRefused: false));
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>Replaces (or adds) the given top-level fields of a data file with the payload, one line each.</summary>
    private List<Slot> RewriteData(string dataPath, List<FieldDefinition> fields, string payload)
    {
        var original = Originals[dataPath];
        var diagnostics = new DiagnosticBag();
        Assert.True(YamlReader.TryRead(original, dataPath, diagnostics, out var root) && root is YamlMapping, dataPath);
        var mapping = (YamlMapping)root!;
        var lines = original.TrimEnd('\n').Split('\n').ToList();
        var keyLines = mapping.Entries.Select(e => (e.Key.Value, e.Key.Location.Line)).ToList();

        var output = new List<string>();
        var slots = new List<Slot>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keyLines.Count; i++)
        {
            var (key, line) = keyLines[i];
            var end = i + 1 < keyLines.Count ? keyLines[i + 1].Line - 1 : lines.Count;
            if (fields.FirstOrDefault(f => f.Name == key) is { } field)
            {
                output.Add($"{key}: {Value(field.Type, payload)}");
                slots.Add(new Slot(dataPath, output.Count, $"{dataPath} {key} ({field.Type})", field.Type is not (LocalizedField or TextField)));
                written.Add(key);
            }
            else
            {
                output.AddRange(lines.GetRange(line - 1, end - line + 1));
            }
        }

        foreach (var field in fields.Where(f => !written.Contains(f.Name)))
        {
            output.Add($"{field.Name}: {Value(field.Type, payload)}");
            slots.Add(new Slot(dataPath, output.Count, $"{dataPath} {field.Name} ({field.Type})", field.Type is not (LocalizedField or TextField)));
        }

        File.WriteAllText(Path.Combine(Directory, dataPath), string.Join('\n', output) + "\n");
        return slots;
    }

    private string Value(FieldType type, string payload) => type switch
    {
        LocalizedField => "{" + string.Join(", ", Config.Languages.Select(l => $"{l.Code}: {Quote(payload)}")) + "}",
        TagsField or ReferencesField => $"[{Quote(payload)}]",
        CoordinatesField => $"[{Quote(payload)}, {Quote(payload)}]",
        _ => Quote(payload),
    };

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                < ' ' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Adds a url field to the first collection with a text field, and its label to every UI bundle.</summary>
    private void AddUrlField()
    {
        var sitePath = Path.Combine(Directory, SiteConfig.FileName);
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Directory, FieldTypes.Catalog, diagnostics)!;
        var collection = config.Collections.First(c => c.Fields.Any(f => f.Type == FieldTypes.Text));
        var lines = File.ReadAllLines(sitePath).ToList();
        var header = lines.FindIndex(l => l == $"  {collection.Name}:");
        var fields = lines.FindIndex(header, l => l == "    fields:");
        Assert.True(header >= 0 && fields > header, "site.yml no longer has the block layout this test edits");
        lines.Insert(fields + 1, $"      {UrlField}: {{type: url}}");
        File.WriteAllLines(sitePath, lines);

        foreach (var bundle in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "templates", "i18n"), "*.yml"))
        {
            var text = File.ReadAllText(bundle);
            Assert.Matches(FieldBlock(), text);
            File.WriteAllText(bundle, FieldBlock().Replace(text, $"field:\n  {UrlField}: Homepage\n", 1));
        }
    }

    [GeneratedRegex(@"^field:\n", RegexOptions.Multiline)]
    private static partial Regex FieldBlock();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
