using Atlas.Cli;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Tests.Support;

namespace Atlas.Tests.Shipping;

/// <summary>Git dates that tell the truth: a shallow clone, no repository or no git are said once; a slow git is stopped.</summary>
public sealed class GitDatesTests
{
    private static TestSite SiteWithGitDates()
    {
        var site = TestSite.Minimal();
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), "git_dates: true\n");
        return site;
    }

    private static (int Exit, string Out, string Err) Atlas(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = AtlasCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_shallow_clone_is_detected_and_the_build_warns_once_how_to_fetch_the_history()
    {
        using var site = SiteWithGitDates();
        Git.Commit(site.Directory, "2024-03-05T10:00:00Z");
        site.Write("content/cities/chengdu.en.md", "Chengdu, a later edit.\n");
        Git.Commit(site.Directory, "2025-06-07T10:00:00Z");
        var clone = Path.Combine(Path.GetDirectoryName(site.Directory)!, "clone");
        Git.Run(Path.GetDirectoryName(site.Directory)!, "clone", "-q", "--depth", "1", "file://" + site.Directory, clone);

        var full = GitHistory.Read(site.Directory);
        Assert.Equal(GitState.Complete, full.State);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), full.LastChanged["content/cities/chongqing.yml"]);

        var shallow = GitHistory.Read(clone);
        Assert.Equal(GitState.Shallow, shallow.State);
        // What a shallow clone does to the dates, and why the warning matters: the older file gets the newest commit's date.
        Assert.Equal(new DateTimeOffset(2025, 6, 7, 10, 0, 0, TimeSpan.Zero), shallow.LastChanged["content/cities/chongqing.yml"]);

        var diagnostics = new DiagnosticBag();
        Assert.NotNull(SiteLoader.Load(new LoadOptions(clone), diagnostics));
        var warning = Assert.Single(diagnostics.ToSortedList());
        Assert.False(warning.IsError);
        Assert.Equal("site.yml", warning.Location.Path);
        Assert.Contains("shallow", warning.Message);
        Assert.Contains("git fetch --unshallow", warning.Message);

        var build = Atlas("build", "--site", clone);
        Assert.Equal(0, build.Exit);
        Assert.Single(build.Err.Split('\n'), l => l.Contains(": warning: git_dates: the site is in a shallow Git clone", StringComparison.Ordinal));
        Assert.Contains("1 warning.", build.Out);

        var fullLoad = new DiagnosticBag();
        Assert.NotNull(SiteLoader.Load(new LoadOptions(site.Directory), fullLoad));
        Assert.Empty(fullLoad.ToSortedList());
    }

    [Fact]
    public void Outside_a_repository_the_build_warns_and_status_says_it_cannot_tell_stale_translations()
    {
        using var site = SiteWithGitDates();
        var build = Atlas("build", "--site", site.Directory);
        Assert.Equal(0, build.Exit);
        Assert.Single(build.Err.Split('\n'), l => l.Contains("site.yml:", StringComparison.Ordinal) &&
                                                   l.Contains(": warning: git_dates: the site is not in a Git repository", StringComparison.Ordinal));

        var status = Atlas("status", "--site", site.Directory);
        Assert.Equal(0, status.Exit);
        Assert.Contains("stale translations: cannot tell: the site is not in a Git repository", status.Out);
        Assert.DoesNotContain("stale translations (", status.Out);

        var json = Atlas("status", "--site", site.Directory, "--json");
        Assert.Contains("\"stale_translations\": null", json.Out);
        Assert.Contains("\"stale_translations_unknown\": \"the site is not in a Git repository", json.Out);
    }

    [Fact]
    public void In_a_repository_status_counts_stale_translations()
    {
        using var site = SiteWithGitDates();
        Git.Commit(site.Directory, "2024-03-05T10:00:00Z");
        site.Write("content/cities/chengdu.zh.md", "成都，后来修改。\n");
        Git.Commit(site.Directory, "2025-06-07T10:00:00Z");

        var status = Atlas("status", "--site", site.Directory);
        Assert.Contains("stale translations (the zh text changed later): 1", status.Out);
        Assert.Contains("cities/chengdu [en]", status.Out);
    }

    [Fact]
    public void Without_git_the_load_warns_once()
    {
        using var site = SiteWithGitDates();
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(SiteLoader.Load(new LoadOptions(site.Directory) { Git = Path.Combine(site.Directory, "no-such-git") }, diagnostics));
        var warning = Assert.Single(diagnostics.ToSortedList());
        Assert.Contains("git could not be run", warning.Message);
    }

    [Fact]
    public void Git_dates_off_reads_no_history_and_says_nothing()
    {
        using var site = TestSite.Minimal();
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(new LoadOptions(site.Directory) { Git = Path.Combine(site.Directory, "no-such-git") }, diagnostics)!;
        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal(GitState.Off, loaded.GitDates.State);
        Assert.Contains("stale translations: cannot tell: git_dates is off", Atlas("status", "--site", site.Directory).Out);
    }

    [Fact]
    public void A_git_that_hangs_is_stopped_at_the_time_limit_with_its_children()
    {
        using var site = SiteWithGitDates();
        Git.Commit(site.Directory, "2024-03-05T10:00:00Z");
        // A git that answers only after 20 s, through a child process that holds the output pipe open: waiting for the
        // end of the output (the old behaviour) would get its answer, a complete history, instead of stopping it.
        var slow = Path.Combine(Path.GetDirectoryName(site.Directory)!, "slow-git");
        File.WriteAllText(slow, "#!/bin/sh\nsleep 20\nexec git \"$@\"\n");
        Posix.Chmod(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var dates = GitHistory.Read(site.Directory, git: slow, timeout: TimeSpan.FromSeconds(1));
        Assert.Equal(GitState.TimedOut, dates.State);
        Assert.Empty(dates.LastChanged);

        var diagnostics = new DiagnosticBag();
        SiteLoader.Load(new LoadOptions(site.Directory) { Git = slow, GitTimeout = TimeSpan.FromSeconds(1) }, diagnostics);
        Assert.Contains("longer than its time limit", Assert.Single(diagnostics.ToSortedList()).Message);
    }
}
