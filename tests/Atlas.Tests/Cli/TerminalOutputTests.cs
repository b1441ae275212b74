using System.Text.RegularExpressions;
using Atlas.Cli;
using Atlas.Diagnostics;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary>
/// What the command line writes to a terminal: control characters from content escaped, messages of one kind
/// counted instead of repeated.
/// </summary>
public sealed partial class TerminalOutputTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = AtlasCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Print(IEnumerable<Diagnostic> diagnostics, string siteDirectory)
    {
        var writer = new StringWriter();
        DiagnosticPrinter.Print(diagnostics, siteDirectory, writer);
        return writer.ToString().Replace("\r", "");
    }

    [Theory]
    [InlineData("a\u001b[31mb", "a\\x1b[31mb")]
    [InlineData("\u001b]0;title\u0007", "\\x1b]0;title\\x07")]
    [InlineData("\u009b2J", "\\x9b2J")] // C1 CSI
    [InlineData("\u007f", "\\x7f")]
    [InlineData("\0", "\\x00")]
    [InlineData("one\r\ntwo", "one\\x0d\\x0atwo")] // no forged line
    [InlineData("abc\u202edef", "abc\\u202edef")]
    [InlineData("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d")]
    [InlineData("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069")]
    [InlineData("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("成渝 — café ½", "成渝 — café ½")]
    public void Control_characters_are_shown_as_escapes(string text, string shown)
    {
        Assert.Equal(shown, VisibleText.Escape(text));
    }

    [Fact]
    public void The_printer_escapes_the_path_the_message_and_the_source_line_and_keeps_the_caret_under_the_column()
    {
        using var site = TestSite.Minimal();
        var name = "content/parks/a\u001b[2Jb.yml";
        site.Write(name, "name: x\nkind: \u001b[31m\u202ebad\n");
        var printed = Print([Diagnostic.Error(new SourceLocation(name, 2, 13), "'\u001b[31m\u202ebad' is not allowed")], site.Directory);
        Assert.True(VisibleText.Escape(printed.Replace("\n", "")) == printed.Replace("\n", ""), printed);
        var lines = printed.Split('\n');
        Assert.Equal("content/parks/a\\x1b[2Jb.yml:2:13: error: '\\x1b[31m\\u202ebad' is not allowed", lines[0]);
        Assert.Equal("    2 | kind: \\x1b[31m\\u202ebad", lines[1]);
        Assert.Equal(lines[1].IndexOf("bad", StringComparison.Ordinal), lines[2].IndexOf('^')); // column 13 is the 'b'
    }

    [Fact]
    public void Messages_of_one_kind_are_shown_ten_times_then_counted()
    {
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < 1000; i++)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation("site.yml", 1 + i, 3), $"'title' has no 'l{i}' text; add l{i}: ..."));
        }

        diagnostics.Add(Diagnostic.Error(new SourceLocation("site.yml", 2000, 1), "'wrong' is not a valid slug"));
        diagnostics.Add(Diagnostic.Warning(new SourceLocation("site.yml", 2001, 1), "'title' has no 'zz' text; add zz: ..."));
        var lines = Print(diagnostics, Path.GetTempPath()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var errors = lines.Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(DiagnosticPrinter.ExamplesPerKind + 1, errors.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"site.yml:{1 + i}:3: error: 'title' has no 'l{i}' text; add l{i}: ..."), errors.Take(10));
        Assert.Equal("... and 990 more like this", lines[10]); // right after the last example
        Assert.Single(lines, l => l.StartsWith("... and", StringComparison.Ordinal));
        Assert.Contains("site.yml:2000:1: error: 'wrong' is not a valid slug", errors);
        Assert.Contains("site.yml:2001:1: warning: 'title' has no 'zz' text; add zz: ...", lines); // a warning is another kind
    }

    [Theory]
    [InlineData("'title' has no 'fr' text; add fr: ...", "'name' has no 'de-ch' text; add de-ch: ...", true)]
    [InlineData("broken link href=\"/a/\": line 3 of 12", "broken link href=\"/a/\": line 40 of 7", true)]
    [InlineData("'x' is not a valid slug", "'x' is not allowed in 'kind'", false)]
    [InlineData("'title' has no 'aaa' text; add aaa: ...", "'title' has no 'add' text; add add: ...", true)] // a value that is also a word
    [InlineData("'title' has no 'fr' text; add fr: ...", "'title' has two 'fr' texts; remove one", false)]
    public void Messages_are_of_one_kind_when_only_their_values_differ(string one, string other, bool same)
    {
        var location = SourceLocation.File("site.yml");
        Assert.Equal(same, DiagnosticPrinter.Kind(Diagnostic.Error(location, one)) == DiagnosticPrinter.Kind(Diagnostic.Error(location, other)));
    }

    [Fact]
    public void A_thousand_languages_print_ten_errors_a_count_and_the_exact_total()
    {
        var languages = string.Concat(Enumerable.Range(0, 1000).Select(i => $"  - {{code: {(char)('a' + i / 676)}{(char)('a' + i / 26 % 26)}{(char)('a' + i % 26)}, locale: x, name: X}}\n"));
        using var site = TestSite.Minimal();
        var yml = File.ReadAllText(Path.Combine(site.Directory, "site.yml"));
        site.Write("site.yml", yml.Replace("    name: English\n", "    name: English\n" + languages, StringComparison.Ordinal));

        foreach (var command in new[] { "build", "check" })
        {
            var (exit, _, stderr) = Run(command, "--site", site.Directory);
            Assert.Equal(1, exit);
            var lines = stderr.Replace("\r", "").Split('\n');
            Assert.Equal(DiagnosticPrinter.ExamplesPerKind, lines.Count(l => l.Contains(": error: ", StringComparison.Ordinal)));
            var more = int.Parse(MoreLikeThis().Match(stderr).Groups["count"].Value.Replace(",", ""));
            var total = int.Parse(Total().Match(stderr).Groups["total"].Value);
            Assert.Equal(4000, total); // 4 texts in site.yml, each without 1,000 languages
            Assert.Equal(total, DiagnosticPrinter.ExamplesPerKind + more);
        }
    }

    [Fact]
    public void Check_escapes_control_characters_in_the_problems_it_finds()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var page = Path.Combine(site.Output, "en", "index.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", "<a href=\"/atlas/en/no\u001b[2J\u202epage/\">x</a></body>", StringComparison.Ordinal));
        var (exit, stdout, stderr) = Run("check", "--site", site.Directory, "--output", site.Output);
        Assert.Equal(1, exit);
        Assert.Contains("broken link", stderr);
        Assert.Contains("no\\x1b[2J\\u202epage/", stderr);
        Assert.True(VisibleText.Escape(stderr.Replace("\n", "")) == stderr.Replace("\n", ""), stderr);
        Assert.True(VisibleText.Escape(stdout.Replace("\n", "")) == stdout.Replace("\n", ""), stdout);
    }

    [GeneratedRegex(@"^\.\.\. and (?<count>[0-9,]+) more like this$", RegexOptions.Multiline)]
    private static partial Regex MoreLikeThis();

    [GeneratedRegex(@"failed: (the content has |the build has )?(?<total>\d+) errors")]
    private static partial Regex Total();
}
