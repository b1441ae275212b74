using Atlas.Building;
using Atlas.Output;
using Atlas.Tests.BadInput;
using Atlas.Tests.Support;

namespace Atlas.Tests.CrashSafety;

/// <summary>
/// What the machine does to a build: a disk that fills up, an output folder that is a mount point (a container
/// volume), a symbolic link or read-only, and incremental builds that fail half-way. Each ends in a located error
/// (never an internal one) and leaves the previous site byte for byte, except the one stated weaker guarantee of a
/// mount point (a copy that fails half-way leaves a mix, and says so).
/// </summary>
public sealed class OutputEnvironmentTests
{
    private const string Home = "/nonexistent-home-for-tests";

    /// <summary>Chengdu has no twin: the template fails on its pages, after rendering every other entity page differently.</summary>
    private const string FailsOnChengdu =
        "<p class=\"edited\">changed on every entity page</p><h1>{{ entity.name }}</h1>\n" +
        "{{ if entity.collection == \"cities\" }}<p>{{ entity.values.twin.text }}</p>{{ end }}\n";

    private static BuildOptions Options(TestSite site, string output, IOutputFileSystem? files = null, Action<IReadOnlyList<string>>? told = null) =>
        new(site.Directory) { OutputDirectory = output, HomeDirectory = Home, OutputFiles = files, PagesWritten = told };

    private static void AssertSameAsFullBuild(TestSite site, string output)
    {
        var full = Path.Combine(site.Directory, "full-" + Guid.NewGuid().ToString("N")[..6]);
        site.BuildOk(full);
        Assert.Equal(TestSite.Snapshot(full), TestSite.Snapshot(output));
    }

    private static List<string> Leftovers(string output) =>
        [.. Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(InPlaceWriter.TemporarySuffix, StringComparison.Ordinal) || f.EndsWith(InPlaceWriter.BackupSuffix, StringComparison.Ordinal))];

    [Fact]
    public void A_failed_incremental_build_through_the_command_line_leaves_the_site_byte_identical_and_the_next_one_works()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);
        var state = File.ReadAllBytes(SiteState.PathFor(site.Output));
        site.Write("templates/entity.html", FailsOnChengdu);

        var (exit, stdout, stderr) = BadInputTests.Run("build", "--site", site.Directory, "--incremental");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("templates/entity.html:2:", stderr);
        Assert.Contains("nothing was written and the previous output in", stderr);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Empty(Leftovers(site.Output));
        Assert.Equal(state, File.ReadAllBytes(SiteState.PathFor(site.Output))); // still describes the output exactly

        site.Write("templates/entity.html", FailsOnChengdu.Replace("entity.values.twin.text", "entity.name", StringComparison.Ordinal));
        var next = SiteBuilder.BuildIncremental(Options(site, site.Output));
        Assert.True(next.Succeeded, string.Join("\n", next.Diagnostics));
        Assert.True(next.PagesRendered < next.PageCount, "the state was kept, so the next build is incremental");
        AssertSameAsFullBuild(site, site.Output);
    }

    [Fact]
    public void A_preview_rebuild_that_fails_after_publishing_its_first_step_takes_that_step_back()
    {
        // The preview publishes the edited entity's own pages first (open pages reload sooner), then the pages that
        // show it; here the collection page fails on the new name after the first step is in the output.
        using var site = TestSite.Minimal("""
-- templates/collection.html --
<h1>{{ collection.title }}</h1><ul>{{ for e in collection.entities }}<li>{{ e.name }}{{ if e.name == "Chengdu City" }}{{ t "no.such.string" }}{{ end }}</li>{{ end }}</ul>
""");
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);
        var told = new List<IReadOnlyList<string>>();
        var sawEdit = false;
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n");

        var result = SiteBuilder.BuildIncremental(Options(site, site.Output, told: files =>
        {
            told.Add(files);
            sawEdit |= File.ReadAllText(Path.Combine(site.Output, "en/cities/chengdu/index.html")).Contains("Chengdu City", StringComparison.Ordinal);
        }));

        Assert.False(result.Succeeded);
        Assert.True(sawEdit, "the first step was published before the failure");
        Assert.Contains("en/cities/chengdu/index.html", Assert.Single(told));
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Empty(Leftovers(site.Output));
        Assert.Empty(result.RewrittenFiles);
        Assert.False(result.OutputChanged);
    }

    [Fact]
    public void A_preview_rebuild_cancelled_after_publishing_its_first_step_takes_that_step_back()
    {
        // The preview cancels a rebuild when it stops; the edited entity's own pages were already in place then.
        using var site = TestSite.Minimal();
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);
        using var cancel = new CancellationTokenSource();
        var told = 0;
        site.Write("content/cities/chengdu.yml", "name: {zh: 成都市, en: Chengdu City}\nsummary: {zh: 四川省会, en: Capital of Sichuan}\ncoordinates: [104.07, 30.57]\n");

        Assert.ThrowsAny<OperationCanceledException>(() => SiteBuilder.BuildIncremental(Options(site, site.Output, told: _ =>
        {
            told++;
            cancel.Cancel();
        }), cancellation: cancel.Token));

        Assert.Equal(1, told);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Empty(Leftovers(site.Output));
    }

    [Fact]
    public void A_full_disk_during_an_incremental_build_is_a_located_error_leaves_no_partial_files_and_makes_the_next_build_full()
    {
        using var site = TestSite.Minimal();
        using var disk = SmallDisk.At(Path.Combine(site.Directory, "disk"));
        var output = Path.Combine(disk.Folder, "public");
        var filler = Path.Combine(disk.Folder, "filler");
        Assert.True(SiteBuilder.Build(Options(site, output, disk.Files)).Succeeded);
        var before = TestSite.Snapshot(output);

        // Every entity page grows by 200 KB: far more than the 64 KiB left.
        site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1><p>" + new string('x', 200_000) + "</p>\n");
        disk.LeaveFree(64 * 1024, filler);
        var failed = SiteBuilder.BuildIncremental(Options(site, output, disk.Files));

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Diagnostics);
        Assert.Equal(output, error.Location.Path);
        Assert.Contains($"the disk holding {output} is full", error.Message);
        // The pages with their 300 KB each, and the search index's small files (shards, blocks, texts) on top.
        Assert.Matches(@"needs about 1\.\d MiB there", error.Message); // six entity pages of 200 KB each
        Assert.DoesNotContain("internal", error.Message);
        Assert.Equal(before, TestSite.Snapshot(output));
        Assert.Empty(Leftovers(output));
        Assert.False(File.Exists(SiteState.PathFor(output)), "the state must be gone, so that the next build is a full one");

        disk.FreeAll(filler);
        var next = SiteBuilder.BuildIncremental(Options(site, output, disk.Files));
        Assert.True(next.Succeeded, string.Join("\n", next.Diagnostics));
        Assert.Equal(next.PageCount, next.PagesRendered);
        AssertSameAsFullBuild(site, output);
    }

    [Fact]
    public void An_incremental_build_that_fails_while_moving_its_files_into_place_puts_back_those_already_moved()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var before = TestSite.Snapshot(site.Output);
        site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1><p>changed on every entity page</p>\n");
        var files = new FailingMoves(failAt: 4); // three pages are in place when the fourth rename fails

        var failed = SiteBuilder.BuildIncremental(Options(site, site.Output, files));

        Assert.False(failed.Succeeded);
        Assert.True(files.Moves >= 4);
        Assert.Contains("Input/output error", Assert.Single(failed.Diagnostics).Message);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Empty(Leftovers(site.Output));
        Assert.False(failed.OutputChanged);
        Assert.False(File.Exists(SiteState.PathFor(site.Output)), "files were moving: the next build must be a full one");

        var next = SiteBuilder.BuildIncremental(Options(site, site.Output));
        Assert.True(next.Succeeded);
        Assert.Equal(next.PageCount, next.PagesRendered);
        AssertSameAsFullBuild(site, site.Output);
    }

    /// <summary>The real file system, except that the n-th file rename fails (an I/O error) and so do all after it.</summary>
    private sealed class FailingMoves(int failAt) : IOutputFileSystem
    {
        public int Moves { get; private set; }

        public void WriteFile(string path, ReadOnlySpan<byte> content) => PhysicalOutputFileSystem.Instance.WriteFile(path, content);

        public void MoveFile(string source, string destination)
        {
            if (++Moves >= failAt && source.EndsWith(InPlaceWriter.TemporarySuffix, StringComparison.Ordinal))
            {
                throw new IOException($"Input/output error : '{source}'", 5);
            }

            PhysicalOutputFileSystem.Instance.MoveFile(source, destination);
        }

        public bool ExchangeFolders(string first, string second) => PhysicalOutputFileSystem.Instance.ExchangeFolders(first, second);

        public void MoveFolder(string source, string destination) => PhysicalOutputFileSystem.Instance.MoveFolder(source, destination);

        public string? WhyNotWritable(string folder) => PhysicalOutputFileSystem.Instance.WhyNotWritable(folder);
    }

    [Fact]
    public void A_full_disk_during_a_full_build_names_the_folder_and_the_space_the_whole_site_needs()
    {
        using var site = TestSite.Minimal();
        using var disk = SmallDisk.At(Path.Combine(site.Directory, "disk"));
        var output = Path.Combine(disk.Folder, "public");
        var filler = Path.Combine(disk.Folder, "filler");
        Assert.True(SiteBuilder.Build(Options(site, output, disk.Files)).Succeeded);
        var before = TestSite.Snapshot(output);
        site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1><p>" + new string('y', 300_000) + "</p>\n");
        disk.LeaveFree(32 * 1024, filler);

        var failed = SiteBuilder.Build(Options(site, output, disk.Files));

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Diagnostics);
        Assert.Contains($"the disk holding {disk.Folder} is full", error.Message);
        // The pages with their 300 KB each, and the search index's small files (shards, blocks, texts) on top.
        Assert.Matches(@"needs about [12]\.\d MiB there", error.Message);
        Assert.Equal(before, TestSite.Snapshot(output));
        Assert.False(Directory.Exists(Path.Combine(disk.Folder, ".public.staging")));
    }

    [Fact]
    public void An_output_that_is_a_mount_point_is_copied_into_file_by_file_and_ends_equal_to_a_full_build()
    {
        using var site = TestSite.Minimal();
        using var disk = SmallDisk.At(Path.Combine(site.Directory, "volume"));
        var lostAndFound = Path.Combine(disk.Folder, "lost+found"); // as on a fresh ext4 volume: still an empty output
        Directory.CreateDirectory(lostAndFound);
        var first = SiteBuilder.Build(Options(site, disk.Folder, disk.Files));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.True(first.CopiedIntoMountPoint);
        AssertSameAsFullBuild(site, disk.Folder);

        // A page goes (stale files are removed), others change; unchanged files are not rewritten.
        var unchanged = Path.Combine(disk.Folder, "assets");
        foreach (var file in new[] { "gaozhu.yml", "gaozhu.zh.md", "gaozhu.en.md" })
        {
            site.Delete($"content/parks/{file}");
        }

        site.Write("content/cities/chengdu.en.md", "Chengdu, edited.\n");
        var second = SiteBuilder.Build(Options(site, disk.Folder, disk.Files));
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.False(Directory.Exists(Path.Combine(disk.Folder, "en/parks/gaozhu")));
        AssertSameAsFullBuild(site, disk.Folder);
        Assert.Empty(Leftovers(disk.Folder));
        Assert.False(Directory.Exists(Path.Combine(site.Directory, ".volume.staging")));
        Assert.True(Directory.Exists(unchanged));
        Assert.True(Directory.Exists(lostAndFound));

        if (disk.Real)
        {
            // Through the command line: the weaker guarantee is said where it applies.
            site.Write("content/cities/chengdu.en.md", "Chengdu, edited again.\n");
            var (exit, stdout, stderr) = BadInputTests.Run("build", "--site", site.Directory, "--output", disk.Folder);
            Assert.True(exit == 0, stderr);
            Assert.Contains("is a mount point", stdout);
            Assert.Contains("can leave a mix of old and new files", stdout);
        }
    }

    [Fact]
    public void A_copy_into_a_mount_point_that_fails_half_way_says_the_folder_holds_a_mix_and_the_next_build_repairs_it()
    {
        using var site = TestSite.Minimal();
        using var disk = SmallDisk.At(Path.Combine(site.Directory, "volume"));
        var filler = Path.Combine(disk.Folder, "filler");
        Assert.True(SiteBuilder.Build(Options(site, disk.Folder, disk.Files)).Succeeded);
        site.Write("templates/entity.html", "<h1>{{ entity.name }}</h1><p>" + new string('z', 100_000) + "</p>\n");
        disk.LeaveFree(150 * 1024, filler);

        var failed = SiteBuilder.Build(Options(site, disk.Folder, disk.Files));

        Assert.False(failed.Succeeded);
        Assert.True(failed.OutputChanged);
        var error = Assert.Single(failed.Diagnostics);
        Assert.Contains("is a mount point", error.Message);
        Assert.Contains("is full", error.Message);
        Assert.Contains("now holds a mix of old and new files", error.Message);
        Assert.Empty(Leftovers(disk.Folder));
        Assert.False(File.Exists(SiteState.PathFor(disk.Folder)));

        disk.FreeAll(filler);
        Assert.True(SiteBuilder.Build(Options(site, disk.Folder, disk.Files)).Succeeded);
        AssertSameAsFullBuild(site, disk.Folder);
    }

    [Fact]
    public void An_output_that_is_a_symbolic_link_is_followed_and_stays_a_link()
    {
        using var site = TestSite.Minimal();
        var real = Path.Combine(site.Directory, "elsewhere", "site-out");
        Directory.CreateDirectory(real);
        File.CreateSymbolicLink(site.Output, "elsewhere/site-out");

        site.BuildOk();
        site.Write("content/cities/chengdu.en.md", "Chengdu, edited.\n");
        site.BuildOk();
        Assert.True(SiteBuilder.BuildIncremental(Options(site, site.Output)).Succeeded);

        Assert.Equal("elsewhere/site-out", new FileInfo(site.Output).LinkTarget);
        Assert.Contains("Chengdu, edited.", File.ReadAllText(Path.Combine(real, "en/cities/chengdu/index.html")));
        AssertSameAsFullBuild(site, real);
        Assert.True(File.Exists(Path.Combine(site.Directory, "elsewhere", ".site-out.lock")), "the lock is beside the real folder");
        Assert.False(File.Exists(Path.Combine(site.Directory, ".public.lock")));
        Assert.Equal(Path.Combine(site.Directory, "elsewhere", ".site-out.atlas-state.json"), SiteState.PathFor(site.Output));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Two_names_of_one_output_folder_share_one_lock(bool holdByLink, bool incremental)
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var alias = Path.Combine(site.Directory, "alias");
        File.CreateSymbolicLink(alias, "public");
        var before = TestSite.Snapshot(site.Output);
        site.Write("content/cities/chengdu.en.md", "Chengdu, edited.\n");

        using (var held = OutputLock.TryAcquire(holdByLink ? alias : site.Output, out var busy))
        {
            Assert.NotNull(held);
            Assert.False(busy);
            var build = holdByLink ? site.Output : alias;
            var result = incremental ? SiteBuilder.BuildIncremental(Options(site, build)) : SiteBuilder.Build(Options(site, build));
            Assert.False(result.Succeeded);
            Assert.Contains("another build is writing to this output folder", Assert.Single(result.Diagnostics).Message);
        }

        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Equal(OutputLock.PathFor(site.Output), OutputLock.PathFor(alias));
    }

    [Fact]
    public void A_read_only_output_folder_is_a_clear_error_and_the_next_build_after_making_it_writable_works()
    {
        using var site = TestSite.Minimal();
        using var disk = Posix.PermissionsApply ? null : SmallDisk.At(Path.Combine(site.Directory, "volume"));
        var output = disk?.Folder ?? site.Output;
        Assert.True(SiteBuilder.Build(Options(site, output, disk?.Files)).Succeeded);
        var before = TestSite.Snapshot(output);
        site.Write("content/cities/chengdu.en.md", "Chengdu, edited.\n");

        // Mode 555 where permissions apply; as root (which writes anything) a read-only mount of the output (a real
        // one where the machine allows mounting, else the simulated disk).
        Assert.True(disk is null || disk.RemountReadOnly(readOnly: true), "remounting read-only failed");
        if (disk is null)
        {
            Posix.Chmod(output, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        try
        {
            var failed = SiteBuilder.Build(Options(site, output, disk?.Files));
            Assert.False(failed.Succeeded);
            var error = Assert.Single(failed.Diagnostics);
            Assert.Contains("the output folder cannot be written", error.Message);
            Assert.Contains(disk is null ? "permissions" : "read-only file system", error.Message);
            Assert.Equal(before, TestSite.Snapshot(output));
            Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.staging")));

            var incremental = SiteBuilder.BuildIncremental(Options(site, output, disk?.Files));
            Assert.False(incremental.Succeeded);
            Assert.Contains($"cannot write", Assert.Single(incremental.Diagnostics).Message);
            Assert.Equal(before, TestSite.Snapshot(output));
        }
        finally
        {
            if (disk is null)
            {
                Posix.Chmod(output, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else
            {
                disk.RemountReadOnly(readOnly: false);
            }
        }

        Assert.True(SiteBuilder.Build(Options(site, output, disk?.Files)).Succeeded);
        AssertSameAsFullBuild(site, output);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.staging")));
    }

    [Fact]
    public void A_staging_folder_left_read_only_by_an_earlier_build_is_removed_by_the_next_build()
    {
        // What earlier versions left after swapping out a read-only output: the old site, stuck beside the new one.
        using var site = TestSite.Minimal();
        site.BuildOk();
        var stuck = Path.Combine(site.Directory, ".public.staging");
        Directory.CreateDirectory(Path.Combine(stuck, "en"));
        File.WriteAllText(Path.Combine(stuck, "en", "index.html"), "old");
        Posix.Chmod(Path.Combine(stuck, "en"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Posix.Chmod(stuck, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        site.BuildOk();
        Assert.False(Directory.Exists(stuck));
    }

    // The policy alone: no test builds into a real system folder (the bad-input case 85 uses a new folder inside /etc).
    [Theory]
    [InlineData("/etc", "/etc")]
    [InlineData("/etc/", "/etc")]
    [InlineData("/usr", "/usr")]
    [InlineData("/var", "/var")]
    [InlineData("/boot", "/boot")]
    [InlineData("/bin", "/bin")]
    [InlineData("/sbin", "/sbin")]
    [InlineData("/lib", "/lib")]
    [InlineData("/lib64", "/lib64")]
    [InlineData("/proc", "/proc")]
    [InlineData("/proc/self", "/proc")]
    [InlineData("/sys/kernel", "/sys")]
    [InlineData("/dev", "/dev")]
    [InlineData("/dev/shm", "/dev/shm")]
    [InlineData("/root", "/root")]
    [InlineData("/tmp", "/tmp")]
    [InlineData("/usr/lib/x86_64-linux-gnu", "/usr/lib")]
    [InlineData("/etc/nginx/../ssh", "/etc")]
    public void System_folders_are_refused_whatever_the_options(string output, string system)
    {
        var refusal = OutputPathPolicy.Check("/srv/atlas", output, "/home/editor");
        Assert.NotNull(refusal);
        Assert.Contains($"the system folder {system},", refusal);
    }

    [Theory]
    [InlineData("/var/www/atlas")]
    [InlineData("/usr/share/nginx/html")]
    [InlineData("/srv/www")]
    [InlineData("/dev/shm/atlas-preview/public")]
    [InlineData("/tmp/atlas-check/public")]
    [InlineData("/home/editor/sites/atlas-out")]
    public void Ordinary_web_roots_and_scratch_folders_are_accepted(string output) =>
        Assert.Null(OutputPathPolicy.Check("/srv/atlas", output, "/home/editor"));

    [Fact]
    public void The_home_folder_itself_and_the_site_folder_itself_are_still_refused()
    {
        Assert.Contains("home folder", OutputPathPolicy.Check("/srv/atlas", "/home/editor", "/home/editor"));
        Assert.Contains("is the site folder", OutputPathPolicy.Check("/srv/atlas", "/srv/atlas", "/home/editor"));
    }

    [Fact]
    public void Check_reports_files_left_by_a_build_that_did_not_finish()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        File.WriteAllText(Path.Combine(site.Output, "en/cities/chengdu/index.html" + InPlaceWriter.TemporarySuffix), "<p>half a pa");

        var (exit, _, stderr) = BadInputTests.Run("check", "--site", site.Directory, "--output", site.Output);

        Assert.Equal(1, exit);
        Assert.Contains("en/cities/chengdu/index.html.atlas-tmp:1:1: error: ", stderr);
        Assert.Contains("a file left by a build that did not finish", stderr);
    }
}
