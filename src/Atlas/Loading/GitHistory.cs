using System.Diagnostics;

namespace Atlas.Loading;

/// <summary>
/// When each content file last changed, from Git. Empty (not an error) when the site is not in a Git repository,
/// Git is not installed, or the history is shallow: the atlas must build from a tarball too.
/// </summary>
public static class GitHistory
{
    /// <summary>File (relative to the site, forward slashes) → time of the newest commit that touched it.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> LastChanged(string siteDirectory, string folder = "content")
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var output = Run(siteDirectory, "log", "--format=%x01%ct", "--name-only", "--relative", "--", folder);
        if (output is null)
        {
            return result;
        }

        DateTimeOffset? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                current = long.TryParse(line[1..].Trim(), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
            }
            else if (line.Length > 0 && current is { } date && !result.ContainsKey(line))
            {
                result[line] = date; // the log is newest first: the first date seen is the last change
            }
        }

        return result;
    }

    private static string? Run(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit(30_000);
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
