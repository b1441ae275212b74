using System.Net;
using System.Net.Sockets;
using System.Text;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Preview;

public sealed class PreviewServerTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };

    private static async Task<string> PollUntil(Uri url, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await Http.GetStringAsyncOrError(url);
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"condition not met within 30 s; last response:\n{last}");
        return last;
    }

    [Fact]
    public async Task Serves_on_loopback_rebuilds_after_a_change_and_shows_errors_until_fixed()
    {
        using var site = TestSite.Minimal();
        var reports = new System.Collections.Concurrent.ConcurrentQueue<RebuildReport>();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 }, reports.Enqueue);

        Assert.Equal("127.0.0.1", server.Address.Host);
        var page = new Uri(server.Address, "en/cities/chengdu/");
        var first = await Http.GetStringAsync(page);
        Assert.Contains("Chengdu body.", first);
        // The reload script is injected, told which file the page shows.
        Assert.Contains($"<script src=\"{PreviewServer.ScriptPath}\" data-file=\"en/cities/chengdu/index.html\" defer></script>", first);

        // The open page listens for rebuilds and is told to reload after one.
        using var events = await Http.GetAsync(new Uri(server.Address, PreviewServer.EventsPath.TrimStart('/')), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        using var stream = new StreamReader(await events.Content.ReadAsStreamAsync());

        site.Write("content/cities/chengdu.en.md", "Chengdu, edited while serving.\n");
        var reload = Task.Run(async () =>
        {
            string? line;
            while ((line = await stream.ReadLineAsync()) is not null && line != "event: reload")
            {
            }

            return (line, await stream.ReadLineAsync());
        });
        // Only the pages that were rewritten reload: the event names their files.
        var (name, data) = await reload.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("event: reload", name);
        Assert.StartsWith("data: {\"files\":[", data);
        Assert.Contains("\"en/cities/chengdu/index.html\"", data);
        Assert.DoesNotContain("zh/cities/chengdu/", data); // the Chinese page does not show the English body
        await PollUntil(page, html => html.Contains("Chengdu, edited while serving.", StringComparison.Ordinal));

        // The watcher told the rebuild which file changed, and a body edit took the prose-only path. (The page shows
        // the edit before the rebuild ends: the search index is written after it.)
        bool ProseRebuild(RebuildReport r) => r.ChangedFiles.SequenceEqual(["content/cities/chengdu.en.md"]) && r.Build.ProseOnly;
        for (var waited = 0; waited < 300 && !reports.Any(ProseRebuild); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(reports, ProseRebuild);

        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu\nsummary: broken\n");
        var error = await PollUntil(page, html => html.Contains("did not build", StringComparison.Ordinal));
        Assert.Contains("content/cities/chengdu.yml:", error);

        site.Write("content/cities/chengdu.yml", "name: {zh: 成都, en: Chengdu}\nsummary: {zh: 四川省会, en: Capital}\ncoordinates: [104.07, 30.57]\n");
        await PollUntil(page, html => html.Contains("Chengdu, edited while serving.", StringComparison.Ordinal) && !html.Contains("did not build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_saved_during_the_first_build_or_right_after_the_first_answer_is_not_lost()
    {
        using var site = TestSite.Minimal();
        var builds = 0;
        // The report of the first build comes before the preview starts its loop: a save there is a save during it.
        void OnRebuild(RebuildReport report)
        {
            if (Interlocked.Increment(ref builds) == 1)
            {
                site.Write("content/cities/chengdu.en.md", "Saved during the first build.\n");
            }
        }

        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 }, OnRebuild);
        var chengdu = new Uri(server.Address, "en/cities/chengdu/");
        await PollUntil(chengdu, html => html.Contains("Saved during the first build.", StringComparison.Ordinal));

        // Right after the server first answered.
        site.Write("content/cities/chongqing.en.md", "Saved right after the first answer.\n");
        await PollUntil(new Uri(server.Address, "en/cities/chongqing/"), html => html.Contains("Saved right after the first answer.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_that_comes_once_the_pages_are_written_cuts_that_rebuild_short_and_the_next_makes_both_edits()
    {
        using var site = TestSite.Minimal();
        var reports = new System.Collections.Concurrent.ConcurrentQueue<RebuildReport>();
        PreviewServer? server = null;
        var rebuilds = 0;
        void SaveAgain()
        {
            // The first rebuild after the edit below has written its pages: a second save comes now, and the watcher
            // holds it before the rest of that rebuild (the search index) starts.
            if (Interlocked.Increment(ref rebuilds) == 1)
            {
                site.Write("content/cities/chongqing.en.md", "Chongqing, saved while the search index was made.\n");
                Assert.True(SpinWait.SpinUntil(() => server!.ChangesWaiting, TimeSpan.FromSeconds(20)), "the watcher did not see the second save");
            }
        }

        var cutShort = new System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>?>();
        var options = new PreviewOptions(site.Directory) { Port = 0, AfterPagesWritten = SaveAgain, CutShort = cutShort.Enqueue };
        await using (server = await PreviewServer.StartAsync(options, reports.Enqueue))
        {
            site.Write("content/cities/chengdu.en.md", "Chengdu, saved first.\n");
            await PollUntil(new Uri(server.Address, "en/cities/chongqing/"),
                html => html.Contains("Chongqing, saved while the search index was made.", StringComparison.Ordinal));
            await PollUntil(new Uri(server.Address, "en/cities/chengdu/"), html => html.Contains("Chengdu, saved first.", StringComparison.Ordinal));
            for (var waited = 0; waited < 300 && reports.Count < 2; waited++)
            {
                await Task.Delay(100);
            }

            // The first build, then one rebuild that made both saves: the one cut short left no report.
            Assert.Equal(2, reports.Count);
            var both = reports.Last();
            Assert.True(both.Result.Succeeded);
            Assert.Equal(1, both.Superseded);
            Assert.Equal(["content/cities/chengdu.en.md", "content/cities/chongqing.en.md"], both.ChangedFiles);
            Assert.Equal(["content/cities/chengdu.en.md"], Assert.Single(cutShort)); // and the one cut short was told

            // The search index is the one of both edits.
            var index = string.Join("\n", Directory.EnumerateFiles(Path.Combine(both.Result.OutputDirectory, "search", "en"), "*", SearchOption.AllDirectories)
                .Select(File.ReadAllText));
            Assert.Contains("saved first", index, StringComparison.Ordinal);
            Assert.Contains("saved while the search index was made", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Missing_pages_get_the_404_of_their_language_and_traversal_is_refused()
    {
        using var site = TestSite.Minimal("""
-- templates/404.html --
<h1>{{ t "home.hello" }} 404</h1>
""");
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });

        var english = await Http.GetAsync(new Uri(server.Address, "en/no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        var notFound = await english.Content.ReadAsStringAsync();
        Assert.Contains("Hello 404", notFound);
        Assert.Contains("data-file=\"en/404.html\"", notFound); // reloads when the 404 or the page at its address is written
        var chinese = await Http.GetAsync(new Uri(server.Address, "zh/no/such/page/"));
        Assert.Contains("你好 404", await chinese.Content.ReadAsStringAsync());

        foreach (var attack in new[] { "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/..%5c..%5cetc%5cpasswd", "/assets/%00x" })
        {
            var response = await Http.GetAsync(server.Address.GetLeftPart(UriPartial.Authority) + attack);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{attack}: {response.StatusCode}");
            Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
        }

        var css = await Http.GetAsync(new Uri(server.Address, "en/"));
        Assert.Equal("text/html; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        var redirect = await Http.GetAsync(new Uri(server.Address, "en"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
    }

    [Fact]
    public async Task Every_built_file_is_served_with_the_content_type_of_its_kind()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });

        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".html"] = "text/html; charset=utf-8",
            [".css"] = "text/css; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8",
            [".json"] = "application/json; charset=utf-8",
            [".xml"] = "application/xml; charset=utf-8",
            [".svg"] = "image/svg+xml; charset=utf-8",
            [".txt"] = "text/plain; charset=utf-8",
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(server.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            var extension = Path.GetExtension(file);
            if (!expected.TryGetValue(extension, out var type))
            {
                continue;
            }

            var path = Path.GetRelativePath(server.OutputDirectory, file).Replace('\\', '/');
            using var response = await Http.GetAsync(new Uri(server.Address, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
            seen.Add(extension);
        }

        // The minimal site has pages, styles, data, feeds and robots.txt: each kind was checked at least once.
        Assert.Superset(new HashSet<string> { ".html", ".css", ".json", ".xml", ".txt" }, seen);
        using var script = await Http.GetAsync(new Uri(server.Address, PreviewServer.ScriptPath.TrimStart('/')));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(expected[".js"], script.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Fingerprinted_assets_are_kept_by_the_browser_and_everything_else_is_asked_again()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });

        var assets = Directory.EnumerateFiles(Path.Combine(server.OutputDirectory, "assets"))
            .Select(f => "assets/" + Path.GetFileName(f)).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            using var response = await Http.GetAsync(new Uri(server.Address, asset));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: >= 365 }, $"{asset}: {response.Headers.CacheControl}");
        }

        // Pages, data and a file under assets/ without a content hash in its name show the latest build on every load.
        File.WriteAllText(Path.Combine(server.OutputDirectory, "assets", "plain.css"), "p {}");
        foreach (var path in new[] { "en/", "en/cities/chengdu/", "robots.txt", "assets/plain.css" })
        {
            using var response = await Http.GetAsync(new Uri(server.Address, path));
            Assert.True(response.Headers.CacheControl is { NoCache: true, MaxAge: null }, $"{path}: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Survives_a_thousand_concurrent_requests_and_clients_that_hang_up_mid_response()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        var page = new Uri(server.Address, "en/cities/chengdu/");
        var expected = await Http.GetStringAsync(page);

        // A thousand requests at once, each on its own connection (bounded: loopback, one process).
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.Zero };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var bodies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            using var response = await client.GetAsync(i % 2 == 0 ? page : new Uri(server.Address, "en/no/such/page/"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.Equal(500, bodies.Count(b => b.StatusCode == HttpStatusCode.OK && b.Body == expected));
        Assert.Equal(500, bodies.Count(b => b.StatusCode == HttpStatusCode.NotFound));

        // Two hundred clients that send a request and close the connection after the first bytes of the answer, or
        // before reading anything at all, or in the middle of sending the request.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, server.Address.Port);
            var request = Encoding.ASCII.GetBytes($"GET /en/cities/chengdu/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            await socket.SendAsync(i % 3 == 2 ? request.AsMemory(0, 10) : request);
            if (i % 3 == 0)
            {
                var buffer = new byte[64];
                await socket.ReceiveAsync(buffer);
            }

            socket.LingerState = new LingerOption(true, 0); // a reset, not a polite close
            socket.Close();
        }));

        // Still serving, the same bytes.
        Assert.Equal(expected, await Http.GetStringAsync(page));
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/a/../../etc/passwd")]
    [InlineData("/a\\..\\..\\etc")]
    [InlineData("/./x")]
    public void The_path_policy_refuses_anything_that_leaves_the_output(string path)
    {
        Assert.Equal(PreviewPaths.Outcome.Refused, PreviewPaths.Resolve("/srv/out", path, path).Kind);
    }
}

internal static class HttpExtensions
{
    /// <summary>The body whatever the status (the error page is a 500 that tests want to read).</summary>
    public static async Task<string> GetStringAsyncOrError(this HttpClient client, Uri url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}
