using System.Text;
using Atlas.Diagnostics;
using Atlas.Markdown;
using Atlas.Tests.Support;

namespace Atlas.Tests.Markdown;

/// <summary>
/// The limits on a Markdown body: input at each limit renders, input one past it is an error at its line and column
/// (the body starts on line 5 of its file here), never Markdig's exception or a build that does not end.
/// </summary>
public sealed class MarkdownBoundsTests
{
    private const int FirstLine = 5;

    private static (string Html, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = MarkdownRenderer.Instance.Render(markdown, "content/parks/gaozhu.en.md", FirstLine, "en", _ => true, diagnostics);
        return (rendered.Html, diagnostics.ToSortedList());
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    public static TheoryData<string, string> AtTheLimits => new()
    {
        { "brackets", Repeat("[", MarkdownBounds.MaxOpenBrackets) + "a" },
        { "parentheses", "[a](" + Repeat("(", MarkdownBounds.MaxOpenParentheses - 1) + "b" },
        { "emphasis", Repeat("*a* ", MarkdownBounds.MaxEmphasisMarks / 2) },
        { "quotes", Repeat(">", 40) + " deep but renderable" },
        { "size", Repeat("word ", MarkdownBounds.MaxCharacters / 5) },
    };

    [Theory]
    [MemberData(nameof(AtTheLimits))]
    public void Input_at_each_limit_renders(string shape, string markdown)
    {
        var (html, diagnostics) = Render(markdown);
        Assert.True(diagnostics.Count == 0, $"{shape}: {string.Join("\n", diagnostics)}");
        Assert.NotEqual("", html);
    }

    public static TheoryData<string, int, int, string> PastTheLimits => new()
    {
        { Repeat("[", MarkdownBounds.MaxOpenBrackets + 1) + "a", 0, MarkdownBounds.MaxOpenBrackets + 1, "'[' are open at once" },
        { "text\n\n" + Repeat("[a](", 60_000), 2, 4 * (MarkdownBounds.MaxOpenParentheses + 1), "'(' are open here after a link's ']('" },
        { Repeat("*a* ", MarkdownBounds.MaxEmphasisMarks / 2) + "*b*", 0, 4 * (MarkdownBounds.MaxEmphasisMarks / 2) + 1, "emphasis marks" },
        { "a\n\n" + Repeat("> ", 129) + "b", 2, 2 * MarkdownBounds.MaxNesting + 1, "nested more than 100 levels deep" },
        { Repeat("x", MarkdownBounds.MaxCharacters + 1), 0, 1, "characters long" },
        // Nested by indentation, which no single line shows: found in the parsed tree, at the first element too deep.
        { string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- item\n")), 48, 99, "nested more than 100 levels deep" },
    };

    [Theory]
    [MemberData(nameof(PastTheLimits))]
    public void Input_past_a_limit_is_an_error_at_its_line_and_column(string markdown, int line, int column, string message)
    {
        var (html, diagnostics) = Render(markdown);
        var error = Assert.Single(diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(new SourceLocation("content/parks/gaozhu.en.md", FirstLine + line, column), error.Location);
        Assert.Contains(message, error.Message);
        Assert.Equal("", html);
    }

    [Fact]
    public void Brackets_and_marks_in_fenced_code_are_text_and_do_not_count()
    {
        var (_, diagnostics) = Render("```\n" + Repeat("[", 100) + Repeat("*a ", 3000) + "\n```\n");
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("![map](https://example.com/a.png)", 1)]
    [InlineData("![map](//example.com/a.png)", 1)]
    [InlineData("![map](HTTP://example.com/a.png)", 1)]
    [InlineData("[a page](https://example.com/)", 0)] // a link is not blocked: only images are
    [InlineData("![map](/a.png)", 0)]
    [InlineData("![map](a.png)", 0)]
    public void An_image_from_another_site_is_a_warning_that_names_the_policy(string markdown, int warnings)
    {
        var (html, diagnostics) = Render("Text.\n\n" + markdown);
        Assert.Equal(warnings, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.False(d.IsError);
            Assert.Equal(new SourceLocation("content/parks/gaozhu.en.md", FirstLine + 2, 1), d.Location);
            Assert.Contains("Content-Security-Policy (img-src 'self') blocks images from other sites", d.Message);
        });
        Assert.NotEqual("", html); // a warning: the page is still built
    }

    [Fact]
    public void A_build_with_an_external_image_succeeds_with_a_warning_and_fails_with_strict()
    {
        using var site = TestSite.Minimal("-- content/parks/gaozhu.en.md --\n## Overview\n\n![The area](https://example.com/gaozhu.png)\n");
        var result = site.Build();
        Assert.True(result.Succeeded);
        Assert.Contains("is on another site", Assert.Single(result.Diagnostics).Message);
        Assert.False(site.Build(strict: true).Succeeded);
    }
}
