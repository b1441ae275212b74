namespace Atlas.Output;

/// <summary>
/// Where a build may write. The build replaces its output folder wholesale, so an output of '/', a system folder, a home folder,
/// the site itself or its sources would destroy files: such targets are refused before anything is touched.
/// </summary>
public static class OutputPathPolicy
{
    /// <summary>Returns why <paramref name="output"/> is refused, or null when it is acceptable.</summary>
    public static string? Check(string siteDirectory, string output, string? homeDirectory)
    {
        var site = Normalize(siteDirectory);
        var target = Normalize(output);

        if (Path.GetPathRoot(target) == target || target == "/")
        {
            return $"the output folder '{output}' is the root of a file system; choose a folder such as {Path.Combine(site, "public")}.";
        }

        if (homeDirectory is { Length: > 0 })
        {
            var home = Normalize(homeDirectory);
            if (target == home || IsInside(home, target))
            {
                return $"the output folder '{output}' is your home folder or holds it; choose a dedicated folder such as {Path.Combine(site, "public")}.";
            }
        }

        if (SystemFolder(target) is { } system)
        {
            return $"the output folder '{output}' is {(system == target ? "" : "inside ")}the system folder {system}, which a build must never replace (not even with --force); choose a folder such as {Path.Combine(site, "public")}.";
        }

        if (target == site || IsInside(site, target))
        {
            return $"the output folder '{output}' is the site folder or holds it, and the build replaces its output; use a subfolder such as 'public'.";
        }

        foreach (var source in new[] { "content", "templates", ".git", "src", "tests" })
        {
            var folder = Normalize(Path.Combine(site, source));
            if (target == folder || IsInside(target, folder))
            {
                return $"the output folder '{output}' is inside the site's {source}/ folder, which the build must not overwrite; use 'public'.";
            }
        }

        if (target == Normalize(Path.Combine(site, "site.yml")))
        {
            return "the output folder cannot be site.yml.";
        }

        return null;
    }

    /// <summary>
    /// Folders of the operating system. The ones whose every subfolder belongs to the system are refused with all
    /// that is inside them; the others (a site under /var/www or /usr/share/nginx is common) only themselves.
    /// </summary>
    private static readonly string[] SystemTrees =
        ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys",
         "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec", "/usr/sbin"];

    private static readonly string[] SystemFolders =
        ["/home", "/media", "/mnt", "/opt", "/root", "/run", "/srv", "/tmp", "/usr", "/usr/local", "/usr/share", "/var", "/var/lib", "/var/log", "/var/tmp", "/dev/shm"];

    /// <summary>The system folder <paramref name="target"/> (normalized) is or lies in, or null.</summary>
    private static string? SystemFolder(string target)
    {
        if (OperatingSystem.IsWindows())
        {
            var windows = new[] { Environment.SpecialFolder.Windows, Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 }
                .Select(Environment.GetFolderPath).Where(f => f.Length > 0).Select(Normalize);
            return windows.FirstOrDefault(f => string.Equals(f, target, StringComparison.OrdinalIgnoreCase) ||
                                               target.StartsWith(f + "/", StringComparison.OrdinalIgnoreCase));
        }

        // /dev/shm is the one place under /dev where files are made (a RAM file system for scratch work).
        return SystemFolders.FirstOrDefault(f => target == f) ??
               (IsInside(target, "/dev/shm") ? null : SystemTrees.FirstOrDefault(f => target == f || IsInside(target, f)));
    }

    /// <summary>Whether <paramref name="inner"/> lies inside <paramref name="outer"/> (both normalized).</summary>
    private static bool IsInside(string inner, string outer) =>
        inner.StartsWith(outer.EndsWith('/') ? outer : outer + "/", StringComparison.Ordinal);

    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }
}
