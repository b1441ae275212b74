using Atlas.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = AtlasCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Build_succeeds_with_exit_zero_and_a_summary_line()
    {
        using var site = TestSite.Minimal();
        var (exit, output, error) = Run("build", "--site", site.Directory);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches(@"^built 13 pages \(en 6, zh 6, root 1\); wrote \d+ other files into .*public/ in \d+ ms; 0 warnings\.\n$", output.Replace("\r", ""));
    }

    [Fact]
    public void Build_timings_list_every_stage_and_the_five_slowest_pages()
    {
        using var site = TestSite.Minimal();
        var (exit, output, _) = Run("build", "--site", site.Directory, "--timings");
        Assert.Equal(0, exit);
        var lines = output.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ +\d+ ms  render and write pages$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ +\d+ ms  of it paused by the garbage collector \(\d+ collections, \d+ of the whole heap\)$"));
        var slowest = lines.Where(l => l.EndsWith("(one of the slowest pages)", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, slowest.Count);
        var built = TestSite.Snapshot(site.Output).Keys.ToHashSet();
        foreach (var line in slowest)
        {
            // Each names a page that was built, slowest first.
            var path = System.Text.RegularExpressions.Regex.Match(line, @"rendering /(\S*) ").Groups[1].Value;
            Assert.Contains(path.EndsWith(".html", StringComparison.Ordinal) ? path : path + "index.html", built);
        }

        var times = slowest.Select(l => int.Parse(l.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public void Content_errors_exit_one_with_located_messages_and_no_stack_trace()
    {
        using var site = TestSite.Minimal("""
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A new area}
kind: campus
cities: [nowhere]
""");
        var (exit, output, error) = Run("build", "--site", site.Directory);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("content/parks/gaozhu.yml:3:7: error: 'campus' is not allowed in 'kind'", error);
        Assert.Contains("content/parks/gaozhu.yml:4:9: error: 'cities' refers to cities/nowhere", error);
        Assert.Contains("    3 | kind: campus\n      |       ^", error.Replace("\r", ""));
        Assert.Contains("build failed: 2 errors", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        Assert.Equal(2, Run("build", "--no-such-option").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
    }

    [Fact]
    public void Help_and_version_exit_zero()
    {
        var help = Run("build", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--base-url", help.Out);
        Assert.Contains("--strict", help.Out);
        var version = Run("--version");
        Assert.Equal(0, version.Exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
    }

    [Fact]
    public void Base_url_can_be_overridden_for_a_sub_path_deployment()
    {
        using var site = TestSite.Minimal();
        Assert.Equal(0, Run("build", "--site", site.Directory, "--base-url", "https://host.example/sub/path").Exit);
        Assert.Contains("href=\"https://host.example/sub/path/en/parks/gaozhu/\"", site.Read("zh/parks/gaozhu/index.html"));
    }

    [Fact]
    public void Strict_turns_warnings_into_a_failure()
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).Replace(
            "    title: {zh: 城市, en: Cities}", "    title: {zh: 城市, en: Cities}\n    fallback: true"));
        site.Delete("content/cities/chengdu.en.md");
        Assert.Equal(0, Run("build", "--site", site.Directory).Exit);
        Assert.Contains("成都正文", site.Read("en/cities/chengdu/index.html")); // the default language's text stands in
        var strict = Run("build", "--site", site.Directory, "--strict");
        Assert.Equal(1, strict.Exit);
        Assert.Contains("warning: no English text", strict.Err);
    }
}
