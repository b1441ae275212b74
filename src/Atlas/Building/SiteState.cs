using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Atlas.Config;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// What a successful build was made from and what each page read, kept next to the output so that the next build
/// can re-render only what changed. <see cref="Signatures"/> hold a hash per dependency key: per source file, per
/// entity, per collection's membership and order, per entity's backlinks, per taxonomy, and for all content.
/// </summary>
public sealed record SiteState(
    int Version,
    ImmutableSortedDictionary<string, string> Signatures,
    ImmutableSortedDictionary<string, PageRecord> Pages,
    ImmutableSortedSet<string> OtherFiles)
{
    public const int CurrentVersion = 3;

    /// <summary>The keys whose signature differs between two states (added or removed keys count as changed).</summary>
    public static ImmutableSortedSet<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (key, value) in before)
        {
            if (!after.TryGetValue(key, out var now) || now != value)
            {
                changed.Add(key);
            }
        }

        foreach (var key in after.Keys.Where(k => !before.ContainsKey(k)))
        {
            changed.Add(key);
        }

        return changed.ToImmutable();
    }

    /// <summary>Computes the signatures of a loaded site from its source files and model.</summary>
    public static ImmutableSortedDictionary<string, string> Sign(LoadedSite site)
    {
        var config = site.Config;
        var signatures = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var files = new List<string> { SiteConfig.FileName };
        files.AddRange(config.Languages.Select(l => SitePlanner.BundlePath(l.Code)));
        files.AddRange(site.Templates.Paths);
        // Through the file policy, like the loaders that read them moments ago: never a named pipe, never outside.
        var siteRoot = Sources.SourcePolicy.Site(config.SiteDirectory);
        foreach (var file in files.Distinct())
        {
            var bag = new Diagnostics.DiagnosticBag();
            var found = Sources.SourcePolicy.Find(siteRoot, file, bag, out var exists);
            signatures[file] = !exists || found is null || found.IsFolder ? "missing"
                : Sources.SourcePolicy.Read(found, bag) is { } bytes ? Hash(bytes) : "unreadable";
        }

        // Pages show the base URL in use, which --base-url (or a caller's BuildOptions) can set apart from site.yml.
        signatures[SiteConfig.FileName] += " " + config.BaseUrl + " " + config.Repository;

        // Assets are signed by content (the base map is generated, not a file).
        foreach (var asset in site.Assets.Assets.Values)
        {
            signatures[asset.SourcePath] = asset.PublishedPath;
        }

        // Entities are signed by meaning, not by file: moving a line or editing only the prose of an entity does not
        // change what lists and links show, so the pages that only list it are not re-rendered.
        // Hashing every entity is the bulk of signing: in parallel, and once per entity object (a caller keeping
        // SiteCaches reuses unchanged entities from build to build, see EntityCache, so their signatures are not computed again).
        var entities = site.Model.Entities.ToArray();
        var signed = new (string Entity, string Text, string? Backlinks)[entities.Length];
        Parallel.For(0, entities.Length, i =>
        {
            var entity = entities[i];
            var backlinks = site.Model.BacklinksTo(entity.Id);
            signed[i] = (EntitySignature(entity), TextSignature(site, entity), backlinks.Length == 0 ? null
                : Hash(string.Join('\n', backlinks.Select(b => $"{b.Source.Id} {b.Field.Name}").Order(StringComparer.Ordinal))));
        });

        for (var i = 0; i < entities.Length; i++)
        {
            var id = entities[i].Id;
            signatures[DependencyKeys.Entity(id)] = signed[i].Entity;
            signatures[DependencyKeys.Text(id)] = signed[i].Text;
            if (signed[i].Backlinks is { } backlinks)
            {
                signatures[DependencyKeys.Backlinks(id)] = backlinks;
            }
        }

        foreach (var collection in config.Collections)
        {
            signatures[DependencyKeys.Collection(collection.Name)] =
                Hash(string.Join('\n', site.Model.Collections[collection.Name].Select(e => e.Id.ToString())));
        }

        foreach (var taxonomy in config.Features.Taxonomies)
        {
            signatures[DependencyKeys.Taxonomy(taxonomy.Name)] = Hash(string.Join('\n', site.Taxonomies.Terms(taxonomy.Name)
                .Select(t => t.Key + ":" + string.Join(',', t.Entities.Select(e => e.Id.ToString())))));
        }

        signatures[DependencyKeys.AllData] = Hash(string.Join('\n', signed.Select(s => s.Entity)));
        signatures[DependencyKeys.AllContent] = AllContent(signed.Select(s => s.Entity + s.Text));
        return signatures.ToImmutable();
    }

    /// <summary>
    /// The signatures after an edit to the prose of some entities and nothing else (see ProseRebuild): their
    /// text keys and all content change, every other signature stays. Equal to what <see cref="Sign"/> gives for
    /// the same site, without going through 10,000 entities' data and backlinks again.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> SignProse(
        ImmutableSortedDictionary<string, string> previous, LoadedSite site, IEnumerable<Entity> edited)
    {
        var signatures = previous.ToBuilder();
        foreach (var entity in edited)
        {
            signatures[DependencyKeys.Text(entity.Id)] = TextSignature(site, entity);
        }

        // Every entity's part of it is kept from earlier signing (per entity object and per set of prose): look-ups.
        var entities = site.Model.Entities;
        var parts = new string[entities.Length];
        Parallel.For(0, parts.Length, i => parts[i] = EntitySignature(entities[i]) + TextSignature(site, entities[i]));
        signatures[DependencyKeys.AllContent] = AllContent(parts);
        return signatures.ToImmutable();
    }

    private static string AllContent(IEnumerable<string> entitiesAndTexts) => Hash(string.Join('\n', entitiesAndTexts));

    /// <summary>An entity's data: its values without source positions, hashed once per entity object.</summary>
    public static string EntitySignature(Entity entity) => EntitySignatures.GetValue(entity, e => Hash(Canonical(e)));

    /// <summary>
    /// An entity's prose as its pages show it: every language's body (hashed once per set of texts), whether it is
    /// borrowed from another language, and the date of the last change from Git.
    /// </summary>
    private static string TextSignature(LoadedSite site, Entity entity) =>
        TextsSignatures.GetValue(entity.Texts, texts => Hash(string.Join('\u0001', texts.Select(t => $"{t.Key}\u0002{Hash(t.Value.Html)}\u0002{t.Value.IsFallback}\u0002{Hash(string.Join('\u0003', t.Value.Gaps))}"))))
        + (site.Updated.TryGetValue(entity.Id, out var updated) ? " " + updated : "");

    private static readonly ConditionalWeakTable<Entity, string> EntitySignatures = new();

    private static readonly ConditionalWeakTable<ImmutableSortedDictionary<string, EntityText>, string> TextsSignatures = new();

    /// <summary>An entity's values as text, without source positions.</summary>
    private static string Canonical(Entity entity)
    {
        var text = new StringBuilder(entity.Id.ToString());
        foreach (var (name, value) in entity.Fields)
        {
            text.Append('\u0001').Append(name).Append('=').Append(FieldTypes.Of(entity.Collection.Field(name)!).Canonical(value));
        }

        return text.ToString();
    }

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    /// <summary>
    /// Where the state of an output folder is kept: beside it (beside its real path, when it is reached through a
    /// symbolic link, so that two names of one folder share one state), never inside the published site.
    /// </summary>
    public static string PathFor(string output)
    {
        var full = Output.OutputFolder.RealPath(output);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.atlas-state.json");
    }

    /// <param name="serialized">This state's <see cref="Serialize"/>, when the caller made it ahead.</param>
    public void Save(string output, byte[]? serialized = null) => File.WriteAllBytes(PathFor(output), serialized ?? Serialize());

    /// <summary>The state file's bytes (tens of megabytes on a large site: a build makes them while it still writes files).</summary>
    public byte[] Serialize()
    {
        var dto = new StateFile(Version, new Dictionary<string, string>(Signatures, StringComparer.Ordinal),
            Pages.ToDictionary(p => p.Key, p => new PageFile(p.Value.OutputFile, [.. p.Value.Keys]), StringComparer.Ordinal), [.. OtherFiles]);
        return JsonSerializer.SerializeToUtf8Bytes(dto, StateFileJson.Default.StateFile);
    }

    public static void Delete(string output)
    {
        try
        {
            File.Delete(PathFor(output));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale state would be worse than none, but a failed delete leaves a state that still matches old files.
        }
    }

    /// <summary>Reads the saved state, or null when there is none or it is from another version (then a full build runs).</summary>
    public static SiteState? Load(string output)
    {
        try
        {
            var path = PathFor(output);
            if (!File.Exists(path))
            {
                return null;
            }

            var dto = JsonSerializer.Deserialize(File.ReadAllBytes(path), StateFileJson.Default.StateFile);
            if (dto is null || dto.Version != CurrentVersion)
            {
                return null;
            }

            return new SiteState(dto.Version,
                dto.Signatures.ToImmutableSortedDictionary(StringComparer.Ordinal),
                dto.Pages.ToImmutableSortedDictionary(p => p.Key, p => new PageRecord(p.Key, p.Value.File, ImmutableSortedSet.CreateRange(StringComparer.Ordinal, p.Value.Keys)), StringComparer.Ordinal),
                [.. dto.Other]);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

}
