using System.Diagnostics;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>
/// The preview tells how long an edit waited before its rebuild started (the watcher's settle time, or a rebuild
/// still running): the watcher hands each batch over with the moment it saw its first change, and the rebuild's
/// report carries the wait. Without it the time between a save and the start of the rebuild cannot be told apart
/// from the rebuild itself.
/// </summary>
public sealed class ChangeTimingTests
{
    [Fact]
    public async Task Files_saved_in_a_row_make_one_batch_that_says_when_its_first_change_was_seen()
    {
        using var site = TestSite.Minimal();
        using var watcher = SiteWatcher.Start(site.Directory, poll: TimeSpan.FromMilliseconds(20));
        var before = Stopwatch.GetTimestamp();
        // An editor's "save all": two files, one of them written to a temporary file and renamed over the original.
        site.Write("content/cities/chengdu.en.md", "Chengdu, saved first.\n");
        site.Write("content/cities/chongqing.en.md.tmp", "Chongqing, saved second.\n");
        File.Move(Path.Combine(site.Directory, "content/cities/chongqing.en.md.tmp"), Path.Combine(site.Directory, "content/cities/chongqing.en.md"), overwrite: true);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var batch = await watcher.NextChangesAsync(TimeSpan.FromMilliseconds(100), timeout.Token);

        Assert.NotNull(batch.Files);
        Assert.Contains("content/cities/chengdu.en.md", batch.Files);
        Assert.Contains("content/cities/chongqing.en.md", batch.Files);
        Assert.InRange(batch.FirstSeenAt, before, Stopwatch.GetTimestamp());
    }

    [Fact]
    public async Task A_rebuild_after_an_edit_reports_when_it_started_after_the_change_and_the_first_build_does_not()
    {
        using var site = TestSite.Minimal();
        var reports = new System.Collections.Concurrent.ConcurrentQueue<RebuildReport>();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 }, reports.Enqueue);
        var initial = Assert.Single(reports);
        Assert.Null(initial.StartedAfterChange);

        site.Write("content/cities/chengdu.en.md", "Chengdu, timed.\n");
        bool Edit(RebuildReport r) => r.ChangedFiles.Contains("content/cities/chengdu.en.md");
        for (var waited = 0; waited < 300 && !reports.Any(Edit); waited++)
        {
            await Task.Delay(100);
        }

        var edit = Assert.Single(reports, Edit);
        Assert.True(edit.Result.Succeeded);
        Assert.NotNull(edit.StartedAfterChange);
        Assert.True(edit.StartedAfterChange >= TimeSpan.Zero);
    }
}
