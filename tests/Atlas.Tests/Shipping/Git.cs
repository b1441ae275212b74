using System.Diagnostics;

namespace Atlas.Tests.Shipping;

/// <summary>Runs git for tests that need a repository of their own (git is on PATH wherever the tests run).</summary>
internal static class Git
{
    public static string Run(string directory, params string[] arguments) => RunAt(directory, null, arguments);

    /// <summary>Runs git; <paramref name="date"/> fixes the author's and committer's date of a commit.</summary>
    public static string RunAt(string directory, string? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }

    /// <summary>Makes <paramref name="directory"/> a repository with everything in it committed at <paramref name="date"/>.</summary>
    public static void Commit(string directory, string date)
    {
        if (!Directory.Exists(Path.Combine(directory, ".git")))
        {
            Run(directory, "init", "-q");
        }

        Run(directory, "add", "-A");
        RunAt(directory, date, "commit", "-q", "-m", "content at " + date);
    }
}
