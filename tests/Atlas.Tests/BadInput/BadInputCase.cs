using System.Text;
using System.Text.RegularExpressions;
using Atlas.Tests.Support;

namespace Atlas.Tests.BadInput;

/// <summary>
/// One case of the bad-input suite: a folder under <c>BadInput/cases/</c> holding the files that differ from the
/// minimal site (at their paths in the site), plus:
/// <list type="bullet">
/// <item><c>expected.txt</c>: one expected error per line as <c>path:line: message fragment</c> (every error the build
/// prints must be listed, and every listed one printed); or <c>ok</c> for a case that must build, followed by
/// <c>public/&lt;file&gt;: fragment</c> lines the built output must contain. <c>#</c> starts a comment;
/// <c>{site}</c> stands for the site folder.</item>
/// <item><c>args.txt</c> (optional): more arguments for <c>atlas build</c>, one per line, <c>{site}</c> expanded.</item>
/// <item><c>setup.txt</c> (optional): what a repository cannot hold (huge, binary or special files), made at test
/// time; see <see cref="Apply"/> for the directives. <c>\xHH</c> and <c>\uHHHH</c> in an argument stand for
/// that character.</item>
/// </list>
/// </summary>
public sealed partial class BadInputCase
{
    private static readonly string[] Reserved = ["expected.txt", "args.txt", "setup.txt"];

    private BadInputCase(string name, string directory)
    {
        Name = name;
        Directory = directory;
        var expected = Lines(Path.Combine(directory, "expected.txt"));
        MustBuild = expected.FirstOrDefault() == "ok";
        foreach (var line in MustBuild ? expected.Skip(1) : expected)
        {
            var match = ExpectedLine().Match(line);
            if (!match.Success)
            {
                throw new InvalidDataException($"{name}/expected.txt: '{line}' is not 'path:line: fragment'");
            }

            Expected.Add((match.Groups["path"].Value, match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : null,
                match.Groups["fragment"].Value));
        }

        if (!MustBuild && Expected.Count == 0)
        {
            throw new InvalidDataException($"{name}/expected.txt lists no expected error");
        }

        Arguments = File.Exists(Path.Combine(directory, "args.txt")) ? Lines(Path.Combine(directory, "args.txt")) : [];
        Setup = File.Exists(Path.Combine(directory, "setup.txt")) ? Lines(Path.Combine(directory, "setup.txt")) : [];
    }

    public static string Root { get; } = Path.Combine(Repository.Root, "tests", "Atlas.Tests", "BadInput", "cases");

    public string Name { get; }

    public string Directory { get; }

    /// <summary>A "must work" case (CRLF, BOM): exit 0 and the listed output fragments.</summary>
    public bool MustBuild { get; }

    /// <summary>Path (with <c>{site}</c> unexpanded), line (null: any line) and message fragment.</summary>
    public List<(string Path, int? Line, string Fragment)> Expected { get; } = [];

    public IReadOnlyList<string> Arguments { get; }

    public IReadOnlyList<string> Setup { get; }

    /// <summary>Files made by setup that a snapshot must not open (a named pipe would block it).</summary>
    public List<string> SpecialFiles { get; } = [];

    /// <summary>What setup wrote outside the site (<c>outside</c>): none of it may appear in the output or the messages.</summary>
    public List<string> OutsideTexts { get; } = [];

    /// <summary>A folder beside the site, never inside it: <c>{outside}</c> in setup directives.</summary>
    public static string Outside(TestSite site) => Path.Combine(Path.GetDirectoryName(site.Directory)!, "outside");

    public static IEnumerable<BadInputCase> All() =>
        System.IO.Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal)
            .Select(d => new BadInputCase(Path.GetFileName(d), d));

    public static BadInputCase Load(string name) => new(name, Path.Combine(Root, name));

    /// <summary>Copies the case's files over the site, then runs its setup directives.</summary>
    public void Apply(TestSite site)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            if (Array.IndexOf(Reserved, relative) >= 0)
            {
                continue;
            }

            var target = Path.Combine(site.Directory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        foreach (var line in Setup)
        {
            var words = line.Replace("{outside}", Outside(site), StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToArray();
            var path = Path.Combine(site.Directory, words[1]);
            switch (words[0])
            {
                // outside PATH TEXT...: a file outside the site (under {outside}), for links to point at; its text is a
                // canary that must never show up in the built site or in any message.
                case "outside":
                {
                    var file = Path.Combine(Outside(site), words[1]);
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    var text = string.Join(' ', words[2..]);
                    File.WriteAllText(file, text + "\n");
                    OutsideTexts.Add(text);
                    break;
                }

                // mkdir PATH: an (empty) folder.
                case "mkdir":
                    System.IO.Directory.CreateDirectory(path);
                    break;

                // utf16 PATH le|be: re-encode a file as UTF-16 with its byte order mark.
                case "utf16":
                {
                    var encoding = words[2] == "be" ? Encoding.BigEndianUnicode : Encoding.Unicode;
                    File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(File.ReadAllText(path))]);
                    break;
                }

                // delete PATH: remove a file of the minimal site.
                case "delete":
                    File.Delete(path);
                    break;

                // copy FROM TO: copy a site file (for names that only differ in case, which some checkouts cannot hold).
                case "copy":
                    File.Copy(path, Path.Combine(site.Directory, words[2]), overwrite: true);
                    break;

                // crlf PATH: rewrite with Windows line ends.
                case "crlf":
                    File.WriteAllText(path, File.ReadAllText(path).Replace("\r\n", "\n").Replace("\n", "\r\n"));
                    break;

                // bom PATH: prepend a UTF-8 byte order mark.
                case "bom":
                    File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
                    break;

                // bytes PATH MARKER HEX...: replace the ASCII marker in the file with raw bytes (invalid UTF-8, GBK).
                case "bytes":
                {
                    var content = File.ReadAllBytes(path);
                    var marker = Encoding.ASCII.GetBytes(words[2]);
                    var at = content.AsSpan().IndexOf(marker);
                    Assert.True(at >= 0, $"{Name}: marker {words[2]} not found in {words[1]}");
                    var raw = words[3..].Select(h => Convert.ToByte(h, 16)).ToArray();
                    File.WriteAllBytes(path, [.. content[..at], .. raw, .. content[(at + marker.Length)..]]);
                    break;
                }

                // large PATH MIB: a valid but huge YAML file (comment lines), MIB mebibytes.
                case "large":
                {
                    var line64 = Encoding.ASCII.GetBytes("# padding padding padding padding padding padding padding pad\n");
                    using var stream = File.Create(path);
                    var total = long.Parse(words[2]) * 1024 * 1024;
                    for (long written = 0; written < total; written += line64.Length)
                    {
                        stream.Write(line64);
                    }

                    break;
                }

                // symlink PATH TARGET: a symbolic link (TARGET as written: absolute, or relative to the link's folder;
                // {outside} is the folder beside the site). A folder at PATH is replaced, with all it holds.
                case "symlink":
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    if (System.IO.Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
                    {
                        System.IO.Directory.Delete(path, recursive: true);
                    }

                    File.Delete(path);
                    File.CreateSymbolicLink(path, words[2]);
                    break;

                // fifo PATH: a named pipe in place of a file.
                case "fifo":
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.Delete(path);
                    Posix.CreateFifo(path);
                    SpecialFiles.Add(words[1]);
                    break;

                // unreadable PATH: a file the build cannot read. Mode 000 where permissions apply; as root (which
                // reads anything) a link to a file that cannot be opened because it does not exist, so the same
                // "cannot read" path of the engine runs either way.
                case "unreadable":
                    if (Posix.PermissionsApply)
                    {
                        Posix.Chmod(path, UnixFileMode.None);
                    }
                    else
                    {
                        File.Delete(path);
                        File.CreateSymbolicLink(path, Path.GetFileName(path) + ".gone");
                    }

                    SpecialFiles.Add(words[1]);
                    break;

                // unwritable DIR: a folder the build cannot create anything in. Mode 555 where permissions apply; as
                // root, a plain file in its place, so that nothing can be created under it either.
                case "unwritable":
                    if (Posix.PermissionsApply)
                    {
                        System.IO.Directory.CreateDirectory(path);
                        Posix.Chmod(path, UnixFileMode.UserRead | UnixFileMode.UserExecute |
                                                   UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                                   UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                    }
                    else
                    {
                        File.WriteAllText(path, "a file where the build expects a folder\n");
                    }

                    break;

                default:
                    throw new InvalidDataException($"{Name}/setup.txt: unknown directive '{words[0]}'");
            }
        }
    }

    /// <summary>Gives back what setup took away (permissions), so the temporary site can be deleted.</summary>
    public void Restore(TestSite site)
    {
        foreach (var line in Setup)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var path = Path.Combine(site.Directory, words[1]);
            if (words[0] is "unreadable" or "unwritable" && Posix.PermissionsApply && Path.Exists(path))
            {
                Posix.Chmod(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>
    /// <c>\xHH</c> and <c>\uHHHH</c> in a setup argument stand for that character: names a repository should not hold
    /// (an escape sequence in a file name) are made at test time.
    /// </summary>
    private static string Unescape(string word) =>
        SetupEscape().Replace(word, m => ((char)Convert.ToInt32(m.Groups["hex"].Value, 16)).ToString());

    [GeneratedRegex(@"\\x(?<hex>[0-9a-fA-F]{2})|\\u(?<hex>[0-9a-fA-F]{4})")]
    private static partial Regex SetupEscape();

    public static string Expand(string text, TestSite site) => text.Replace("{site}", site.Directory, StringComparison.Ordinal);

    private static List<string> Lines(string path) =>
        [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [GeneratedRegex(@"^(?<path>[^:]+):(?:(?<line>\d+):)? (?<fragment>.+)$")]
    private static partial Regex ExpectedLine();

    public override string ToString() => Name;
}
