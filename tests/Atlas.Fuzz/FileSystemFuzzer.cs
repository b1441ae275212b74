using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Atlas.Cli;

namespace Atlas.Fuzz;

/// <summary>One file-system input that was not acceptable, with the shapes that made it.</summary>
public sealed record FileSystemFinding(int Input, string Shapes, string Problem, string Detail);

/// <summary>The tally of a file-system fuzz run.</summary>
public sealed class FileSystemFuzzReport
{
    private readonly Lock _gate = new();

    public int Inputs { get; private set; }

    public int Built { get; private set; }

    public int Refused { get; private set; }

    /// <summary>How many shapes of each kind the inputs held: what the campaign reached.</summary>
    public SortedDictionary<string, int> Shapes { get; } = new(StringComparer.Ordinal);

    public List<FileSystemFinding> Findings { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public void Add(bool built, IEnumerable<string> kinds, FileSystemFinding? finding)
    {
        lock (_gate)
        {
            Inputs++;
            if (finding is not null)
            {
                Findings.Add(finding);
            }
            else if (built)
            {
                Built++;
            }
            else
            {
                Refused++;
            }

            foreach (var kind in kinds)
            {
                Shapes[kind] = Shapes.GetValueOrDefault(kind) + 1;
            }
        }
    }

    public override string ToString() =>
        $"{Inputs} file-system inputs in {Elapsed.TotalSeconds:0} s: {Built} built, {Refused} refused with diagnostics, {Findings.Count} findings " +
        $"(hangs, exceptions, internal errors, or a canary from outside the site in the output or the messages).";
}

/// <summary>
/// Fuzzes the shape of the site on disk rather than its bytes: each input puts one to five random shapes into a small
/// copy of the atlas (<see cref="FuzzCorpus"/>): symbolic links (absolute and relative, chains, loops, into hidden
/// folders, to <c>/</c>, <c>/proc/self/environ</c>, <c>/dev/zero</c>, <c>/dev/urandom</c>, <c>/etc/passwd</c>, to files
/// and folders outside the site that hold a canary), links in place of whole folders, named pipes, empty, huge (sparse)
/// and unreadable files, then runs <c>atlas build</c> through the real command line in-process. Acceptable: exit 0 or 1
/// within the time limit, no internal error, and not one canary (nor the first line of /etc/passwd) in the built site
/// or in anything printed. Input <c>i</c> of seed <c>s</c> is always the same shapes.
/// </summary>
public sealed class FileSystemFuzzer(FuzzCorpus corpus, string workDirectory)
{
    /// <summary>A build of the corpus takes well under a second; this only catches real hangs.</summary>
    public TimeSpan HangLimit { get; init; } = TimeSpan.FromSeconds(60);

    private static readonly string[] SystemTargets = ["/", "/etc/passwd", "/proc/self/environ", "/dev/zero", "/dev/urandom", "/dev/null", "/proc/self", "/etc"];

    /// <summary>The first line of /etc/passwd on every Unix: if it shows up, the build read it.</summary>
    private const string PasswdMarker = "root:x:0:0";

    public FileSystemFuzzReport Run(int seed, int first, int count, Action<FileSystemFuzzReport>? progress = null, int workers = 1)
    {
        var report = new FileSystemFuzzReport();
        var clock = Stopwatch.StartNew();
        var next = first - 1;
        var end = first + count;
        var threads = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
        {
            var workspace = NewWorkspace(worker);
            int input;
            while ((input = Interlocked.Increment(ref next)) < end)
            {
                var random = new Random(Fuzzer.InputSeed(seed, input));
                var shapes = new List<string>();
                var touched = new HashSet<string>(StringComparer.Ordinal);
                // A quarter of the inputs hold only links that stay inside (and must build); the rest one to five
                // shapes of any kind.
                var benign = random.Next(4) == 0;
                var shapeCount = benign ? 1 + random.Next(2) : 1 + random.Next(5);
                for (var i = 0; i < shapeCount; i++)
                {
                    shapes.Add(benign ? AddInsideLink(workspace, random, touched) : AddShape(workspace, random, touched));
                }

                var (built, finding) = BuildOnce(workspace, input, shapes);
                report.Add(built, shapes.Select(s => s.Split(' ')[0]), finding);
                if (finding?.Problem == "hang")
                {
                    workspace = NewWorkspace(worker); // the hung build may still be using the old folder: leave it to it
                }
                else
                {
                    Restore(workspace, touched);
                }

                if (progress is not null && report.Inputs % 1000 == 0)
                {
                    report.Elapsed = clock.Elapsed;
                    progress(report);
                }
            }
        }) { IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>A site, an output beside it and, outside both, a folder of canary files that links may point at.</summary>
    private sealed record Workspace(string Site, string Output, string Outside, string Canary);

    private Workspace NewWorkspace(int worker)
    {
        var root = Path.Combine(workDirectory, $"fs-{worker}-{Guid.NewGuid():N}"[..20]);
        var site = Path.Combine(root, "site");
        corpus.WriteTo(site);
        var outside = Path.Combine(root, "outside");
        var canary = "ATLAS-CANARY-" + Guid.NewGuid().ToString("N");

        // Canary files of every kind the site reads, valid enough that a build that followed the link would use them.
        var files = new Dictionary<string, string>
        {
            ["canary.yml"] = $"name: {{zh: {canary}, en: {canary}}}\nsummary: {{zh: {canary}, en: {canary}}}\n",
            ["canary.en.md"] = $"---\nsummary: {canary}\n---\n{canary}\n",
            ["canary.html"] = $"<p>{canary}</p>\n",
            ["canary.css"] = $"/* {canary} */\n",
            ["canary.geojson"] = $"{{\"type\": \"FeatureCollection\", \"features\": [], \"name\": \"{canary}\"}}\n",
            ["dir/en.yml"] = $"home: {{hello: {canary}}}\n",
            ["dir/zh.yml"] = $"home: {{hello: {canary}}}\n",
            ["dir/x.html"] = $"<p>{canary}</p>\n",
            ["dir/x.css"] = $"/* {canary} */\n",
            ["dir/chengdu.yml"] = $"name: {{zh: {canary}, en: {canary}}}\nsummary: {{zh: {canary}, en: {canary}}}\ncoordinates: [104, 30]\n",
            ["dir/chengdu.en.md"] = $"{canary}\n",
            ["dir/chengdu.zh.md"] = $"{canary}\n",
        };
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(outside, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        // The first build: the output the failed builds must leave alone.
        AtlasCommand.Run(["build", "--site", site, "--output", Path.Combine(root, "public")], TextWriter.Null, TextWriter.Null);
        return new Workspace(site, Path.Combine(root, "public"), outside, canary);
    }

    /// <summary>Puts one random shape into the site and returns what it was ("link content/cities/x.yml -> /dev/zero").</summary>
    private string AddShape(Workspace workspace, Random random, HashSet<string> touched)
    {
        var files = corpus.Files.Keys.ToList();
        var folders = files.Select(f => Path.GetDirectoryName(f)!.Replace('\\', '/')).Where(f => f.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var kind = random.Next(10);

        // Where: in place of a file of the corpus, or a new name in one of its folders (hidden names included).
        string place;
        if (kind == 9)
        {
            // A whole folder replaced by a link.
            place = folders[random.Next(folders.Count)];
        }
        else if (random.Next(2) == 0)
        {
            place = files[random.Next(files.Count)];
        }
        else
        {
            var folder = folders[random.Next(folders.Count)];
            var names = new[] { ".root", ".hidden", ".git", "leak", "ext", "x.yml", "x.en.md", "x.zh.md", "x.html", "x.css", "en.yml", "zh.yml", ".x.yml" };
            place = $"{folder}/{names[random.Next(names.Length)]}";
        }

        // Never the same place twice in one input, and never inside something an earlier shape replaced.
        if (touched.Any(t => place == t || place.StartsWith(t + "/", StringComparison.Ordinal) || t.StartsWith(place + "/", StringComparison.Ordinal)))
        {
            return "skip " + place;
        }

        var full = Path.Combine(workspace.Site, place);
        touched.Add(place);
        Remove(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        switch (kind)
        {
            case 0 or 1 or 2 or 3 or 9:
            {
                var target = LinkTarget(workspace, random, full);
                var root = Path.GetDirectoryName(place)!.Replace('\\', '/') + "/.root";
                if (target.StartsWith(".root/", StringComparison.Ordinal) && touched.Add(root))
                {
                    // The reproduction of the issue: a hidden link to / beside the link that goes through it.
                    Remove(Path.Combine(workspace.Site, root));
                    File.CreateSymbolicLink(Path.Combine(workspace.Site, root), "/");
                }

                File.CreateSymbolicLink(full, target);
                return $"{(kind == 9 ? "folder-link" : "link")} {place} -> {target}";
            }

            case 4:
            {
                // A chain: place -> hidden link -> ... -> a target.
                var length = random.Next(2, 5);
                var previous = LinkTarget(workspace, random, full);
                var folder = Path.GetDirectoryName(place)!.Replace('\\', '/');
                for (var i = 0; i < length; i++)
                {
                    var hop = $"{folder}/.hop{i}-{random.Next(1000)}";
                    if (touched.Add(hop))
                    {
                        var hopFull = Path.Combine(workspace.Site, hop);
                        Remove(hopFull);
                        File.CreateSymbolicLink(hopFull, previous);
                        previous = Path.GetFileName(hop);
                    }
                }

                File.CreateSymbolicLink(full, previous);
                return $"chain {place} ({length} links)";
            }

            case 5:
                Mkfifo(full);
                return $"fifo {place}";

            case 6:
                File.WriteAllBytes(full, []);
                return $"empty {place}";

            case 7:
            {
                // Sparse: 17 MiB on paper, nothing on disk.
                using var stream = File.Create(full);
                stream.SetLength((17L << 20) + random.Next(1000));
                return $"huge {place}";
            }

            default:
            {
                File.WriteAllText(full, "name: {zh: x, en: x}\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(full, UnixFileMode.None);
                }

                return $"unreadable {place}";
            }
        }
    }

    /// <summary>
    /// A template replaced by a link (relative or absolute, direct or through a second link) to its own bytes under
    /// another name in the same folder: inside templates/, so the build must still succeed with the same pages.
    /// </summary>
    private string AddInsideLink(Workspace workspace, Random random, HashSet<string> touched)
    {
        var templates = corpus.Files.Keys.Where(f => f.StartsWith("templates/", StringComparison.Ordinal) && f.EndsWith(".html", StringComparison.Ordinal) &&
                                                     !touched.Contains(f)).ToList();
        var place = templates[random.Next(templates.Count)];
        var source = place + ".source";
        var hop = place + ".hop";
        if (!touched.Add(place) || !touched.Add(source) || !touched.Add(hop))
        {
            return "skip " + place;
        }

        var full = Path.Combine(workspace.Site, place);
        File.WriteAllBytes(Path.Combine(workspace.Site, source), corpus.Files[place]);
        Remove(full);
        var target = random.Next(2) == 0 ? Path.GetFileName(source) : Path.Combine(workspace.Site, source);
        if (random.Next(2) == 0)
        {
            File.CreateSymbolicLink(Path.Combine(workspace.Site, hop), target);
            target = Path.GetFileName(hop);
        }

        File.CreateSymbolicLink(full, target);
        return $"inside-link {place} -> {target}";
    }

    private static string LinkTarget(Workspace workspace, Random random, string linkPath)
    {
        var folder = Path.GetDirectoryName(linkPath)!;
        var outsideFile = Path.Combine(workspace.Outside, random.Next(3) switch
        {
            0 => "canary.yml",
            1 => "canary.en.md",
            _ => new[] { "canary.html", "canary.css", "canary.geojson", "dir" }[random.Next(4)],
        });
        return random.Next(9) switch
        {
            0 or 1 => SystemTargets[random.Next(SystemTargets.Length)],
            2 => outsideFile,
            3 => Path.GetRelativePath(folder, outsideFile), // relative, climbing out with ../
            4 => Path.Combine(workspace.Outside, "dir"),
            5 => random.Next(2) == 0 ? ".root/etc/passwd" : ".root/proc/self/environ", // through a hidden link to /
            6 => Path.GetFileName(linkPath), // itself: a loop
            7 => "does-not-exist.yml",
            _ => Path.GetRelativePath(folder, Path.Combine(workspace.Site, "site.yml")), // inside the site: fine unless it leaves the root
        };
    }

    private (bool Built, FileSystemFinding? Finding) BuildOnce(Workspace workspace, int input, List<string> shapes)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var build = Task.Run(() => AtlasCommand.Run(["build", "--site", workspace.Site, "--output", workspace.Output], stdout, stderr));
        var shapeText = string.Join("; ", shapes);
        try
        {
            if (!build.Wait(HangLimit))
            {
                return (false, new FileSystemFinding(input, shapeText, "hang", $"no result after {HangLimit.TotalSeconds:0} s"));
            }
        }
        catch (AggregateException e)
        {
            return (false, new FileSystemFinding(input, shapeText, "exception", e.InnerException?.ToString() ?? e.ToString()));
        }

        var printed = stdout + "\n" + stderr;
        if (build.Result is not (0 or 1))
        {
            return (false, new FileSystemFinding(input, shapeText, $"exit code {build.Result}", printed));
        }

        if (printed.Contains("internal error", StringComparison.Ordinal) || printed.Contains("   at ", StringComparison.Ordinal))
        {
            return (false, new FileSystemFinding(input, shapeText, "internal error", printed));
        }

        if (printed.Contains(workspace.Canary, StringComparison.Ordinal) || printed.Contains(PasswdMarker, StringComparison.Ordinal))
        {
            return (false, new FileSystemFinding(input, shapeText, "canary in the messages", printed));
        }

        if (build.Result == 0 && Leaked(workspace) is { } leaked)
        {
            return (false, new FileSystemFinding(input, shapeText, "canary in the output", leaked));
        }

        return (build.Result == 0, null);
    }

    /// <summary>The first output file holding a canary, or null. Only a successful build changes the output.</summary>
    private static string? Leaked(Workspace workspace)
    {
        var markers = new[] { Encoding.UTF8.GetBytes(workspace.Canary), Encoding.UTF8.GetBytes(PasswdMarker) };
        foreach (var file in Directory.EnumerateFiles(workspace.Output, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if (markers.Any(m => bytes.AsSpan().IndexOf(m) >= 0))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Puts back every place a shape touched, from the corpus.</summary>
    private void Restore(Workspace workspace, HashSet<string> touched)
    {
        foreach (var place in touched)
        {
            Remove(Path.Combine(workspace.Site, place));
            foreach (var (path, bytes) in corpus.Files.Where(f => f.Key == place || f.Key.StartsWith(place + "/", StringComparison.Ordinal)))
            {
                var full = Path.Combine(workspace.Site, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
        }
    }

    /// <summary>Removes whatever is at a path, without following it if it is a link.</summary>
    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || (info.Exists && !info.Attributes.HasFlag(FileAttributes.Directory)))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (info.Exists)
        {
            File.Delete(path);
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    private static void Mkfifo(string path)
    {
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }
}
