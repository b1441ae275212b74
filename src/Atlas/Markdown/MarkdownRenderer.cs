using Atlas.Diagnostics;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Atlas.Markdown;

/// <summary>
/// Turns an entity's Markdown into safe HTML with one pipeline built once and shared by every thread (Markdig
/// pipelines are immutable). Raw HTML is escaped, not passed through; links with script or data URLs are errors.
/// </summary>
public sealed class MarkdownRenderer
{
    // Not UseAdvancedExtensions: it includes generic attributes ({onclick=...} would reach the output) and media
    // links (third-party iframes). This is the same set minus those two.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub) // keeps Chinese in heading ids: #高竹新区
        .UseCitations()
        .UseCustomContainers()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"];

    /// <summary>
    /// Links to other entities are written <c>[text](ref:collection/slug)</c> and become links to that entity's page
    /// in the same language. The body is rendered once but shown on pages at different depths, so the link starts
    /// with this marker, which the page renderer replaces with the page's relative way back to the site root.
    /// </summary>
    public const string RootMarker = "atlas-root:/";

    public const string ReferenceScheme = "ref:";

    public static readonly MarkdownRenderer Instance = new();

    /// <summary>
    /// Renders <paramref name="markdown"/> of one <paramref name="language"/>; <paramref name="firstLine"/> is the file
    /// line the body starts on; <paramref name="exists"/> tells whether a <c>collection/slug</c> reference resolves.
    /// </summary>
    public RenderedMarkdown Render(string markdown, string path, int firstLine, string language, Func<string, bool> exists,
        DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var safe = true;
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && url.StartsWith(ReferenceScheme, StringComparison.Ordinal))
            {
                var target = url[ReferenceScheme.Length..];
                var hash = target.IndexOf('#');
                var id = hash < 0 ? target : target[..hash];
                if (!exists(id))
                {
                    diagnostics.Error(new SourceLocation(path, link.Line + firstLine, link.Column + 1),
                        $"the link 'ref:{target}' points to no entity; write ref:collection/slug with an existing slug (for example ref:sources/five-years-2025).");
                    safe = false;
                    continue;
                }

                link.Url = $"{RootMarker}{language}/{id}/{(hash < 0 ? "" : target[hash..])}";
                continue;
            }

            safe &= CheckUrl(link.Url, link, path, firstLine, diagnostics);
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            safe &= CheckUrl(link.Url, link, path, firstLine, diagnostics);
        }

        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            safe &= CheckUrl(definition.Url, definition, path, firstLine, diagnostics);
        }

        if (!safe)
        {
            return new RenderedMarkdown("", "");
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new RenderedMarkdown(writer.ToString(), PlainText(document));
    }

    private static bool CheckUrl(string? url, MarkdownObject node, string path, int firstLine, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();
        foreach (var scheme in DangerousSchemes)
        {
            if (compact.StartsWith(scheme, StringComparison.Ordinal))
            {
                diagnostics.Error(new SourceLocation(path, node.Line + firstLine, node.Column + 1),
                    $"links with '{scheme}' URLs are not allowed (they can run code or hide content); link to an http(s) address or a page of the atlas.");
                return false;
            }
        }

        return true;
    }

    /// <summary>The text of the body without markup: inline pieces joined as written, blocks separated by a newline.</summary>
    private static string PlainText(MarkdownDocument document)
    {
        var text = new System.Text.StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is null)
            {
                continue;
            }

            foreach (var inline in block.Inline.Descendants<Inline>())
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                }
            }

            text.Append('\n');
        }

        return text.ToString().Trim();
    }
}
