using Atlas.Rendering;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

/// <summary>
/// A runaway template in the preview: the limits stop it with a located error, the preview keeps answering and applies
/// the next edit; stopping the preview (Ctrl+C) ends a render that no limit would end, and removes the private folder.
/// </summary>
public sealed class PreviewBoundsTests
{
    private const string Home = "<h1>{{ site.title }}</h1><p>{{ t \"home.hello\" }}</p>\n";
    private const string Runaway = "{{ func f(n); if n > 0; f(n-1); f(n-1); end; end; f(40) }}\n";

    /// <summary>Generous: each step takes well under a second; only a hang comes near it.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task A_runaway_render_is_stopped_with_a_located_error_and_the_next_edit_is_applied()
    {
        using var site = TestSite.Minimal($"-- templates/home.html --\n{Home}{Runaway}");
        using var temporary = new TemporaryFolder();
        var options = new PreviewOptions(site.Directory)
        {
            Port = 0, TemporaryRoot = temporary.Path, RenderLimits = RenderLimits.Default with { Steps = 100_000 },
        };
        await using (var server = await PreviewServer.StartAsync(options).WaitAsync(HangLimit))
        {
            var error = Assert.Single(server.Errors);
            Assert.Equal("templates/home.html", error.Location.Path);
            Assert.Equal(2, error.Location.Line);
            Assert.Contains("ran more than 100,000 steps", error.Message);

            var page = new Uri(server.Address, "en/");
            Assert.Contains("did not build", await Http.GetStringAsyncOrError(page)); // still answering, with the error

            site.Write("templates/home.html", Home);
            var deadline = DateTime.UtcNow + HangLimit;
            string html;
            do
            {
                await Task.Delay(100);
                html = await Http.GetStringAsyncOrError(page);
            }
            while (!html.Contains("<p>Hello</p>", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

            Assert.Contains("<p>Hello</p>", html);
            Assert.Empty(server.Errors);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary.Path));
    }

    [Fact]
    public async Task Stopping_during_a_render_that_no_limit_ends_stops_it_and_removes_the_private_folder()
    {
        // No step limit: f(40) would render for hours. Only the stop (Ctrl+C cancels this token) can end it.
        using var site = TestSite.Minimal($"-- templates/home.html --\n{Home}{Runaway}");
        using var temporary = new TemporaryFolder();
        var options = new PreviewOptions(site.Directory)
        {
            Port = 0, TemporaryRoot = temporary.Path, RenderLimits = RenderLimits.Default with { Steps = long.MaxValue },
        };
        using var stop = new CancellationTokenSource();
        var start = Task.Run(() => PreviewServer.StartAsync(options, cancellation: stop.Token)); // the first build runs inside StartAsync

        // The first build is under way once its private folder exists; stop it there.
        while (!Directory.EnumerateFileSystemEntries(temporary.Path).Any() && !start.IsCompleted)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start.WaitAsync(HangLimit)); // a hang is a TimeoutException
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary.Path));
    }

    [Fact]
    public async Task Disposing_the_preview_during_a_runaway_rebuild_ends_it_and_removes_the_private_folder()
    {
        using var site = TestSite.Minimal($"-- templates/home.html --\n{Home}");
        using var temporary = new TemporaryFolder();
        var options = new PreviewOptions(site.Directory)
        {
            Port = 0, TemporaryRoot = temporary.Path, RenderLimits = RenderLimits.Default with { Steps = long.MaxValue },
        };
        var server = await PreviewServer.StartAsync(options).WaitAsync(HangLimit);
        Assert.Empty(server.Errors);
        var generation = server.Generation;

        site.Write("templates/home.html", Home + Runaway);
        await Task.Delay(500); // lets the rebuild start (the watcher waits 10 ms for more changes); it never ends by itself
        Assert.Equal(generation, server.Generation);

        await server.DisposeAsync().AsTask().WaitAsync(HangLimit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary.Path));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("atlas-bounds-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
