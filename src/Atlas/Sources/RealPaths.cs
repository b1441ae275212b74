namespace Atlas.Sources;

/// <summary>How far resolving a path got.</summary>
internal enum Resolution
{
    /// <summary>Every part was found; the path is real.</summary>
    Found,

    /// <summary>A part does not exist (or cannot be looked at); the rest is appended as written.</summary>
    Missing,

    /// <summary>More than <see cref="RealPaths.MaxLinks"/> links: a loop.</summary>
    Loop,
}

/// <summary>
/// The real path of a path: like POSIX <c>realpath</c>, each part is looked at in turn and a symbolic link is
/// replaced by its target, so a link to a folder, a chain of links and a link inside a linked folder all end where
/// the operating system would open them. .NET's <c>ResolveLinkTarget</c> only follows the last part.
/// </summary>
internal static class RealPaths
{
    /// <summary>The same bound as Linux's: a chain longer than this is a loop.</summary>
    public const int MaxLinks = 40;

    public static (string Path, Resolution Outcome) Resolve(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        var current = System.IO.Path.GetPathRoot(path)!;
        var parts = new Stack<string>(Split(path[current.Length..]).Reverse());
        var links = 0;
        var missing = false;
        while (parts.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = System.IO.Path.Join(current, part);
            if (missing)
            {
                current = next;
                continue;
            }

            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not there, or below something that is not a folder: nothing further down can be a link.
                missing = true;
                current = next;
                continue;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return (next, Resolution.Loop);
            }

            foreach (var targetPart in Split(target).Reverse())
            {
                parts.Push(targetPart);
            }

            if (System.IO.Path.IsPathRooted(target))
            {
                current = System.IO.Path.GetPathRoot(target)!;
            }
        }

        return (current, missing ? Resolution.Missing : Resolution.Found);
    }

    private static string[] Split(string path) => path.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
}
