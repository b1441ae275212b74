namespace Atlas.Sources;

/// <summary>
/// A folder the build reads from (the site folder, <c>content/</c>, <c>templates/</c>, <c>templates/assets/</c>):
/// how it is shown in paths (<c>content/</c>; empty for the site folder), how it is named in messages, and its real
/// path, with every symbolic link on the way resolved. A file belongs to a root only if its real path is inside.
/// </summary>
public sealed record SourceRoot(string Display, string Name, string RealPath)
{
    private string Prefix => RealPath.EndsWith(Path.DirectorySeparatorChar) ? RealPath : RealPath + Path.DirectorySeparatorChar;

    public bool Contains(string realPath) =>
        realPath == RealPath || realPath.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A real path inside the root, relative to it with forward slashes ("" for the root itself).</summary>
    public string Relative(string realPath) =>
        realPath == RealPath ? "" : realPath[Prefix.Length..].Replace('\\', '/');

    /// <summary>Whether a real path inside the root goes through a hidden file or folder (a name starting with a dot).</summary>
    public bool IsHiddenBelow(string realPath) =>
        Relative(realPath).Split('/').Any(part => part.StartsWith('.'));
}

/// <summary>A file or folder found in a root: its name, its path as shown in messages, and its real path.</summary>
/// <param name="Listed">What the folder listing said about the entry itself (for a link: the link); its size and time
/// key the cache of parsed files kept between builds, which only keeps files that are not links.</param>
/// <param name="Refused">A link the policy refused (and reported): listed so that a loader can tell a file it may not
/// read from one that is not there (an entity with a refused file is left out without further errors).</param>
public sealed record SourceEntry(string Name, string Display, string RealPath, bool IsFolder, bool IsLink, FileSystemInfo? Listed, bool Refused = false);
