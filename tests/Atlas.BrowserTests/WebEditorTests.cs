using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Atlas.Building;
using Atlas.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Atlas.BrowserTests;

/// <summary>
/// A scratch copy of the atlas in a Git repository of its own, built, served, and edited through the web editor at
/// /admin/ with Decap's local backend (decap-server in its git mode, from tests/browser/node_modules), which makes
/// the branch a pull request would: the round trip form → files → build → page (issue 23 part B).
/// </summary>
public sealed class WebEditorRepository : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "atlas-editor-" + Guid.NewGuid().ToString("N")[..10]);

    public string Repo => Path.Combine(Folder, "repo");

    public StaticHost Host { get; private set; } = null!;

    /// <summary>Where decap-server listens; the editor's config names localhost:8081, which the tests route here.</summary>
    public int ProxyPort { get; private set; }

    private Process? _proxy;

    private readonly StringBuilder _proxyLog = new();

    public string ProxyLog
    {
        get
        {
            lock (_proxyLog)
            {
                return _proxyLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        AtlasSite.CopyShippedAtlas(Repo);
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "editor@example.org");
        Git("config", "user.name", "Editor");
        Git("add", "-A");
        Git("commit", "-q", "-m", "the atlas");

        var output = Path.Combine(Folder, "public");
        var result = await Task.Run(() => SiteBuilder.Build(new BuildOptions(Repo) { OutputDirectory = output, SaveState = false }));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(20)));
        Host = await StaticHost.StartAsync(output, "/");

        ProxyPort = FreePort();
        var server = Path.Combine(Repository.Root, "tests", "browser", "node_modules", "decap-server", "dist", "index.js");
        Assert.True(File.Exists(server), $"{server} is missing: run 'npm ci' in tests/browser");
        var start = new ProcessStartInfo("node", [server]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo };
        start.Environment["MODE"] = "git";
        start.Environment["GIT_REPO_DIRECTORY"] = Repo;
        start.Environment["PORT"] = ProxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BIND_HOST"] = "127.0.0.1";
        _proxy = Process.Start(start)!;
        _proxy.OutputDataReceived += (_, e) => Log(e.Data);
        _proxy.ErrorDataReceived += (_, e) => Log(e.Data);
        _proxy.BeginOutputReadLine();
        _proxy.BeginErrorReadLine();

        // Ready when it answers the editor's first question.
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var answer = await http.PostAsync($"http://127.0.0.1:{ProxyPort}/api/v1",
                    new StringContent("{\"action\":\"info\"}", Encoding.UTF8, "application/json"));
                if (answer.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 300 && !_proxy.HasExited)
            {
            }

            Assert.False(_proxy.HasExited, "decap-server stopped:\n" + ProxyLog);
            await Task.Delay(100);
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_proxyLog)
            {
                _proxyLog.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public string Git(params string[] args) => Run(Repo, args);

    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        var stdout = git.StandardOutput.ReadToEndAsync();
        var stderr = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(" ", args)}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>A file as the branch <paramref name="branch"/> has it.</summary>
    public string Show(string branch, string path) => Git("show", $"{branch}:{path}");

    public bool HasBranch(string branch) => Git("branch", "--list", branch).Trim().Length > 0;

    /// <summary>The branch checked out on its own (a worktree), to build it as CI would.</summary>
    public string CheckOut(string branch)
    {
        var folder = Path.Combine(Folder, "check-" + Guid.NewGuid().ToString("N")[..6]);
        Git("worktree", "add", "-q", "--detach", folder, branch);
        return folder;
    }

    public async Task DisposeAsync()
    {
        if (_proxy is { HasExited: false })
        {
            _proxy.Kill(entireProcessTree: true);
            await _proxy.WaitForExitAsync();
        }

        _proxy?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the system cleans it up
        }
    }
}

public sealed class WebEditorTests(AtlasSite site, WebEditorRepository repo) : IClassFixture<AtlasSite>, IClassFixture<WebEditorRepository>
{
    /// <summary>The editor, logged in to the local backend: the page's requests to localhost:8081 go to this test's decap-server.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> OpenEditorAsync(string route)
    {
        var (context, page) = await site.OpenAsync();
        await page.RouteAsync("http://localhost:8081/api/v1", async r =>
        {
            var response = await r.FetchAsync(new() { Url = $"http://127.0.0.1:{repo.ProxyPort}/api/v1" });
            await r.FulfillAsync(new() { Response = response });
        });
        await page.GotoAsync(repo.Host.Url("admin/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync(repo.Host.Url("admin/#/" + route));
        return (context, page);
    }

    /// <summary>The form's input of a field (its label's target); the second is the English pane's.</summary>
    private static ILocator Input(IPage page, string field, int pane = 0) => page.Locator($"[id^='{field}-field-']").Nth(pane);

    /// <summary>Picks the option labelled <paramref name="option"/> of a select or relation picker after typing <paramref name="search"/>.</summary>
    private static async Task PickAsync(IPage page, string field, string search, string option)
    {
        await Input(page, field).FillAsync(search);
        await page.Locator("[id*='-option-']").Filter(new() { HasText = option }).First.ClickAsync();
    }

    private static ILocator Body(IPage page, int pane = 0) => page.Locator(".cms-editor-raw [contenteditable='true']").Nth(pane);

    private static async Task SaveAsync(IPage page) => await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

    private async Task WaitForBranchAsync(IPage page, string slug)
    {
        // Saved: the entry is at its own address, a draft under the editorial workflow (a branch, a pull request on GitHub).
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/entries/{slug}$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "状态: 草稿" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(repo.HasBranch($"cms/parks/{slug}"), $"no branch for {slug}:\n{repo.ProxyLog}");
    }

    [Fact]
    public async Task A_park_created_in_the_form_is_three_files_in_one_branch_that_build_strictly_and_render()
    {
        var (context, page) = await OpenEditorAsync("collections/parks/new");
        await using var _ = context;
        await Input(page, "slug").FillAsync("editor-test-park");
        await Input(page, "zh").FillAsync("编辑器测试园区");
        await Input(page, "en").FillAsync("Editor Test Park");
        await Input(page, "summary", 0).FillAsync("通过网页编辑器新建的园区。");
        await Input(page, "summary", 1).FillAsync("A park made in the web editor.");
        await PickAsync(page, "kind", "功能区", "功能区");
        await PickAsync(page, "cities", "成都", "成都市");
        await PickAsync(page, "sources", "two-sessions-2024", "唱好");
        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("## 概况\n\n这是网页编辑器写下的正文。");
        await SaveAsync(page);
        await WaitForBranchAsync(page, "editor-test-park");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AtlasSite.ScreenshotDirectory, "web-editor-created.png") });

        const string branch = "cms/parks/editor-test-park";
        // One save, one commit with the three files.
        Assert.Equal(
            ["content/parks/editor-test-park.en.md", "content/parks/editor-test-park.yml", "content/parks/editor-test-park.zh.md"],
            repo.Git("diff", "--name-only", "main", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("1", repo.Git("rev-list", "--count", $"main..{branch}").Trim());
        Assert.Equal("""
            # yaml-language-server: $schema=../../.atlas/schemas/parks.schema.json
            name: {zh: "编辑器测试园区", en: "Editor Test Park"}
            kind: zone
            cities: [chengdu]
            sources: [two-sessions-2024]

            """.ReplaceLineEndings("\n"), repo.Show(branch, "content/parks/editor-test-park.yml"));
        Assert.Equal("---\nsummary: 通过网页编辑器新建的园区。\n---\n## 概况\n\n这是网页编辑器写下的正文。\n",
            repo.Show(branch, "content/parks/editor-test-park.zh.md"));
        Assert.StartsWith("---\nsummary: A park made in the web editor.\n---\n", repo.Show(branch, "content/parks/editor-test-park.en.md"));

        // CI's build of the pull request: strict, and the page shows what was typed.
        var checkout = repo.CheckOut(branch);
        var output = Path.Combine(repo.Folder, "built-" + Guid.NewGuid().ToString("N")[..6]);
        var result = await Task.Run(() => SiteBuilder.Build(new BuildOptions(checkout) { OutputDirectory = output, Strict = true, SaveState = false }));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(20)));
        var zh = await File.ReadAllTextAsync(Path.Combine(output, "zh/parks/editor-test-park/index.html"));
        Assert.Contains("编辑器测试园区", zh);
        Assert.Contains("这是网页编辑器写下的正文。", zh);
        Assert.Contains("成都市", zh);
        Assert.Contains("Editor Test Park", await File.ReadAllTextAsync(Path.Combine(output, "en/parks/editor-test-park/index.html")));
    }

    [Fact]
    public async Task Changing_one_field_of_a_park_changes_that_one_line()
    {
        var (context, page) = await OpenEditorAsync("collections/parks/entries/chengdu-etdz");
        await using var _ = context;
        await Expect(Input(page, "zh")).ToHaveValueAsync("成都经济技术开发区", new() { Timeout = 60_000 });
        await PickAsync(page, "kind", "园区", "园区");
        await Expect(page.GetByText("含未保存的修改")).ToBeVisibleAsync();
        await SaveAsync(page);
        await WaitForBranchAsync(page, "chengdu-etdz");

        var diff = repo.Git("diff", "--unified=0", "main", "cms/parks/chengdu-etdz");
        Assert.Equal(["-kind: zone", "+kind: park"], ChangedLines(diff));
        Assert.Equal(["content/parks/chengdu-etdz.yml"], repo.Git("diff", "--name-only", "main", "cms/parks/chengdu-etdz").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_reference_and_a_Chinese_paragraph_edited_change_their_lines_only()
    {
        var (context, page) = await OpenEditorAsync("collections/parks/entries/chongqing-etdz");
        await using var _ = context;
        await Expect(Input(page, "zh")).ToHaveValueAsync("重庆经济技术开发区", new() { Timeout = 60_000 });
        await PickAsync(page, "cities", "成都", "成都市");
        await Body(page).ClickAsync();
        // The click's own caret lands once the editor has focus: only then move to the end (else, on a busy machine,
        // the key went first and the sentence landed where the click was).
        await Expect(Body(page)).ToBeFocusedAsync();
        await page.WaitForTimeoutAsync(300);
        // To the end of the last paragraph (the body's last line break is an empty line in the editor) and add a sentence.
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("补充一句。");
        await Expect(page.GetByText("含未保存的修改")).ToBeVisibleAsync();
        await SaveAsync(page);
        await WaitForBranchAsync(page, "chongqing-etdz");

        var changed = ChangedLines(repo.Git("diff", "--unified=0", "main", "cms/parks/chongqing-etdz", "--", "content/parks/chongqing-etdz.yml"));
        Assert.Equal(["-cities: [nanan]", "+cities: [nanan, chengdu]"], changed);
        var bodyDiff = repo.Git("diff", "--unified=0", "main", "cms/parks/chongqing-etdz", "--", "content/parks/chongqing-etdz.zh.md");
        var body = ChangedLines(bodyDiff);
        Assert.True(body.Count == 2, bodyDiff);
        Assert.Equal(body[0][1..] + "补充一句。", body[1][1..]);
        Assert.Equal("", repo.Git("diff", "main", "cms/parks/chongqing-etdz", "--", "content/parks/chongqing-etdz.en.md"));
    }

    [Fact]
    public async Task A_required_field_left_empty_is_refused_by_the_form_and_by_the_build()
    {
        var (context, page) = await OpenEditorAsync("collections/parks/new");
        await using var _ = context;
        await Input(page, "slug").FillAsync("editor-unnamed-park");
        await Input(page, "en").FillAsync("Unnamed Park");
        await Input(page, "summary", 0).FillAsync("没有中文名称的园区。");
        await Input(page, "summary", 1).FillAsync("A park without a Chinese name.");
        await PickAsync(page, "kind", "园区", "园区");
        await PickAsync(page, "sources", "two-sessions-2024", "唱好");
        await SaveAsync(page);
        await Expect(page.GetByText("你漏掉了一个必填项")).ToBeVisibleAsync();
        Assert.False(repo.HasBranch("cms/parks/editor-unnamed-park"));

        // Forced through (the same files written by hand): the build names the missing name at its line.
        var checkout = repo.CheckOut("main");
        File.WriteAllText(Path.Combine(checkout, "content/parks/editor-unnamed-park.yml"),
            "# yaml-language-server: $schema=../../.atlas/schemas/parks.schema.json\nname: {en: \"Unnamed Park\"}\nkind: park\nsources: [two-sessions-2024]\n");
        File.WriteAllText(Path.Combine(checkout, "content/parks/editor-unnamed-park.zh.md"), "---\nsummary: 没有中文名称的园区。\n---\n");
        File.WriteAllText(Path.Combine(checkout, "content/parks/editor-unnamed-park.en.md"), "---\nsummary: A park without a Chinese name.\n---\n");
        var output = Path.Combine(repo.Folder, "built-" + Guid.NewGuid().ToString("N")[..6]);
        var result = await Task.Run(() => SiteBuilder.Build(new BuildOptions(checkout) { OutputDirectory = output, Strict = true, SaveState = false }));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.StartsWith("content/parks/editor-unnamed-park.yml:2:", error.ToString());
        Assert.Contains("zh", error.ToString());
    }

    private static List<string> ChangedLines(string diff) =>
        [.. diff.Split('\n').Where(l => l.Length > 0 && (l[0] is '-' or '+') && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal))];
}
