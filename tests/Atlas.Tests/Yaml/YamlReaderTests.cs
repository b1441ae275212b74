using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Tests.Yaml;

public sealed class YamlReaderTests
{
    private static (bool Ok, YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var ok = YamlReader.TryRead(text, "x.yml", diagnostics, out var root);
        return (ok, root, diagnostics.ToSortedList());
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var (ok, root, _) = Read("a: 1\nb:\n  c: [x, y]\n");
        Assert.True(ok);
        var map = Assert.IsType<YamlMapping>(root);
        var b = Assert.IsType<YamlMapping>(map["b"]);
        var c = Assert.IsType<YamlSequence>(b["c"]);
        Assert.Equal(new SourceLocation("x.yml", 3, 6), c.Location);
        Assert.Equal(new SourceLocation("x.yml", 3, 10), c.Items[1].Location);
    }

    [Fact]
    public void Duplicate_keys_are_an_error_at_the_second_key()
    {
        var (ok, _, diagnostics) = Read("name: a\nsummary: b\nname: c\n");
        Assert.False(ok);
        var error = Assert.Single(diagnostics);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("duplicate key 'name' (first set on line 1)", error.Message);
    }

    [Fact]
    public void Tabs_get_a_message_that_says_to_use_spaces()
    {
        var (ok, _, diagnostics) = Read("a:\n\tb: 1\n");
        Assert.False(ok);
        Assert.Contains("tab", Assert.Single(diagnostics).Message);
        Assert.Equal(2, diagnostics[0].Location.Line);
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        var (ok, _, diagnostics) = Read("a: \"open\nb: 2\n");
        Assert.False(ok);
        Assert.Contains("not closed", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Aliases_and_anchors_are_refused_so_alias_bombs_cannot_expand()
    {
        var bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n";
        var (ok, _, diagnostics) = Read(bomb);
        Assert.False(ok);
        Assert.Contains("anchors", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void An_empty_document_reads_as_null_without_errors()
    {
        var (ok, root, diagnostics) = Read("# only a comment\n");
        Assert.True(ok);
        Assert.Null(root);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Front_matter_positions_are_offset_to_the_file_line()
    {
        var diagnostics = new DiagnosticBag();
        Assert.False(YamlReader.TryRead("a: 1\na: 2\n", "x.md", diagnostics, out _, firstLine: 2));
        Assert.Equal(3, Assert.Single(diagnostics.ToSortedList()).Location.Line);
    }

    [Fact]
    public void Source_text_drops_the_bom_and_normalizes_crlf()
    {
        var diagnostics = new DiagnosticBag();
        var text = SourceText.Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\r', (byte)'\n', (byte)'b'], "x.yml", diagnostics);
        Assert.Equal("a\nb", text);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        var diagnostics = new DiagnosticBag();
        var bytes = "a: 1\nb: 高"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        Assert.Null(SourceText.Decode(bytes, "x.yml", diagnostics));
        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal(new SourceLocation("x.yml", 2, 5), error.Location);
        Assert.Contains("UTF-8", error.Message);
    }
}
