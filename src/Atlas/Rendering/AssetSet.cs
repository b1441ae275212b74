using System.Collections.Immutable;
using System.Security.Cryptography;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Sources;

namespace Atlas.Rendering;

/// <summary>
/// The static files under templates/assets/, each published under a name that carries a hash of its content
/// (style.3f2a9c1b.css) so that any CDN may cache it forever: a changed file gets a new name.
/// </summary>
public sealed class AssetSet
{
    public const string Folder = "templates/assets";

    /// <summary>Where assets are published in the output (with a content hash in each name).</summary>
    public const string PublishedFolder = "assets/";

    private AssetSet(ImmutableSortedDictionary<string, Asset> assets) => Assets = assets;

    /// <summary>Assets by their name under templates/assets/ ("style.css").</summary>
    public ImmutableSortedDictionary<string, Asset> Assets { get; }

    public Asset? Find(string name) => Assets.GetValueOrDefault(name);

    /// <summary>Adds a file the build generates (the base map SVG), fingerprinted like the others.</summary>
    public AssetSet With(string name, string sourcePath, byte[] content) =>
        new(Assets.SetItem(name, new Asset(name, sourcePath, Publish(name, content), content)));

    private static string Publish(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = name.LastIndexOf('.');
        return dot > name.LastIndexOf('/') && dot > 0 ? $"{PublishedFolder}{name[..dot]}.{hash}{name[dot..]}" : $"{PublishedFolder}{name}.{hash}";
    }

    public IEnumerable<string> SourcePaths => Assets.Values.Select(a => a.SourcePath);

    public static AssetSet Load(SiteConfig config, DiagnosticBag diagnostics)
    {
        var assets = ImmutableSortedDictionary.CreateBuilder<string, Asset>(StringComparer.Ordinal);

        // A templates/ or templates/assets/ folder that leads outside is reported by the templates' loader.
        var templates = SourcePolicy.Folder(SourcePolicy.Site(config.SiteDirectory), SiteConfig.TemplatesFolder, null, out _);
        var root = templates is null ? null : SourcePolicy.Folder(templates, "assets", null, out _);
        if (root is null)
        {
            return new AssetSet(assets.ToImmutable());
        }

        foreach (var file in SourcePolicy.Walk(root, diagnostics))
        {
            var name = file.Display[root.Display.Length..];
            var display = file.Display;
            if (SourcePolicy.Read(file, diagnostics) is not { } bytes)
            {
                continue;
            }

            assets[name] = new Asset(name, display, Publish(name, bytes), bytes);
        }

        return new AssetSet(assets.ToImmutable());
    }
}
