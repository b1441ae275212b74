using Atlas.Building;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Tests.Support;

namespace Atlas.Tests.Building;

/// <summary>
/// Loading has one home (<see cref="SiteLoader"/>): a command that needs the loaded site and a build of it (check)
/// loads once and builds that site, with the same bytes and problems as a build that loads it itself.
/// </summary>
public sealed class LoadOnceTests
{
    [Fact]
    public void Building_a_site_already_loaded_gives_the_bytes_and_diagnostics_of_a_build_that_loads_it()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.zh.md --
成都。![远处的图](https://example.org/far.png)
""");
        var loading = new DiagnosticBag();
        var loaded = SiteLoader.Load(new LoadOptions(site.Directory), loading);
        Assert.NotNull(loaded);
        var once = Path.Combine(site.Directory, "once");
        var result = SiteBuilder.Build(new BuildOptions(site.Directory) { OutputDirectory = once, HomeDirectory = "/nonexistent" }, loaded, loading);

        var itself = Path.Combine(site.Directory, "itself");
        var reference = site.Build(itself);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Diagnostics, d => d.Message.Contains("far.png", StringComparison.Ordinal)); // the load's warning, once
        Assert.Equal(reference.Diagnostics.Select(d => d.ToString()), result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(TestSite.Snapshot(itself), TestSite.Snapshot(once));
    }

    [Fact]
    public void The_loaded_site_keeps_the_dates_loading_read_from_Git_for_status()
    {
        using var site = TestSite.Minimal();
        File.AppendAllText(Path.Combine(site.Directory, "site.yml"), "git_dates: true\n"); // Git dates are read only when asked for
        if (!Git(site.Directory, "init", "-q") || !Git(site.Directory, "add", "-A") ||
            !Git(site.Directory, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "content"))
        {
            Assert.Fail("git is needed for this test");
        }

        var loaded = SiteLoader.Load(new LoadOptions(site.Directory), new DiagnosticBag())!;
        Assert.Equal(GitHistory.LastChanged(site.Directory), loaded.History);
        Assert.Contains("content/cities/chengdu.yml", loaded.History.Keys);
    }

    private static bool Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
