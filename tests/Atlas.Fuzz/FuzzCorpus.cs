using System.Text.RegularExpressions;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;
using Atlas.Model.Fields;

namespace Atlas.Fuzz;

/// <summary>
/// A small but complete copy of the shipped atlas to fuzz: the real site.yml and templates/, and from content/ the
/// real files of one entity per collection plus every entity their data files refer to. Markdown links
/// (<c>ref:</c>) to entities left out are pointed at one that is in, so that the unmutated corpus builds without a
/// single diagnostic and every stage (load, validate, render, export) runs on it.
/// </summary>
public sealed partial class FuzzCorpus
{
    private FuzzCorpus(string repository, SortedDictionary<string, byte[]> files)
    {
        Repository = repository;
        Files = files;
    }

    public string Repository { get; }

    /// <summary>Every file of the corpus site, by path relative to the site folder (forward slashes).</summary>
    public SortedDictionary<string, byte[]> Files { get; }

    /// <summary>
    /// The files mutations are applied to: every content file, site.yml and the UI string bundles, and with
    /// <paramref name="templates"/> the Scriban templates too.
    /// </summary>
    public IReadOnlyList<string> Targets(bool templates) =>
        [.. Files.Keys.Where(path => IsTarget(path) || (templates && path.StartsWith("templates/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal)))];

    public static FuzzCorpus Load(string repository)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(repository, FieldTypes.Catalog, diagnostics)
                     ?? throw new InvalidOperationException("the shipped site.yml does not load:\n" + string.Join("\n", diagnostics.ToSortedList()));
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            // The copies are built in folders without Git history: the Git dates are not asked for there (they would
            // be one warning in every build, which says nothing about the mutation).
            [SiteConfig.FileName] = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(repository, SiteConfig.FileName))
                .Replace("\ngit_dates: true\n", "\ngit_dates: false\n", StringComparison.Ordinal)),
        };

        var templates = Path.Combine(repository, SiteConfig.TemplatesFolder);
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            files[Relative(repository, file)] = File.ReadAllBytes(file);
        }

        // What each entity's data file refers to, by the collection's reference fields.
        var references = new Dictionary<(string Collection, string Slug), List<(string, string)>>();
        foreach (var collection in config.Collections)
        {
            var folder = Path.Combine(repository, SiteConfig.ContentFolder, collection.Folder);
            foreach (var data in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yml") : [])
            {
                var slug = Path.GetFileNameWithoutExtension(data);
                var targets = new List<(string, string)>();
                if (YamlReader.TryRead(File.ReadAllText(data), data, diagnostics, out var root) && root is YamlMapping mapping)
                {
                    foreach (var field in collection.Fields.Where(f => f.IsReference))
                    {
                        var items = mapping[field.Name] switch
                        {
                            YamlScalar scalar => [scalar],
                            YamlSequence sequence => sequence.Items.OfType<YamlScalar>(),
                            _ => [],
                        };
                        foreach (var item in items)
                        {
                            var slash = item.Value.IndexOf('/');
                            targets.Add(slash < 0 ? (field.Targets[0], item.Value) : (item.Value[..slash], item.Value[(slash + 1)..]));
                        }
                    }
                }

                references[(collection.Name, slug)] = targets;
            }
        }

        HashSet<(string, string)> Closure((string, string) seed)
        {
            var seen = new HashSet<(string, string)>();
            var todo = new Stack<(string, string)>([seed]);
            while (todo.TryPop(out var id))
            {
                if (seen.Add(id) && references.TryGetValue(id, out var next))
                {
                    next.ForEach(todo.Push);
                }
            }

            return seen;
        }

        // One seed per collection: the entity with the smallest closure (then the first slug), so the site stays small.
        var chosen = new HashSet<(string Collection, string Slug)>();
        foreach (var group in references.Keys.GroupBy(k => k.Collection).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var seed = group.OrderBy(id => Closure(id).Count).ThenBy(id => id.Slug, StringComparer.Ordinal).First();
            chosen.UnionWith(Closure(seed));
        }

        var firstOf = chosen.GroupBy(c => c.Collection).ToDictionary(g => g.Key, g => g.Select(c => c.Slug).Order(StringComparer.Ordinal).First());
        foreach (var (collectionName, slug) in chosen)
        {
            var folder = config.Collection(collectionName)!.Folder;
            var directory = Path.Combine(repository, SiteConfig.ContentFolder, folder);
            foreach (var file in Directory.EnumerateFiles(directory, slug + ".*"))
            {
                var name = Path.GetFileName(file);
                if (name != slug + ".yml" && !(name.StartsWith(slug + ".", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal) &&
                                               name.Count(c => c == '.') == 2))
                {
                    continue;
                }

                var bytes = File.ReadAllBytes(file);
                if (name.EndsWith(".md", StringComparison.Ordinal))
                {
                    var text = RefLink().Replace(System.Text.Encoding.UTF8.GetString(bytes), match =>
                    {
                        var target = (match.Groups["c"].Value, match.Groups["s"].Value);
                        return chosen.Contains(target) ? match.Value
                            : firstOf.TryGetValue(target.Item1, out var stand) ? $"ref:{target.Item1}/{stand}"
                            : $"ref:{collectionName}/{slug}";
                    });
                    bytes = System.Text.Encoding.UTF8.GetBytes(text);
                }

                files[$"{SiteConfig.ContentFolder}/{folder}/{name}"] = bytes;
            }
        }

        return new FuzzCorpus(repository, files);
    }

    /// <summary>Writes the corpus as a site into <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        foreach (var (path, bytes) in Files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static bool IsTarget(string path) =>
        path.StartsWith("content/", StringComparison.Ordinal) || path == SiteConfig.FileName ||
        (path.StartsWith("templates/i18n/", StringComparison.Ordinal) && path.EndsWith(".yml", StringComparison.Ordinal));

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    [GeneratedRegex(@"ref:(?<c>[a-z0-9-]+)/(?<s>[a-z0-9-]+)")]
    private static partial Regex RefLink();
}
