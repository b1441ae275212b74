using System.Diagnostics;
using System.Text;

namespace Atlas.Loading;

/// <summary>
/// When each content file last changed, from Git, and whether those dates can be trusted. The atlas must build from a
/// tarball too, so no history is not an error; but it is never silent: <see cref="GitDates.State"/> says why the dates
/// are missing or wrong, and loading turns that into one warning (site.yml's <c>git_dates</c> switches this on).
/// </summary>
public static class GitHistory
{
    /// <summary>How long one git command may run before it is stopped (with every process it started).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>File (relative to the site, forward slashes) → time of the newest commit that touched it.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> LastChanged(string siteDirectory, string folder = "content") =>
        Read(siteDirectory, folder).LastChanged;

    /// <summary>
    /// The dates of <paramref name="folder"/>'s files and the state of the history they come from. <paramref name="git"/>
    /// is the program to run (a path, or a name looked up on PATH), <paramref name="timeout"/> the limit per command.
    /// </summary>
    public static GitDates Read(string siteDirectory, string folder = "content", string git = "git", TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        // A shallow clone (--depth 1, the default of many CI checkouts) has only the newest commits: every file older
        // than them would get the newest commit's date, so the dates are read but marked as not to be trusted.
        var shallow = Run(git, siteDirectory, limit, "rev-parse", "--is-shallow-repository");
        if (shallow.State != GitState.Complete)
        {
            return new GitDates(new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), shallow.State);
        }

        var log = Run(git, siteDirectory, limit, "log", "--format=%x01%ct", "--name-only", "--relative", "--", folder);
        if (log.State != GitState.Complete)
        {
            return new GitDates(new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), log.State);
        }

        return new GitDates(Parse(log.Output), shallow.Output.Trim() == "true" ? GitState.Shallow : GitState.Complete);
    }

    private static Dictionary<string, DateTimeOffset> Parse(string output)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
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

    private readonly record struct Outcome(GitState State, string Output);

    private static Outcome Run(string git, string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // Git's messages in English whatever the machine's language, so that "not a git repository" can be told apart.
        start.Environment["LC_ALL"] = "C";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new Outcome(GitState.NoGit, ""); // not installed, or not on PATH
        }

        if (process is null)
        {
            return new Outcome(GitState.NoGit, "");
        }

        using (process)
        {
            // Both streams are read while waiting, so a git that writes much cannot block on a full pipe, and the time
            // limit counts from the start, not from the end of the output.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true); // a wrapper script's children too, which hold the pipes open
                }
                catch (InvalidOperationException)
                {
                    // it ended just now
                }

                return new Outcome(GitState.TimedOut, "");
            }

            process.WaitForExit(); // the streams are complete after this
            if (process.ExitCode == 0)
            {
                return new Outcome(GitState.Complete, stdout.GetAwaiter().GetResult());
            }

            var message = stderr.GetAwaiter().GetResult();
            return new Outcome(message.Contains("not a git repository", StringComparison.OrdinalIgnoreCase) ? GitState.NotARepository : GitState.Failed, "");
        }
    }
}

/// <summary>How far the Git dates can be trusted.</summary>
public enum GitState
{
    /// <summary>The full history was read: the dates are right.</summary>
    Complete,

    /// <summary>A shallow clone: files older than its oldest commit get that commit's date, which is wrong.</summary>
    Shallow,

    /// <summary>git_dates is off in site.yml: no dates were asked for.</summary>
    Off,

    /// <summary>git could not be started (not installed, or not on PATH).</summary>
    NoGit,

    /// <summary>The site is not in a Git repository (a tarball, a copy).</summary>
    NotARepository,

    /// <summary>A git command ran longer than its time limit and was stopped.</summary>
    TimedOut,

    /// <summary>git failed for another reason.</summary>
    Failed,
}

/// <summary>The dates Git gave (empty unless <see cref="State"/> is Complete or Shallow) and how far they can be trusted.</summary>
public sealed record GitDates(IReadOnlyDictionary<string, DateTimeOffset> LastChanged, GitState State)
{
    public static readonly GitDates Off = new(new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), GitState.Off);

    /// <summary>Whether a file missing from <see cref="LastChanged"/> means it is not committed (rather than unknown).</summary>
    public bool IsComplete => State == GitState.Complete;

    /// <summary>
    /// What the state means for the reader and how to fix it, as one sentence; null when the dates are right or were
    /// not asked for.
    /// </summary>
    public string? Problem => State switch
    {
        GitState.Shallow => "the site is in a shallow Git clone, so every file older than its newest commits gets the wrong " +
                            "'last updated' date (and sitemap lastmod); fetch the full history with 'git fetch --unshallow' " +
                            "(in GitHub Actions: actions/checkout with fetch-depth: 0).",
        GitState.NoGit => "git could not be run (is it installed and on PATH?), so pages show no 'last updated' date, the sitemap " +
                          "has no lastmod and status cannot tell stale translations; install git, or set git_dates: false.",
        GitState.NotARepository => "the site is not in a Git repository, so pages show no 'last updated' date, the sitemap has no " +
                                   "lastmod and status cannot tell stale translations; build from a clone, or set git_dates: false.",
        GitState.TimedOut => "git took longer than its time limit and was stopped, so pages show no " +
                             "'last updated' date and status cannot tell stale translations; check the repository (git log should be quick).",
        GitState.Failed => "git log failed in the site's folder, so pages show no 'last updated' date and status cannot tell stale " +
                           "translations; run 'git log -- content' there to see why.",
        _ => null,
    };

    /// <summary>Why the dates cannot be compared (status's stale translations); null when they can.</summary>
    public string? NotComparableBecause => State switch
    {
        GitState.Complete => null,
        GitState.Off => "git_dates is off in site.yml; set git_dates: true to compare when each text last changed in Git.",
        _ => Problem,
    };
}
