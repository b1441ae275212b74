using Atlas.Cli;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Tests.BadInput;
using Atlas.Tests.Support;

namespace Atlas.Tests.Sources;

/// <summary>
/// The file policy where the bad-input suite does not reach: the command line's printer of source lines under a
/// diagnostic, <c>atlas schema</c>'s output folder, and the resolution of real paths itself. Each site holds a canary
/// file outside it; nothing of it may ever be printed or written to.
/// </summary>
public sealed class FilePolicyTests
{
    private const string Canary = "CANARY-outside-the-site-5d1e";

    /// <summary>Generous: each case takes milliseconds; a hang on a named pipe or a device would otherwise stall the run.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private static (TestSite Site, string Outside) SiteWithCanaryOutside()
    {
        var site = TestSite.Minimal();
        var outside = Path.Combine(Path.GetDirectoryName(site.Directory)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.yml"), Canary + ": first line\nsecond: line\n");
        return (site, outside);
    }

    private static string Print(TestSite site, string path, int line = 1, int column = 1)
    {
        var writer = new StringWriter();
        var print = Task.Run(() => DiagnosticPrinter.Print([Diagnostic.Error(new SourceLocation(path, line, column), "something is wrong here")], site.Directory, writer));
        Assert.True(print.Wait(HangLimit), $"printing a diagnostic on {path} did not finish (a hang)");
        return writer.ToString();
    }

    [Fact]
    public void The_printer_shows_the_line_of_a_regular_file_inside_the_site()
    {
        // The control: the other tests would pass if the printer never printed anything.
        var (site, _) = SiteWithCanaryOutside();
        using var _site = site;
        var printed = Print(site, "content/cities/chengdu.yml", 3, 14);
        Assert.Contains("    3 | coordinates: [104.07, 30.57]", printed);
        Assert.Contains("^", printed);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    [InlineData("chain")]
    [InlineData("through-hidden-folder-link")]
    public void The_printer_never_shows_a_line_of_a_link_s_target_outside_the_site(string shape)
    {
        var (site, outside) = SiteWithCanaryOutside();
        using var _site = site;
        var link = Path.Combine(site.Directory, "content", "cities", "secret.yml");
        switch (shape)
        {
            case "absolute":
                File.CreateSymbolicLink(link, Path.Combine(outside, "secret.yml"));
                break;
            case "relative":
                File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, Path.Combine(outside, "secret.yml")));
                break;
            case "chain":
                File.CreateSymbolicLink(link + ".hop2", Path.Combine(outside, "secret.yml"));
                File.CreateSymbolicLink(link + ".hop1", Path.GetFileName(link) + ".hop2");
                File.CreateSymbolicLink(link, Path.GetFileName(link) + ".hop1");
                break;
            default:
                Directory.CreateSymbolicLink(Path.Combine(site.Directory, "content", "cities", ".out"), outside);
                File.CreateSymbolicLink(link, ".out/secret.yml");
                break;
        }

        var printed = Print(site, "content/cities/secret.yml");
        Assert.StartsWith("content/cities/secret.yml:1:1: error: something is wrong here", printed);
        Assert.DoesNotContain(Canary, printed);
        Assert.DoesNotContain(" | ", printed);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/etc/passwd")]
    [InlineData("/proc/self/environ")]
    public void The_printer_never_reads_a_system_file_or_a_device_through_a_link(string target)
    {
        using var site = TestSite.Minimal();
        File.CreateSymbolicLink(Path.Combine(site.Directory, "content", "cities", "x.yml"), target);
        var printed = Print(site, "content/cities/x.yml");
        Assert.DoesNotContain(" | ", printed);
        Assert.DoesNotContain("root:x:0:0", printed);
    }

    [Fact]
    public void The_printer_does_not_hang_on_a_named_pipe_and_shows_nothing_of_it()
    {
        using var site = TestSite.Minimal();
        Posix.CreateFifo(Path.Combine(site.Directory, "content", "cities", "pipe.yml"));
        var printed = Print(site, "content/cities/pipe.yml");
        Assert.DoesNotContain(" | ", printed);
    }

    [Fact]
    public void The_printer_does_not_read_an_absolute_path_outside_the_site()
    {
        // map.base: /etc/passwd once put the file's first line under its error.
        var (site, outside) = SiteWithCanaryOutside();
        using var _site = site;
        var printed = Print(site, Path.Combine(outside, "secret.yml"));
        Assert.DoesNotContain(Canary, printed.Split('\n', 2)[1]);
        Assert.DoesNotContain(" | ", printed);
    }

    [Fact]
    public void Atlas_schema_refuses_a_committed_atlas_link_and_writes_nothing_through_it()
    {
        var (site, outside) = SiteWithCanaryOutside();
        using var _site = site;
        Directory.CreateSymbolicLink(Path.Combine(site.Directory, ".atlas"), outside);
        var before = BadInputTests.SnapshotTree(outside, []);

        var (exit, stdout, stderr) = BadInputTests.Run("schema", "--site", site.Directory);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(".atlas/:1:1: error: this is a symbolic link, not a folder", stderr);
        Assert.Equal(before, BadInputTests.SnapshotTree(outside, []));
    }

    [Fact]
    public void Atlas_schema_replaces_a_link_in_its_folder_instead_of_writing_through_it()
    {
        var (site, outside) = SiteWithCanaryOutside();
        using var _site = site;
        var schemas = Path.Combine(site.Directory, ".atlas", "schemas");
        Directory.CreateDirectory(schemas);
        File.CreateSymbolicLink(Path.Combine(schemas, "cities.schema.json"), Path.Combine(outside, "secret.yml"));

        var (exit, _, stderr) = BadInputTests.Run("schema", "--site", site.Directory);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith(Canary, File.ReadAllText(Path.Combine(outside, "secret.yml")));
        var written = new FileInfo(Path.Combine(schemas, "cities.schema.json"));
        Assert.Null(written.LinkTarget);
        Assert.Contains("\"$schema\"", File.ReadAllText(written.FullName));
    }

    [Fact]
    public void Real_paths_resolve_links_in_every_folder_on_the_way_and_stop_at_a_loop()
    {
        using var site = TestSite.Minimal();
        var root = SourcePolicy.Site(site.Directory);
        var cities = Path.Combine(site.Directory, "content", "cities");
        Directory.CreateSymbolicLink(Path.Combine(site.Directory, "content", "towns"), "cities");
        File.CreateSymbolicLink(Path.Combine(cities, "a.yml"), "b.yml");
        File.CreateSymbolicLink(Path.Combine(cities, "b.yml"), "../towns/chengdu.yml");

        // A chain through a folder link ends at the real file: found, and inside the site.
        var bag = new DiagnosticBag();
        var found = SourcePolicy.Find(root, "content/towns/a.yml", bag, out var exists);
        Assert.True(exists);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(Path.Combine(root.RealPath, "content", "cities", "chengdu.yml"), found!.RealPath);
        Assert.True(found.IsLink);

        // A loop is refused with a diagnostic, not followed forever.
        File.CreateSymbolicLink(Path.Combine(cities, "loop.yml"), "loop.yml");
        Assert.Null(SourcePolicy.Find(root, "content/cities/loop.yml", bag, out _));
        Assert.Contains("(a loop)", Assert.Single(bag.ToSortedList()).Message);
    }
}
