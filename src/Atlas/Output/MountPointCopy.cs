using Atlas.Diagnostics;

namespace Atlas.Output;

/// <summary>
/// An output folder that is a mount point (a container volume) cannot be renamed or exchanged: the staged site is
/// copied into it file by file instead, each file replaced atomically, and files of the previous site removed. A copy
/// that fails half-way (a full disk) leaves a mix of old and new files, and says so.
/// </summary>
internal static class MountPointCopy
{
    /// <summary>The folder fsck fills at the root of a volume; a copy into a mount point leaves it alone.</summary>
    internal const string LostAndFound = "lost+found";

    internal static bool IsEmptyLostAndFound(string entry)
    {
        try
        {
            return Path.GetFileName(entry) == LostAndFound && Directory.Exists(entry) && !Directory.EnumerateFileSystemEntries(entry).Any();
        }
        catch (UnauthorizedAccessException)
        {
            return true; // root's lost+found (mode 700) seen by another user: fsck's, not a file of someone's
        }
    }

    /// <summary>
    /// The output is a mount point: copies every staged file whose bytes differ into it (through a temporary file and a
    /// rename, so each file is replaced atomically), then removes what the new site does not have.
    /// </summary>
    public static bool Copy(string staging, string output, IOutputFileSystem files, DiagnosticBag diagnostics, SourceLocation location)
    {
        var staged = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(staging, f)).Order(StringComparer.Ordinal).ToList();
        var changed = staged.Where(relative => !SameBytes(Path.Combine(staging, relative), Path.Combine(output, relative))).ToList();
        var replaced = 0;
        var current = "";
        try
        {
            foreach (var relative in changed)
            {
                current = relative;
                var target = Path.Combine(output, relative);
                MakeRoomFor(output, target);
                var temporary = target + OutputWriter.TemporarySuffix;
                try
                {
                    files.WriteFile(temporary, File.ReadAllBytes(Path.Combine(staging, relative)));
                    files.MoveFile(temporary, target);
                }
                catch
                {
                    File.Delete(temporary);
                    throw;
                }

                replaced++;
            }

            current = "";
            RemoveStale(output, staged.ToHashSet(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var needed = changed.Skip(replaced).Sum(relative => OutputErrors.OnDisk(new FileInfo(Path.Combine(staging, relative)).Length));
            var what = current == ""
                ? $"removing the previous site's files failed ({e.Message.TrimEnd('.')})"
                : OutputErrors.Describe(e, output, current, needed).TrimEnd('.');
            diagnostics.Error(location,
                $"the output folder is a mount point, so the new site was being copied into it file by file, and {what}. " +
                $"{replaced} of {changed.Count} changed files were already replaced: the folder now holds a mix of old and new files " +
                "until a build succeeds.");
            return false;
        }

        return true;
    }

    private static bool SameBytes(string a, string b) =>
        File.Exists(b) && new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>A folder where the file goes, or a file where one of its folders goes, belonged to the previous site.</summary>
    private static void MakeRoomFor(string output, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var folder = Path.GetDirectoryName(target)!;
        for (var up = folder; up.Length > output.Length; up = Path.GetDirectoryName(up)!)
        {
            if (File.Exists(up))
            {
                File.Delete(up);
            }
        }

        Directory.CreateDirectory(folder);
    }

    /// <summary>Removes the files and folders of the previous site that the new one does not have.</summary>
    private static void RemoveStale(string output, HashSet<string> keep)
    {
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList())
        {
            var relative = Path.GetRelativePath(output, file);
            if (!keep.Contains(relative) && !relative.StartsWith(LostAndFound + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(output, "*", SearchOption.AllDirectories)
                     .OrderByDescending(f => f.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any() && folder != Path.Combine(output, LostAndFound))
            {
                Directory.Delete(folder);
            }
        }
    }
}
