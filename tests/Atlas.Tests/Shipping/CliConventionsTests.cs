using System.Text;
using Atlas.Cli;
using Atlas.Preview;
using Atlas.Tests.Support;

namespace Atlas.Tests.Shipping;

/// <summary>The command line's conventions, as Hugo, Zola and dotnet tools have them.</summary>
public sealed class CliConventionsTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => Run(new StringWriter(), args);

    private static (int Exit, string Out, string Err) Run(TextWriter stdout, params string[] args)
    {
        var stderr = new StringWriter();
        var exit = AtlasCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString() ?? "", stderr.ToString());
    }

    /// <summary>A terminal that went away (a closed pipe): what makes a command fail in a way no content can.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }

    [Fact]
    public void Exit_codes_tell_success_content_problems_usage_and_internal_errors_apart()
    {
        using var site = TestSite.Minimal();
        Assert.Equal(AtlasCommand.Ok, Run("build", "--site", site.Directory).Exit);
        Assert.Equal(0, AtlasCommand.Ok);

        site.Write("content/parks/gaozhu.yml", "name: {zh: 高竹, en: Gaozhu}\nsummary: {zh: 新区, en: A new area}\ncities: [nowhere]\n");
        Assert.Equal(1, Run("build", "--site", site.Directory).Exit);

        Assert.Equal(2, Run("build", "--no-such-option").Exit);
        Assert.Equal(2, Run("serve", "--port", "eighty").Exit);

        site.Write("content/parks/gaozhu.yml", "name: {zh: 高竹, en: Gaozhu}\nsummary: {zh: 新区, en: A new area}\n");
        var internalError = Run(new BrokenWriter(), "build", "--site", site.Directory);
        Assert.Equal(3, internalError.Exit);
        Assert.Contains("atlas: internal error: IOException: Broken pipe", internalError.Err);
        Assert.Contains("please report it", internalError.Err);
        Assert.DoesNotContain("   at ", internalError.Err); // no stack trace for an editor

        var verbose = Run(new BrokenWriter(), "build", "--site", site.Directory, "--verbose");
        Assert.Equal(3, verbose.Exit);
        Assert.Contains("   at ", verbose.Err); // the stack trace, for a bug report
    }

    [Fact]
    public void Help_documents_the_exit_codes_names_the_program_atlas_and_prints_each_default_once()
    {
        var help = Run("--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("Usage:\n  atlas [command] [options]", help.Out.Replace("\r", ""));
        Assert.DoesNotContain("Atlas.Cli", help.Out);
        foreach (var code in new[] { "0  success", "1  problems in the content or templates", "2  usage", "3  internal error" })
        {
            Assert.Contains(code, help.Out);
        }

        var build = Run("build", "--help").Out.Replace("\r", "");
        Assert.Contains("  atlas build [options]", build);
        var site = Assert.Single(build.Split('\n'), l => l.Contains("--site", StringComparison.Ordinal));
        Assert.EndsWith("[default: .]", site.TrimEnd());
        Assert.DoesNotContain("(default", site);
        var timeout = Assert.Single(build.Split('\n'), l => l.Contains("--timeout", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(timeout, "default"));
        var serve = Run("serve", "--help").Out;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Assert.Single(serve.Split('\n'), l => l.Contains("--port", StringComparison.Ordinal)), "default"));
        Assert.Contains("--open", serve);
        Assert.Contains("--poll", serve);
    }

    [Theory]
    [InlineData(new[] { "buidl" }, "unknown command 'buidl'; did you mean 'build'?", "atlas --help")]
    [InlineData(new[] { "chekc" }, "unknown command 'chekc'; did you mean 'check'?", "atlas --help")]
    [InlineData(new[] { "build", "--outptu", "x" }, "unknown option '--outptu'; did you mean '--output'?", "atlas build --help")]
    [InlineData(new[] { "serve", "--prot", "9000" }, "unknown option '--prot'; did you mean '--port'?", "atlas serve --help")]
    [InlineData(new[] { "build", "--verbsoe" }, "unknown option '--verbsoe'; did you mean '--verbose'?", "atlas build --help")]
    public void A_mistyped_command_or_option_gets_a_suggestion(string[] args, string message, string help)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"atlas: error: {message}\nRun '{help}' for usage.\n", error.Replace("\r", ""));
    }

    [Fact]
    public void Something_unlike_any_command_gets_the_list_not_a_guess()
    {
        var (exit, _, error) = Run("frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("atlas: error: unknown command 'frobnicate'; see the list with --help.", error);
        var none = Run();
        Assert.Equal(2, none.Exit);
        Assert.Contains("atlas: error: a command is needed: build, serve, check, new, status, schema.", none.Err);
    }

    [Theory]
    [InlineData("serve", "--port", "abc", "--port must be a whole number from 0 to 65535, not 'abc'.")]
    [InlineData("serve", "--port", "70000", "--port must be a whole number from 0 to 65535, not '70000'.")]
    [InlineData("build", "--timeout", "soon", "--timeout must be a number of seconds above 0 and at most 86400 (a day), not 'soon'.")]
    [InlineData("build", "--timeout", "0", "--timeout must be a number of seconds above 0 and at most 86400 (a day), not '0'.")]
    public void A_bad_option_value_says_what_is_expected_not_a_type_name(string command, string option, string value, string message)
    {
        var (exit, _, error) = Run(command, option, value);
        Assert.Equal(2, exit);
        Assert.Contains("atlas: error: " + message, error);
        Assert.DoesNotContain("System.", error);
    }

    [Theory]
    [InlineData(0, "0 errors")]
    [InlineData(1, "1 error")]
    [InlineData(2, "2 errors")]
    public void Counts_take_the_right_plural(int count, string expected) =>
        Assert.Equal(expected, BuildCommand.Plural(count, "error"));

    [Fact]
    public void A_failed_build_counts_one_error_in_the_singular()
    {
        using var site = TestSite.Minimal();
        site.Write("content/parks/gaozhu.yml", "name: {zh: 高竹, en: Gaozhu}\nsummary: {zh: 新区, en: A new area}\ncities: [nowhere]\n");
        var (_, _, error) = Run("build", "--site", site.Directory);
        Assert.Contains("build failed: 1 error, 0 warnings;", error);
    }

    [Fact]
    public void Quiet_prints_nothing_on_success_but_still_prints_errors()
    {
        using var site = TestSite.Minimal();
        var quiet = Run("build", "--site", site.Directory, "--quiet");
        Assert.Equal(0, quiet.Exit);
        Assert.Equal("", quiet.Out);
        Assert.Equal("", quiet.Err);
        Assert.True(site.Exists("en/cities/chengdu/index.html"));
        Assert.StartsWith("built ", Run("build", "--site", site.Directory).Out);

        site.Write("content/parks/gaozhu.yml", "name: {zh: 高竹, en: Gaozhu}\nsummary: {zh: 新区, en: A new area}\ncities: [nowhere]\n");
        var failed = Run("-q", "build", "--site", site.Directory);
        Assert.Equal(1, failed.Exit);
        Assert.Contains("error: ", failed.Err);
    }

    [Fact]
    public void Verbose_prints_every_diagnostic_of_a_kind_instead_of_ten()
    {
        using var site = TestSite.Minimal();
        for (var i = 0; i < 12; i++)
        {
            site.Write($"content/parks/p{i}.yml", "name: {zh: 园, en: Park}\nsummary: {zh: 园, en: A park}\ncities: [nowhere]\n");
            site.Write($"content/parks/p{i}.zh.md", "园。\n");
            site.Write($"content/parks/p{i}.en.md", "Park.\n");
        }

        static int Unknown(string err) => err.Split('\n').Count(l => l.Contains("nowhere", StringComparison.Ordinal) && l.Contains(": error: ", StringComparison.Ordinal));
        var normal = Run("build", "--site", site.Directory);
        var verbose = Run("build", "--site", site.Directory, "--verbose");
        Assert.Equal(DiagnosticPrinter.ExamplesPerKind, Unknown(normal.Err));
        Assert.Contains("more like this", normal.Err);
        Assert.Equal(12, Unknown(verbose.Err));
        Assert.DoesNotContain("more like this", verbose.Err);
    }

    [Fact]
    public void The_suggest_directive_that_shell_completion_uses_lists_what_may_follow()
    {
        var (exit, output, _) = Run("[suggest:7]", "build -");
        Assert.Equal(0, exit);
        var lines = output.Replace("\r", "").Split('\n');
        Assert.Contains("--output", lines);
        Assert.Contains("--quiet", lines);
        Assert.DoesNotContain("--port", lines); // serve's, not build's
    }

    [Fact]
    public void Serve_open_chooses_each_systems_opener()
    {
        var url = new Uri("http://127.0.0.1:8080/");
        var linux = BrowserLauncher.Command(url, BrowserLauncher.Platform.Linux);
        Assert.Equal("xdg-open", linux.FileName);
        Assert.Equal(["http://127.0.0.1:8080/"], linux.ArgumentList);
        var mac = BrowserLauncher.Command(url, BrowserLauncher.Platform.MacOs);
        Assert.Equal("open", mac.FileName);
        Assert.Equal(["http://127.0.0.1:8080/"], mac.ArgumentList);
        var windows = BrowserLauncher.Command(url, BrowserLauncher.Platform.Windows);
        Assert.Equal("cmd", windows.FileName);
        Assert.Equal(["/c", "start", "\"\"", "http://127.0.0.1:8080/"], windows.ArgumentList);
        Assert.False(linux.UseShellExecute);
    }

    [Fact]
    public async Task Serve_poll_picks_up_an_edit_without_change_notifications()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0, Poll = TimeSpan.FromMilliseconds(100) });
        Assert.Equal("--poll was given", server.PollingBecause);
        var page = new Uri(server.Address, "en/cities/chengdu/");
        using var http = new HttpClient();
        Assert.Contains("Chengdu body.", await http.GetStringAsync(page));

        site.Write("content/cities/chengdu.en.md", "Chengdu, seen by polling.\n");
        var html = "";
        for (var waited = 0; waited < 300 && !html.Contains("Chengdu, seen by polling.", StringComparison.Ordinal); waited++)
        {
            await Task.Delay(100);
            html = await http.GetStringAsync(page);
        }

        Assert.Contains("Chengdu, seen by polling.", html); // no notifications were asked for: the poll found the edit
    }

    [Fact]
    public async Task Serve_without_poll_uses_change_notifications()
    {
        using var site = TestSite.Minimal();
        await using var server = await PreviewServer.StartAsync(new PreviewOptions(site.Directory) { Port = 0 });
        Assert.Null(server.PollingBecause);
    }
}
