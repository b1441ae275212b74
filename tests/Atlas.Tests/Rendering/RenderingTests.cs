using AngleSharp.Html.Parser;
using Atlas.Tests.Support;

namespace Atlas.Tests.Rendering;

public sealed class RenderingTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Pages_are_written_per_language_with_the_expected_urls()
    {
        using var site = TestSite.Minimal();
        var result = site.BuildOk();
        foreach (var path in new[]
                 {
                     "index.html", "zh/index.html", "en/index.html", "zh/parks/index.html", "en/cities/index.html",
                     "zh/parks/gaozhu/index.html", "en/parks/gaozhu/index.html", "en/cities/chengdu/index.html",
                 })
        {
            Assert.True(site.Exists(path), path);
        }

        // Per language: a home, two collection indexes and three entities; plus the language-neutral root.
        Assert.Equal(6, result.PagesPerLanguage["zh"]);
        Assert.Equal(6, result.PagesPerLanguage["en"]);
        Assert.Equal(13, result.PageCount);
    }

    [Fact]
    public void An_include_renders_its_partial_alike_whether_it_stands_alone_or_its_value_is_used()
    {
        // A statement include writes into the page in place; an assigned one returns the text: same partial, escaped
        // once, and the indent Scriban gives an include after spaces on its line kept.
        using var site = TestSite.Minimal(
            "-- templates/partials/name.html --\n<b>{{ entity.name }} &</b>\n<i>x</i>\n",
            "-- templates/entity.html --\n<p id=\"alone\">{{ include \"partials/name.html\" }}</p>" +
            "<p id=\"value\">{{ x = include \"partials/name.html\"; x }}</p>" +
            "<div id=\"indented\">\n  {{ include \"partials/name.html\" }}</div>\n");
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("en/parks/gaozhu/index.html"));
        var alone = document.GetElementById("alone")!.InnerHtml;
        Assert.Matches("^<b>[^<]+ &amp;</b>\n<i>x</i>\n$", alone);
        Assert.Equal(alone, document.GetElementById("value")!.InnerHtml);
        Assert.Equal("\n  " + alone.Replace("\n<i>", "\n  <i>", StringComparison.Ordinal), document.GetElementById("indented")!.InnerHtml);
    }

    [Theory]
    [InlineData("zh/parks/gaozhu/index.html", "zh-CN")]
    [InlineData("en/parks/gaozhu/index.html", "en")]
    public void The_html_lang_attribute_is_the_language_locale(string path, string locale)
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read(path));
        Assert.Equal(locale, document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Every_page_has_an_alternate_per_language_and_x_default()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("en/parks/gaozhu/index.html"));
        var alternates = document.QuerySelectorAll("link[rel=alternate]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal("https://example.org/atlas/zh/parks/gaozhu/", alternates["zh-CN"]);
        Assert.Equal("https://example.org/atlas/en/parks/gaozhu/", alternates["en"]);
        Assert.Equal("https://example.org/atlas/zh/parks/gaozhu/", alternates["x-default"]);
        Assert.Equal(3, alternates.Count);
    }

    [Fact]
    public void The_language_switcher_links_to_the_same_entity_in_the_other_language()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("zh/parks/gaozhu/index.html"));
        var link = Assert.Single(document.QuerySelectorAll("a.switch"));
        Assert.Equal("../../../en/parks/gaozhu/", link.GetAttribute("href"));
        Assert.Equal("English", link.TextContent);
    }

    [Fact]
    public void A_script_in_a_name_is_escaped_everywhere_it_appears()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.yml --
name: {zh: "<script>alert(1)</script>成都", en: "<img src=x onerror=alert(1)>Chengdu"}
summary: {zh: "\"><script>alert(2)</script>", en: Capital}
coordinates: [104.07, 30.57]
""");
        site.BuildOk();
        foreach (var path in new[] { "zh/cities/chengdu/index.html", "en/cities/chengdu/index.html", "zh/cities/index.html", "en/parks/gaozhu/index.html", "zh/cities/chongqing/index.html" })
        {
            var html = site.Read(path);
            var document = Parser.ParseDocument(html);
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.Empty(document.QuerySelectorAll("img"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }

        var chengdu = Parser.ParseDocument(site.Read("zh/cities/chengdu/index.html"));
        Assert.Equal("<script>alert(1)</script>成都", chengdu.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Raw_html_in_markdown_is_shown_as_text_not_markup()
    {
        using var site = TestSite.Minimal("""
-- content/cities/chengdu.en.md --
Hello <script>alert(1)</script> <b onclick="x()">bold</b>
""");
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("en/cities/chengdu/index.html"));
        Assert.Empty(document.QuerySelectorAll(".body script, .body b"));
        Assert.Contains("<script>alert(1)</script>", document.QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public void Markdown_heading_ids_keep_chinese_and_entity_links_are_relative()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("zh/parks/gaozhu/index.html"));
        Assert.NotNull(document.GetElementById("高竹新区概况"));
        Assert.Equal("../../../zh/cities/chengdu/", document.QuerySelector(".body a")!.GetAttribute("href"));
    }

    [Fact]
    public void Includes_render_once_and_are_not_escaped_twice()
    {
        using var site = TestSite.Minimal("""
-- templates/partials/hello.html --
<b class="partial">{{ site.title }} &amp; {{ "<x>" }}</b>
-- templates/home.html --
<h1>{{ site.title }}</h1>{{ include "partials/hello.html" }}
""");
        site.BuildOk();
        var home = site.Read("en/index.html");
        Assert.Contains("<b class=\"partial\">Test Atlas &amp; &lt;x&gt;</b>", home);
    }

    [Fact]
    public void Values_are_formatted_per_language()
    {
        using var site = TestSite.Minimal("""
-- content/parks/gaozhu.yml --
name: {zh: 川渝高竹新区, en: Gaozhu New Area}
summary: {zh: 跨省新区, en: A new area}
kind: zone
established: 2021-12-14
area: 262.5
cities: [chongqing, chengdu]
""");
        site.BuildOk();
        var zh = site.Read("zh/parks/gaozhu/index.html");
        var en = site.Read("en/parks/gaozhu/index.html");
        Assert.Contains("<dd>2021年12月14日</dd>", zh);
        Assert.Contains("<dd>14 December 2021</dd>", en);
        Assert.Contains("<dd>功能区</dd>", zh);
        Assert.Contains("<dd>Zone</dd>", en);
        Assert.Contains("<dd>重庆、成都</dd>", zh);
        Assert.Contains("<dd>Chongqing, Chengdu</dd>", en);
    }

    [Fact]
    public void Backlinks_appear_on_the_referenced_page_grouped_by_collection()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var chongqing = Parser.ParseDocument(site.Read("en/cities/chongqing/index.html"));
        var link = Assert.Single(chongqing.QuerySelectorAll("ul.backlinks-parks a"));
        Assert.Equal("Gaozhu New Area", link.TextContent);
        Assert.Equal("../../../en/parks/gaozhu/", link.GetAttribute("href"));
        var chengdu = Parser.ParseDocument(site.Read("en/cities/chengdu/index.html"));
        Assert.Equal("Chongqing", Assert.Single(chengdu.QuerySelectorAll("ul.backlinks-cities a")).TextContent);
    }

    [Fact]
    public void An_unknown_template_variable_is_an_error_with_template_path_and_line()
    {
        using var site = TestSite.Minimal("""
-- templates/entity.html --
<h1>{{ entity.name }}</h1>
<p>{{ entity.nmae }}</p>
""");
        DiagnosticAssert.HasError(site.Build(), "templates/entity.html", 2, "nmae");
    }

    [Fact]
    public void A_template_syntax_error_is_reported_with_its_line()
    {
        using var site = TestSite.Minimal("""
-- templates/collection.html --
<h1>{{ collection.title }}</h1>
{{ for e in collection.entities }}
""");
        DiagnosticAssert.HasError(site.Build(), "templates/collection.html", null, "template syntax");
    }

    [Fact]
    public void A_missing_ui_string_is_an_error_not_a_blank()
    {
        using var site = TestSite.Minimal("""
-- templates/home.html --
<h1>{{ t "home.missing" }}</h1>
""");
        DiagnosticAssert.HasError(site.Build(), "templates/home.html", 1, "UI string 'home.missing' is not defined");
    }

    [Fact]
    public void A_key_present_in_one_bundle_only_is_an_error_in_the_other()
    {
        using var site = TestSite.Minimal();
        site.Write("templates/i18n/en.yml", File.ReadAllText(Path.Combine(site.Directory, "templates/i18n/en.yml")) + "extra: {only: here}\n");
        DiagnosticAssert.HasError(site.Build(), "templates/i18n/zh.yml", 1, "missing UI string 'extra.only'");
    }

    [Fact]
    public void Loops_and_recursion_are_bounded()
    {
        using var site = TestSite.Minimal("""
-- templates/home.html --
{{ func f; f; end; f }}
""");
        DiagnosticAssert.HasError(site.Build(), "templates/home.html", 1, "recursive");
    }

    [Fact]
    public void Including_a_missing_partial_names_it()
    {
        using var site = TestSite.Minimal("""
-- templates/home.html --
<h1>x</h1>{{ include "partials/nope.html" }}
""");
        DiagnosticAssert.HasError(site.Build(), "templates/home.html", 1, "there is no templates/partials/nope.html");
    }

    [Fact]
    public void Assets_are_fingerprinted_and_linked_relatively()
    {
        using var site = TestSite.Minimal();
        site.BuildOk();
        var document = Parser.ParseDocument(site.Read("en/parks/gaozhu/index.html"));
        var href = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^\.\./\.\./\.\./assets/style\.[0-9a-f]{10}\.css$", href);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(site.Output, "en/parks/gaozhu", href))));
    }
}
