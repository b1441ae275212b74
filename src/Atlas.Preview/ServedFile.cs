using System.Text.RegularExpressions;
using Atlas.Rendering;
using Microsoft.AspNetCore.StaticFiles;

namespace Atlas.Preview;

/// <summary>How the preview serves a built file: its content type, and whether the browser may keep it.</summary>
internal static partial class ServedFile
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static string ContentType(string file) =>
        ContentTypes.TryGetContentType(file, out var type)
            ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal)
                ? type + "; charset=utf-8"
                : type
            : "application/octet-stream";

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".geojson"] = "application/geo+json";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".csv"] = "text/csv";
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".js"] = "text/javascript";
        return provider;
    }

    /// <summary>assets/style.029fefd3c5.css: a file of the published assets folder whose name carries its content hash.</summary>
    public static bool IsFingerprintedAsset(string relativePath) =>
        relativePath.Replace('\\', '/').StartsWith(AssetSet.PublishedFolder, StringComparison.Ordinal) && FingerprintedName().IsMatch(Path.GetFileName(relativePath));

    [GeneratedRegex(@"\.[0-9a-f]{10}(\.[A-Za-z0-9]+)?$")]
    private static partial Regex FingerprintedName();
}
