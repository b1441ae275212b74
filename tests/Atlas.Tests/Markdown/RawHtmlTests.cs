using AngleSharp.Html.Parser;
using Atlas.Tests.Support;

namespace Atlas.Tests.Markdown;

/// <summary>Raw HTML in Markdown: escaped by default; with <c>markdown: allow_html</c>, only the listed bare tags pass.</summary>
public sealed class RawHtmlTests
{
    private const string Body = """
## Overview

Area: 12 km<sup>2</sup>, water is H<sub>2</sub>O, press <kbd>Ctrl</kbd>+<kbd>C</kbd>.

Handlers: <sup onclick="alert(1)">x</sup> and <SUP>upper</SUP> and <sup >spaced</sup>.

Unpaired: <sup>open and </kbd>close.

Script: <script>alert(1)</script> and <img src=x onerror=alert(1)> and <!-- a comment -->.

Line<br>break<br/>and<br />more.

<div onclick="alert(1)">
a block of raw HTML
</div>

<kbd>
</kbd>
""";

    private static AngleSharp.Dom.IElement BuildBody(string? markdownSettings)
    {
        using var site = TestSite.Minimal($"-- content/parks/gaozhu.en.md --\n{Body}");
        if (markdownSettings is not null)
        {
            site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")) + markdownSettings);
        }

        site.BuildOk();
        var document = new HtmlParser().ParseDocument(site.Read("en/parks/gaozhu/index.html"));
        return document.QuerySelector("div.body")!;
    }

    [Fact]
    public void By_default_raw_html_is_shown_as_text()
    {
        var body = BuildBody(null);
        Assert.Empty(body.QuerySelectorAll("sup, sub, kbd, script, img, br, div"));
        Assert.Contains("12 km<sup>2</sup>", body.TextContent); // visible as written
        Assert.Contains("<script>alert(1)</script>", body.TextContent);
    }

    [Fact]
    public void Allowed_tags_pass_bare_and_everything_else_stays_text()
    {
        var body = BuildBody("markdown:\n  allow_html: [sup, kbd, br]\n");

        Assert.Equal(["2"], body.QuerySelectorAll("sup").Select(e => e.TextContent));
        Assert.Equal(["Ctrl", "C"], body.QuerySelectorAll("kbd").Select(e => e.TextContent));
        Assert.Equal(3, body.QuerySelectorAll("br").Length); // <br>, <br/> and <br />
        Assert.Empty(body.QuerySelectorAll("sub, script, img, div, [onclick], [onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("sup, kbd, br"), e => e.Attributes.Length > 0);

        // Not listed, with attributes, in another case, with a space, comments, HTML blocks: all shown as text.
        var text = body.TextContent;
        Assert.Contains("H<sub>2</sub>O", text);
        Assert.Contains("<sup onclick=\"alert(1)\">x</sup>", text); // its </sup> has no bare <sup> to close: text too
        Assert.Contains("<SUP>upper</SUP>", text);
        Assert.Contains("<sup >spaced</sup>", text);
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("<img src=x onerror=alert(1)>", text);
        Assert.Contains("<!-- a comment -->", text);
        Assert.Contains("<sup>open and </kbd>close.", text);
        Assert.Contains("<div onclick=\"alert(1)\">", text);
    }

    [Fact]
    public void Allowed_tags_do_not_switch_off_link_checks()
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", MinimalSiteYml() + "markdown:\n  allow_html: [sup]\n");
        site.Write("content/parks/gaozhu.en.md", "<sup>[x](javascript:alert(1))</sup>\n");
        DiagnosticAssert.HasError(site.Build(), "content/parks/gaozhu.en.md", 1, "links with 'javascript:' URLs are not allowed");
    }

    [Theory]
    [InlineData("markdown:\n  allow_html: sup\n", 27, "'allow_html' in markdown must be a list")]
    [InlineData("markdown:\n  allow: [sup]\n", 27, "unknown key 'allow' in markdown; expected one of: allow_html")]
    [InlineData("markdown:\n  allow_html: [sup, iframe]\n", 27, "'iframe' cannot be allowed in Markdown")]
    [InlineData("markdown:\n  allow_html: [sup, [b]]\n", 27, "each item of allow_html must be a tag name")]
    [InlineData("markdown: [sup]\n", 26, "'markdown' in site.yml must be a map")]
    public void The_allow_list_is_checked(string settings, int line, string message)
    {
        using var site = TestSite.Minimal();
        site.Write("site.yml", MinimalSiteYml() + settings);
        DiagnosticAssert.HasError(site.Build(), "site.yml", line, message);
    }

    private static string MinimalSiteYml() =>
        TestSite.Parse(MinimalSite.Files).Single(f => f.Path == "site.yml").Content;
}
