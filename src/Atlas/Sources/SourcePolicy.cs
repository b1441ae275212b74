using Atlas.Diagnostics;

namespace Atlas.Sources;

/// <summary>
/// The one rule for every file any command reads from a site (content, templates,
/// partials, assets, UI strings, site.yml, the base map, the source lines printed under a diagnostic):
/// <list type="number">
/// <item>Every path is resolved to its real path, each folder on the way included (<see cref="RealPaths"/>), and
/// must be inside its root: content/ for content, templates/ for templates and UI strings, templates/assets/ for
/// assets, the site folder for site.yml and map.base. A symbolic link is fine while it stays inside.</item>
/// <item>Hidden entries (names starting with a dot) are never read, listed or followed, and no link may lead into
/// one. A hidden entry that is itself a symbolic link leading out of its root is an error: it is there for nothing
/// but to reach outside the site.</item>
/// <item>Only regular files are read: a named pipe, a device or a socket is refused before it is opened (opening a
/// named pipe waits for a writer; a device never ends).</item>
/// <item>The size limit is checked on the opened file, and no more than the limit is ever read.</item>
/// <item>A refusal is a located diagnostic that names the rule, never anything from the target.</item>
/// </list>
/// </summary>
public static class SourcePolicy
{
    /// <summary>Larger files are refused: no editor writes a 16 MiB page, and reading one would stall the build.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>The site folder: the root of site.yml and the base map, and the parent of every other root.</summary>
    public static SourceRoot Site(string siteDirectory) =>
        new("", "the site folder", RealPaths.Resolve(Path.GetFullPath(siteDirectory)).Path);

    /// <summary>
    /// A folder of a root as a root of its own (content/ in the site, templates/assets/ in templates/). Null when it
    /// does not exist (<paramref name="exists"/> false: the caller says what is missing in its own words) or when it
    /// leads outside <paramref name="parent"/>, which is reported when <paramref name="diagnostics"/> is given.
    /// </summary>
    public static SourceRoot? Folder(SourceRoot parent, string relative, DiagnosticBag? diagnostics, out bool exists)
    {
        var display = parent.Display + relative + "/";
        var (real, outcome) = RealPaths.Resolve(Path.Join(parent.RealPath, relative));
        exists = true;
        if (Refusal(parent, real, outcome, isEntry: false) is { } refusal)
        {
            diagnostics?.Error(SourceLocation.File(display), refusal);
            return null;
        }

        if (outcome == Resolution.Missing)
        {
            exists = false;
            return null;
        }

        if (FileKinds.Of(real) != FileKind.Folder)
        {
            exists = false;
            return null;
        }

        return new SourceRoot(display, display, real);
    }

    /// <summary>
    /// A named file of a root (site.yml, templates/i18n/en.yml, the base map). Null when it does not exist
    /// (<paramref name="exists"/> false, not reported) or is refused (reported at <paramref name="at"/>, by default the
    /// file itself).
    /// </summary>
    public static SourceEntry? Find(SourceRoot root, string relative, DiagnosticBag diagnostics, out bool exists, SourceLocation? at = null)
    {
        var display = root.Display + relative;
        var lexical = Path.GetFullPath(Path.Combine(root.RealPath, relative));
        var (real, outcome) = RealPaths.Resolve(lexical);
        if (Refusal(root, real, outcome, isEntry: false, lexical) is { } refusal)
        {
            exists = true;
            diagnostics.Error(at ?? SourceLocation.File(display), refusal);
            return null;
        }

        exists = outcome != Resolution.Missing;
        if (!exists)
        {
            return null;
        }

        return new SourceEntry(Path.GetFileName(lexical), display, real, FileKinds.Of(real) == FileKind.Folder, IsLink: real != lexical, null);
    }

    /// <summary>
    /// The entries of one folder of a root, in ordinal order of name, without hidden ones; links resolved and checked
    /// (a refused link is reported, and listed with <see cref="SourceEntry.Refused"/>). <paramref name="folderRealPath"/>
    /// is the real path of the root or of a folder entry of it.
    /// </summary>
    public static IReadOnlyList<SourceEntry> List(SourceRoot root, string folderRealPath, string folderDisplay, DiagnosticBag diagnostics)
    {
        var entries = new List<SourceEntry>();
        FileSystemInfo[] listed;
        try
        {
            listed = [.. new DirectoryInfo(folderRealPath).EnumerateFileSystemInfos()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SourceLocation.File(folderDisplay), $"cannot list the folder ({e.Message.TrimEnd('.')}). Check that its permissions allow reading.");
            return entries;
        }

        foreach (var info in listed.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var name = info.Name;
            var display = folderDisplay + name;
            var path = Path.Join(folderRealPath, name);

            // The attributes come with the listing: only links cost more system calls.
            var isLink = info.Attributes.HasFlag(FileAttributes.ReparsePoint);
            if (name.StartsWith('.'))
            {
                if (isLink)
                {
                    var (hiddenTarget, hiddenOutcome) = RealPaths.Resolve(path);
                    if (hiddenOutcome == Resolution.Loop || !root.Contains(hiddenTarget))
                    {
                        diagnostics.Error(SourceLocation.File(display),
                            $"this hidden symbolic link leads outside {root.Name}; hidden files are never read, and a link out of the site has no place in it: remove it.");
                    }
                }

                continue;
            }

            if (!isLink)
            {
                entries.Add(new SourceEntry(name, display, path, info is DirectoryInfo, IsLink: false, info));
                continue;
            }

            var (real, outcome) = RealPaths.Resolve(path);
            if (Refusal(root, real, outcome, isEntry: true) is { } refusal)
            {
                diagnostics.Error(SourceLocation.File(display), refusal);
                entries.Add(new SourceEntry(name, display, path, IsFolder: false, IsLink: true, info, Refused: true));
                continue;
            }

            entries.Add(new SourceEntry(name, display, real, outcome == Resolution.Found && FileKinds.Of(real) == FileKind.Folder, IsLink: true, info));
        }

        return entries;
    }

    /// <summary>
    /// Every file under a root, through its folders and the links to folders that stay inside it, in ordinal order
    /// of display path. <paramref name="skip"/> leaves out folders by their path relative to the root ("assets").
    /// </summary>
    public static IReadOnlyList<SourceEntry> Walk(SourceRoot root, DiagnosticBag diagnostics, Func<string, bool>? skip = null)
    {
        var files = new List<SourceEntry>();
        var ancestors = new List<string>();

        void Visit(string realPath, string display, string relative)
        {
            ancestors.Add(realPath);
            foreach (var entry in List(root, realPath, display, diagnostics))
            {
                var entryRelative = relative + entry.Name;
                if (entry.Refused)
                {
                    continue;
                }

                if (!entry.IsFolder)
                {
                    files.Add(entry);
                }
                else if (ancestors.Contains(entry.RealPath, StringComparer.Ordinal))
                {
                    diagnostics.Error(SourceLocation.File(entry.Display + "/"),
                        "this symbolic link leads back to a folder it is in, which would make a loop; remove it.");
                }
                else if (skip?.Invoke(entryRelative) != true)
                {
                    Visit(entry.RealPath, entry.Display + "/", entryRelative + "/");
                }
            }

            ancestors.RemoveAt(ancestors.Count - 1);
        }

        Visit(root.RealPath, root.Display, "");
        files.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
        return files;
    }

    /// <summary>
    /// The bytes of a file found through this policy: null, with the reason at the file, when it is not a regular
    /// file, cannot be opened or read, or is larger than <paramref name="limit"/> (measured on the opened file).
    /// </summary>
    public static byte[]? Read(SourceEntry file, DiagnosticBag diagnostics, long limit = MaxFileBytes)
    {
        if (file.Refused)
        {
            return null; // reported when it was listed
        }

        var location = SourceLocation.File(file.Display);
        var kind = FileKinds.Of(file.RealPath);
        if (kind == FileKind.Missing)
        {
            diagnostics.Error(location, file.IsLink
                ? "cannot read the file (it is a symbolic link to a file that does not exist). Check that it exists and that its permissions allow reading."
                : "cannot read the file (it does not exist). Check that it exists and that its permissions allow reading.");
            return null;
        }

        if (kind != FileKind.Regular)
        {
            diagnostics.Error(location, NotRegular(kind));
            return null;
        }

        try
        {
            using var handle = File.OpenHandle(file.RealPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            if (FileKinds.Of(handle) is var opened && opened != FileKind.Regular)
            {
                diagnostics.Error(location, NotRegular(opened));
                return null;
            }

            var length = RandomAccess.GetLength(handle);
            if (length > limit)
            {
                diagnostics.Error(location,
                    $"the file is {length / (1024.0 * 1024.0):0.#} MiB; the limit is {limit / (1024 * 1024)} MiB. Split it or remove what does not belong in the atlas.");
                return null;
            }

            // Exactly the length the opened file reports, never more: a file that grows while it is read is cut
            // there, one that shrinks gives what it still has.
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var count = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (count == 0)
                {
                    return bytes[..read];
                }

                read += count;
            }

            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, $"cannot read the file ({e.Message.TrimEnd('.')}). Check that it exists and that its permissions allow reading.");
            return null;
        }
    }

    /// <summary>
    /// A folder of the site that a command writes into (<c>.atlas/schemas</c>): every part of the path must be a real
    /// folder or not exist yet; a symbolic link (a committed <c>.atlas -&gt; /somewhere</c>) or a file on the way is
    /// refused and reported, so nothing is written through it. Returns the full path to create, or null.
    /// </summary>
    public static string? WritableFolder(SourceRoot site, string relative, DiagnosticBag diagnostics)
    {
        var current = site.RealPath;
        var display = "";
        foreach (var part in relative.Split('/'))
        {
            current = Path.Join(current, part);
            display += part + "/";
            var kind = FileKinds.Of(current);
            if (kind == FileKind.Missing)
            {
                break;
            }

            if (kind != FileKind.Folder)
            {
                diagnostics.Error(SourceLocation.File(display),
                    $"this is {FileKinds.Describe(kind)}, not a folder; the atlas writes only into real folders inside the site. Remove it.");
                return null;
            }
        }

        return Path.Join(site.RealPath, relative);
    }

    /// <summary>Why a resolved path may not be read, or null when it may.</summary>
    private static string? Refusal(SourceRoot root, string real, Resolution outcome, bool isEntry, string? lexical = null)
    {
        if (lexical is not null && !root.Contains(lexical))
        {
            return $"this path is outside {root.Name}; name a file inside it.";
        }

        if (lexical is not null && root.IsHiddenBelow(lexical))
        {
            return "this path names a hidden file or folder, which the build never reads; name a file that is not hidden.";
        }

        var subject = isEntry ? "this symbolic link" : "this path goes through a symbolic link that";
        if (outcome == Resolution.Loop)
        {
            return $"{(isEntry ? "this symbolic link is" : "this path goes through")} a chain of more than {RealPaths.MaxLinks} symbolic links (a loop); replace the link with the file itself.";
        }

        if (!root.Contains(real))
        {
            return $"{subject} leads outside {root.Name}; replace it with the file itself.";
        }

        if (root.IsHiddenBelow(real))
        {
            return $"{subject} leads into a hidden file or folder, which the build never reads; replace it with the file itself.";
        }

        return null;
    }

    private static string NotRegular(FileKind kind) =>
        $"this is {FileKinds.Describe(kind)}, not a regular file; the build reads only regular files. Replace it with the file itself.";
}
