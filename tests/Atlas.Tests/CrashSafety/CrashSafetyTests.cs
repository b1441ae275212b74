using System.Diagnostics;
using System.Globalization;
using Atlas.Output;
using Atlas.Tests.BadInput;
using Atlas.Tests.Support;

namespace Atlas.Tests.CrashSafety;

/// <summary>
/// Kills real build processes (SIGKILL: no cleanup runs) at chosen moments and checks that the previous output is
/// still there byte for byte and that the next build succeeds. The child is the real command line,
/// <c>dotnet Atlas.Cli.dll build</c>, or, to kill at an exact point of the write, the same build run by
/// <c>Atlas.CrashHost</c> through a file system that stops there (the engine has no test hook of its own).
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("writing")]
    [InlineData("before-swap")]
    public void A_build_killed_while_rendering_or_before_the_swap_leaves_the_previous_output_intact(string point)
    {
        using var site = LargeSite(40);
        site.BuildOk();
        var previous = TestSite.Snapshot(site.Output);
        ChangeContent(site);

        using (var child = StartBuild(site, point))
        {
            WaitForPause(site, child, point);
            Assert.True(Directory.Exists(Staging(site)), "the killed build should have been writing its staging folder");
            Kill(child);
        }

        Assert.Equal(previous, TestSite.Snapshot(site.Output));
        NextBuildSucceedsAndCleansUp(site);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_build_killed_between_the_two_renames_of_the_fallback_swap_loses_nothing_and_recovery_restores_it(bool recoverFirst)
    {
        // Where the atomic exchange is missing the swap is two renames; this forces that path and kills in between.
        using var site = LargeSite(20);
        site.BuildOk();
        var previous = TestSite.Snapshot(site.Output);
        ChangeContent(site);

        using (var child = StartBuild(site, "between-renames"))
        {
            WaitForPause(site, child, "between-renames");
            Kill(child);
        }

        var old = Path.Combine(site.Directory, ".public.old");
        Assert.False(Directory.Exists(site.Output));
        Assert.Equal(previous, TestSite.Snapshot(old)); // every byte of the previous site is still on disk

        // A failed build does not touch it; recovery (which the next good build runs first) puts it back.
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都}\n");
        Assert.False(site.Build().Succeeded);
        Assert.Equal(previous, TestSite.Snapshot(old));
        if (recoverFirst)
        {
            OutputRecovery.Recover(site.Output);
            Assert.Equal(previous, TestSite.Snapshot(site.Output));
            Assert.False(Directory.Exists(old));
        }

        ChangeContent(site);
        NextBuildSucceedsAndCleansUp(site);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void A_build_killed_at_an_arbitrary_moment_leaves_either_the_previous_or_the_complete_new_site(int stagedFiles)
    {
        // No hook: the kill lands wherever the build is once it has staged this many files (or after it finished).
        using var site = LargeSite(150);
        site.BuildOk();
        var previous = TestSite.Snapshot(site.Output);
        ChangeContent(site);
        var reference = Path.Combine(Path.GetDirectoryName(site.Directory)!, "reference");
        site.BuildOk(reference);
        var complete = TestSite.Snapshot(reference);

        using (var child = StartBuild(site, pause: null))
        {
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && CountFiles(Staging(site)) < stagedFiles && clock.Elapsed < Patience)
            {
                Thread.Sleep(5);
            }

            Kill(child);
        }

        var after = TestSite.Snapshot(site.Output);
        Assert.True(after.SequenceEqual(previous) || after.SequenceEqual(complete),
            $"the output is neither the previous site ({previous.Count} files) nor the new one ({complete.Count} files) but {after.Count} files");
        NextBuildSucceedsAndCleansUp(site);
        Assert.Equal(complete, TestSite.Snapshot(site.Output));
    }

    [Fact]
    public void A_second_build_into_an_output_that_a_running_build_writes_is_refused_with_a_clear_message()
    {
        using var site = LargeSite(20);
        site.BuildOk();
        var previous = TestSite.Snapshot(site.Output);
        ChangeContent(site);

        using (var child = StartBuild(site, "before-swap"))
        {
            WaitForPause(site, child, "before-swap");
            var (exit, stdout, stderr) = BadInputTests.Run("build", "--site", site.Directory);
            Assert.Equal(1, exit);
            Assert.Equal("", stdout);
            Assert.Contains("public:1:1: error: another build is writing to this output folder right now; wait for it to finish and run again", stderr);
            Assert.Equal(previous, TestSite.Snapshot(site.Output));
            Kill(child);
        }

        // The lock of a killed build is gone with its process: the next build runs.
        NextBuildSucceedsAndCleansUp(site);
    }

    [Fact]
    public void Builds_in_one_process_are_serialized_by_the_same_lock()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var previous = TestSite.Snapshot(site.Output);
        using (var held = OutputLock.TryAcquire(site.Output, out var busy))
        {
            Assert.NotNull(held);
            Assert.False(busy);
            var refused = site.Build();
            Assert.False(refused.Succeeded);
            Assert.Contains("another build is writing to this output folder", Assert.Single(refused.Diagnostics).Message);
            Assert.Equal(previous, TestSite.Snapshot(site.Output));
        }

        site.BuildOk();
    }

    /// <summary>The minimal site with many more cities, so that a build takes long enough to be caught mid-way.</summary>
    private static TestSite LargeSite(int cities)
    {
        var site = TestSite.Minimal();
        for (var i = 0; i < cities; i++)
        {
            var slug = string.Create(CultureInfo.InvariantCulture, $"city-{i:0000}");
            site.Write($"content/cities/{slug}.yml", string.Create(CultureInfo.InvariantCulture,
                $"name: {{zh: 城市{i}, en: City {i}}}\nsummary: {{zh: 第{i}个城市, en: City number {i}}}\ncoordinates: [{100 + i % 10}.5, {25 + i % 10}.5]\ntwin: chengdu\n"));
            site.Write($"content/cities/{slug}.zh.md", $"第{i}个城市的正文，见[成都](ref:cities/chengdu)。\n\n" + string.Concat(Enumerable.Repeat("段落文字。", 50)) + "\n");
            site.Write($"content/cities/{slug}.en.md", $"Body of city {i}, see [Chengdu](ref:cities/chengdu).\n\n" + string.Concat(Enumerable.Repeat("Paragraph text. ", 50)) + "\n");
        }

        return site;
    }

    /// <summary>A change that alters every entity page, so a half-swapped output could not pass for the previous one.</summary>
    private static void ChangeContent(TestSite site) =>
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n");

    private static string Staging(TestSite site) => Path.Combine(site.Directory, ".public.staging");

    private static void NextBuildSucceedsAndCleansUp(TestSite site)
    {
        var (exit, _, stderr) = BadInputTests.Run("build", "--site", site.Directory);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Chengdu City", site.Read("en/cities/chengdu/index.html"));
        Assert.False(Directory.Exists(Staging(site)), "the staging folder of the killed build is left");
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".public.old")), "the .old folder is left");
    }

    private static Process StartBuild(TestSite site, string? pause)
    {
        var program = Path.Combine(AppContext.BaseDirectory, pause is null ? "Atlas.Cli.dll" : "Atlas.CrashHost.dll");
        Assert.True(File.Exists(program), $"{program} is missing; the test project references it so it is copied there");
        var start = new ProcessStartInfo(DotnetHost(), pause is null ? [program, "build", "--site", site.Directory] : [program, site.Directory, pause])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("ATLAS_DEBUG");

        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return process;
    }

    private static void WaitForPause(TestSite site, Process child, string point)
    {
        var marker = Path.Combine(site.Directory, $".public.paused-{point}");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(marker))
        {
            Assert.False(child.HasExited, $"the build exited with {(child.HasExited ? child.ExitCode : 0)} before reaching '{point}'");
            Assert.True(clock.Elapsed < Patience, $"the build did not reach '{point}'");
            Thread.Sleep(10);
        }

        File.Delete(marker);
    }

    private static void Kill(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally block, no Dispose, no cleanup
        }

        Assert.True(child.WaitForExit(Patience), "the killed build did not exit");
    }

    private static int CountFiles(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the folder was swapped away mid-count
        }
    }

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
