using System.Collections.Immutable;
using System.Security.Cryptography;
using Atlas.Config;
using Atlas.Diagnostics;

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
        var root = Path.Combine(config.SiteDirectory, Folder);
        var assets = ImmutableSortedDictionary.CreateBuilder<string, Asset>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new AssetSet(assets.ToImmutable());
        }

        var rootFull = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            var display = $"{Folder}/{name}";
            if (name.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            var info = new FileInfo(file);
            if (info.LinkTarget is not null &&
                (info.ResolveLinkTarget(true)?.FullName is not { } target || !target.StartsWith(rootFull, StringComparison.Ordinal)))
            {
                diagnostics.Error(SourceLocation.File(display), "this symbolic link leads outside templates/assets/; replace it with the file itself.");
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(SourceLocation.File(display), $"cannot read the asset ({e.Message.TrimEnd('.')}).");
                continue;
            }

            assets[name] = new Asset(name, display, Publish(name, bytes), bytes);
        }

        return new AssetSet(assets.ToImmutable());
    }
}
