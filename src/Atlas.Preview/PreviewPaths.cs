namespace Atlas.Preview;

/// <summary>
/// Maps a request path to a file of the output, refusing anything that could leave it: "..", encoded or not,
/// backslashes, NUL, and anything whose resolved path is not inside the output folder.
/// </summary>
public static class PreviewPaths
{
    public enum Outcome
    {
        File,
        Missing,
        Redirect,
        Refused,
    }

    public sealed record Resolution(Outcome Kind, string? File, string? Location);

    /// <param name="output">The output folder.</param>
    /// <param name="decodedPath">The request path as decoded by the server.</param>
    /// <param name="rawPath">The path as sent, to catch encoded separators the decoder may have kept.</param>
    public static Resolution Resolve(string output, string decodedPath, string rawPath)
    {
        var path = Uri.UnescapeDataString(decodedPath);
        var raw = rawPath.ToLowerInvariant();
        if (path.Contains('\\') || path.Contains('\0') || raw.Contains("%5c") || raw.Contains("%00") ||
            path.Split('/').Any(segment => segment is ".." or "."))
        {
            return new Resolution(Outcome.Refused, null, null);
        }

        var root = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
        if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
        {
            return new Resolution(Outcome.Refused, null, null);
        }

        if (Directory.Exists(full))
        {
            if (!decodedPath.EndsWith('/'))
            {
                return new Resolution(Outcome.Redirect, null, FolderLocation(path));
            }

            full = Path.Combine(full, "index.html");
        }

        // Files whose name starts with a dot (the build's marker) are not part of the site.
        if (Path.GetFileName(full).StartsWith('.'))
        {
            return new Resolution(Outcome.Missing, null, null);
        }

        return File.Exists(full) ? new Resolution(Outcome.File, full, null) : new Resolution(Outcome.Missing, null, null);
    }

    /// <summary>
    /// Where a folder's address without its final slash is sent: its path with one slash between segments, each
    /// segment escaped. Never the request path as sent: "//en" + "/" is a protocol-relative URL, i.e. another host.
    /// </summary>
    private static string FolderLocation(string path) =>
        "/" + string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Uri.EscapeDataString(segment) + "/"));

    /// <summary>The 404 page in the language of the missing path (/en/... → en/404.html), else the root one.</summary>
    public static string? NotFoundPage(string output, string requestPath)
    {
        var first = requestPath.TrimStart('/').Split('/')[0];
        if (first.Length is > 0 and <= 12 && first.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            var localized = Path.Combine(output, first, "404.html");
            if (File.Exists(localized))
            {
                return localized;
            }
        }

        var root = Path.Combine(output, "404.html");
        return File.Exists(root) ? root : null;
    }
}
