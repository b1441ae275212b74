using System.Runtime.InteropServices;

namespace Atlas.Output;

/// <summary>
/// Facts about an output folder that the file system holds and the path does not show: where a symbolic link on the
/// way really leads, and whether the folder can be written.
/// </summary>
public static class OutputFolder
{
    /// <summary>More links on one path than this are a loop (Linux gives up at 40 too).</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// The path with every symbolic link on the way resolved (the output folder itself included), absolute and without
    /// a trailing separator. The part that does not exist yet is kept as written. Two names of one folder give the same
    /// real path: the lock, the state file and the swap all use it, so a linked output is followed, never replaced.
    /// </summary>
    public static string RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var candidate = Path.Combine(current, parts[i]);
            FileSystemInfo info = new FileInfo(candidate);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many symbolic links on the way to {full} (a loop?)");
                }

                current = Resolve(Path.GetFullPath(target, current), ref links);
                continue;
            }

            if (!Path.Exists(candidate))
            {
                return Path.Combine([current, .. parts[i..]]);
            }

            current = candidate;
        }

        return current.Length > root.Length ? current.TrimEnd(Path.DirectorySeparatorChar) : current;
    }

    /// <summary>A symbolic link at <paramref name="path"/> itself whose target does not exist: its target, else null.</summary>
    public static string? DanglingLinkTarget(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar));
        if (info.LinkTarget is not { } target)
        {
            return null;
        }

        // Path.Exists is true for the link itself; what counts is whether its last target is there.
        try
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            return final is not null && (File.Exists(final.FullName) || Directory.Exists(final.FullName)) ? null : target;
        }
        catch (IOException)
        {
            return target; // a loop of links leads nowhere either
        }
    }

    private const int WriteOk = 2;

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    /// <summary>
    /// Why the existing folder cannot be written (its mode, or a read-only mount), or null when it can. A folder that
    /// cannot be written cannot be swapped out either: its old files could not be removed afterwards.
    /// </summary>
    public static string? WhyNotWritable(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return null;
        }

        try
        {
            if (Access(folder, WriteOk) == 0)
            {
                return null;
            }

            return Marshal.GetLastPInvokeError() switch
            {
                30 => "it is on a read-only file system",
                13 or 1 => "its permissions do not allow writing",
                var errno => $"error {errno}",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    /// <summary>
    /// Keeps the file's present bytes under <paramref name="backup"/>: a hard link where the system has them (no copy,
    /// and the original path never goes missing), else a copy.
    /// </summary>
    public static void KeepCopy(string file, string backup)
    {
        File.Delete(backup);
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (Link(file, backup) == 0)
                {
                    return;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // copied below
            }
        }

        File.Copy(file, backup, overwrite: true);
    }

    /// <summary>
    /// Deletes a folder the atlas made (a staging folder, the previous site after a swap), first making its folders
    /// writable again if need be: a site whose folders were made read-only would otherwise be left behind for good.
    /// </summary>
    public static void DeleteTree(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (UnauthorizedAccessException) when (!OperatingSystem.IsWindows())
        {
            MakeWritable(folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Gives the owner rwx on the folder and every folder in it, links not followed (their targets are not ours).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(string folder)
    {
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var inner in new DirectoryInfo(folder).EnumerateDirectories())
        {
            if (inner.LinkTarget is null)
            {
                MakeWritable(inner.FullName);
            }
        }
    }

    /// <summary>Removes the folders left empty above <paramref name="file"/>, up to (not including) <paramref name="root"/>.</summary>
    public static void RemoveEmptyFolders(string file, string root)
    {
        var folder = Path.GetDirectoryName(file);
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        while (folder is not null && folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }
}
