using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Atlas.Building;
using Atlas.Cli;
using Atlas.Diagnostics;
using Atlas.Output;
using Atlas.Tests.Support;

namespace Atlas.Tests.BadInput;

/// <summary>
/// The bad-input suite: every folder under <c>BadInput/cases/</c> is a small site (the minimal site with the case's
/// files applied) run through the real command line in-process, after a first good build into the same output.
/// A bad case must exit 1, print exactly the expected <c>path:line:col: error:</c> lines and no stack trace, and
/// leave the previous output, and everything else in the site folder, byte for byte as it was.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Generous: the slowest case takes well under a second; a hang would otherwise stall the whole run.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private const string WarningPrefix = "warning: ";

    public static TheoryData<string> BadCases => [.. BadInputCase.All().Where(c => !c.MustBuild).Select(c => c.Name)];

    public static TheoryData<string> WorkingCases => [.. BadInputCase.All().Where(c => c.MustBuild).Select(c => c.Name)];

    [Fact]
    public void The_suite_has_at_least_forty_bad_inputs()
    {
        Assert.True(BadCases.Count >= 40, $"only {BadCases.Count} bad-input cases");
        Assert.True(WorkingCases.Count >= 2, "the CRLF and BOM cases must be there");
    }

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Bad_input_fails_with_located_errors_and_leaves_everything_as_it_was(string name)
    {
        var @case = BadInputCase.Load(name);
        using var site = TestSite.Minimal();
        var first = Run("build", "--site", site.Directory);
        Assert.True(first.Exit == 0, "the first build failed:\n" + first.Err);
        var previousOutput = TestSite.Snapshot(site.Output);
        Assert.NotEmpty(previousOutput);

        try
        {
            @case.Apply(site);
            var before = SnapshotTree(site.Directory, @case.SpecialFiles);
            var (exit, stdout, stderr) = Run(["build", "--site", site.Directory, .. @case.Arguments.Select(a => BadInputCase.Expand(a, site))]);
            var report = $"case {name}, exit {exit}, stderr:\n{stderr}\nstdout:\n{stdout}";

            Assert.True(exit == 1, report);
            Assert.DoesNotContain("   at ", stderr);
            Assert.DoesNotContain("internal error", stderr);
            Assert.Equal("", stdout);
            // Whatever the content holds, only escapes of control characters reach the terminal (\x1b, \u202e).
            Assert.True(VisibleText.Escape(stderr.Replace("\r", "").Replace("\n", "")) == stderr.Replace("\r", "").Replace("\n", ""),
                $"a control character reached the terminal raw:\n{report}");

            // Warnings count too (a case run with --strict fails on them): each is expected as "warning: fragment".
            var errors = stderr.Replace("\r", "").Split('\n')
                .Where(l => l.Contains(": error: ", StringComparison.Ordinal) || l.Contains(": warning: ", StringComparison.Ordinal)).ToList();
            foreach (var (path, line, fragment) in @case.Expected)
            {
                var (severity, text) = fragment.StartsWith(WarningPrefix, StringComparison.Ordinal) ? ("warning", fragment[WarningPrefix.Length..]) : ("error", fragment);
                var pattern = new Regex($"^{Regex.Escape(BadInputCase.Expand(path, site))}:{(line is null ? @"\d+" : line.ToString())}:\\d+: {severity}: .*{Regex.Escape(text)}");
                var match = errors.FirstOrDefault(pattern.IsMatch);
                Assert.True(match is not null, $"expected {path}:{line}: ...{fragment}... in\n{report}");
                errors.Remove(match);
            }

            // Nothing from outside the site was read: not in the messages (nor the source lines printed under them).
            foreach (var canary in @case.OutsideTexts)
            {
                Assert.DoesNotContain(canary, stderr);
            }

            Assert.True(errors.Count == 0, $"errors the case does not expect (add them to expected.txt if they are right):\n{string.Join("\n", errors)}\n{report}");
            Assert.Equal(previousOutput, TestSite.Snapshot(site.Output));
            Assert.Equal(before, SnapshotTree(site.Directory, @case.SpecialFiles));
        }
        finally
        {
            @case.Restore(site);
        }
    }

    [Theory]
    [MemberData(nameof(WorkingCases))]
    public void Input_that_must_work_builds(string name)
    {
        var @case = BadInputCase.Load(name);
        using var site = TestSite.Minimal();
        @case.Apply(site);
        var (exit, stdout, stderr) = Run(["build", "--site", site.Directory, .. @case.Arguments.Select(a => BadInputCase.Expand(a, site))]);
        Assert.True(exit == 0, $"case {name} must build:\n{stderr}");
        Assert.Equal("", stderr);
        Assert.StartsWith("built ", stdout);
        foreach (var (path, _, fragment) in @case.Expected)
        {
            Assert.StartsWith("public/", path);
            Assert.Contains(fragment, site.Read(path["public/".Length..]));
        }

        // The same site with LF line ends and no BOM builds the same bytes: the case changes encoding only.
        using var plain = TestSite.Minimal();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(BadInputCase.Root, name), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(BadInputCase.Root, name), file);
            if (relative is not ("expected.txt" or "setup.txt" or "args.txt"))
            {
                File.Copy(file, Path.Combine(plain.Directory, relative), overwrite: true);
            }
        }

        plain.BuildOk();
        Assert.Equal(TestSite.Snapshot(plain.Output), TestSite.Snapshot(site.Output));
    }

    // '/' and the home folder are refused by the path policy itself: no test ever builds against the real ones.
    [Theory]
    [InlineData("/")]
    [InlineData("/home/editor")]
    [InlineData("/home/editor/")]
    [InlineData("/home/editor/.")]
    [InlineData("/home")]
    public void Root_home_and_what_holds_home_are_refused_by_the_policy(string output)
    {
        var refusal = OutputPathPolicy.Check("/home/editor/atlas", output, "/home/editor");
        Assert.NotNull(refusal);
        Assert.Contains(output == "/" ? "root of a file system" : "home folder", refusal);
    }

    [Fact]
    public void A_build_into_the_home_folder_is_refused_before_anything_is_touched()
    {
        // A stand-in home holding the site, so the real home is never a target.
        using var site = TestSite.Minimal();
        var home = Path.GetDirectoryName(site.Directory)!;
        var before = SnapshotTree(home, []);
        var result = SiteBuilder.Build(new BuildOptions(site.Directory) { OutputDirectory = home, HomeDirectory = home });
        Assert.False(result.Succeeded);
        Assert.Contains("home folder", Assert.Single(result.Diagnostics).Message);
        Assert.Equal(before, SnapshotTree(home, []));
    }

    [Fact]
    public async Task A_named_pipe_in_content_does_not_hang_the_build()
    {
        // Opening a named pipe blocks until a writer appears: the file policy looks at what a file is before it opens
        // it, and reads regular files only. (The command line's printer of source lines: the fifo cases of the suite.)
        using var site = TestSite.Minimal();
        var pipe = Path.Combine(site.Directory, "content", "cities", "chengdu.yml");
        File.Delete(pipe);
        Posix.CreateFifo(pipe);
        var result = await Task.Run(() => site.Build()).WaitAsync(HangLimit); // a hang fails with a TimeoutException
        DiagnosticAssert.HasError(result, "content/cities/chengdu.yml", 1, "this is a named pipe (FIFO), not a regular file");
    }

    internal static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var run = Task.Run(() => AtlasCommand.Run(args, stdout, stderr));
        Assert.True(run.Wait(HangLimit), $"atlas {string.Join(' ', args)} did not finish within {HangLimit.TotalSeconds} s (a hang)");
        return (run.Result, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every entry under a folder: files by hash, links by target (not followed), folders by name.</summary>
    internal static SortedDictionary<string, string> SnapshotTree(string root, IReadOnlyCollection<string> special)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);

        // By hand, not with RecurseSubdirectories: .NET's enumeration descends into links to folders, and a case's
        // link to / would make the snapshot read the whole machine (and /dev/zero without end).
        void Visit(DirectoryInfo folder)
        {
            foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }))
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.LinkTarget is { } target)
                {
                    result[relative] = "link " + target;
                }
                else if (entry is DirectoryInfo directory)
                {
                    result[relative] = "folder";
                    Visit(directory);
                }
                else
                {
                    result[relative] = special.Any(s => relative.EndsWith(s, StringComparison.Ordinal)) ? "special"
                        : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
                }
            }
        }

        Visit(new DirectoryInfo(root));
        return result;
    }
}
