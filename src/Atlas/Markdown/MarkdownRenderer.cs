using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Markdown.Background;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Atlas.Markdown;

/// <summary>
/// Turns an entity's Markdown into safe HTML with pipelines built once and shared by every thread (Markdig
/// pipelines are immutable). Raw HTML is escaped, not passed through, unless site.yml allows some tags (then only
/// those bare tags pass); links with script or data URLs are errors.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>The default: raw HTML is not even parsed as HTML, so it stays text and is escaped.</summary>
    private static readonly MarkdownPipeline EscapingPipeline = Deep(Extensions(new MarkdownPipelineBuilder()).DisableHtml()).Build();

    /// <summary>With an allow-list: HTML is parsed so that allowed tags can be told apart, then all else is escaped.</summary>
    private static readonly MarkdownPipeline HtmlPipeline = Deep(Extensions(new MarkdownPipelineBuilder())).Build();

    /// <summary>Markdig's own depth limit for rendering, which the parsed tree is checked against before rendering.</summary>
    private const int RenderDepthLimit = 128;

    /// <summary>
    /// Parsing may go deeper than rendering: Markdig's exception for too deep input names no line, so the parsed tree is
    /// checked (<see cref="MarkdownBounds.CheckTree"/>) and too deep input refused at the element that is too deep.
    /// </summary>
    private static MarkdownPipelineBuilder Deep(MarkdownPipelineBuilder builder)
    {
        builder.MaximumNestingDepth = 1024;
        return builder;
    }

    // Not UseAdvancedExtensions: it includes generic attributes ({onclick=...} would reach the output) and media
    // links (third-party iframes). This is the same set minus those two.
    private static MarkdownPipelineBuilder Extensions(MarkdownPipelineBuilder builder) => builder
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
        .UseCjkFriendlyEmphasis();

    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"];

    /// <summary>
    /// Links to other entities are written <c>[text](ref:collection/slug)</c> and become links to that entity's page
    /// in the same language. The body is rendered once but shown on pages at different depths, so the link starts
    /// with this marker, which the page renderer replaces with the page's relative way back to the site root.
    /// </summary>
    public const string RootMarker = "atlas-root:/";

    public const string ReferenceScheme = "ref:";

    /// <summary>The renderer without raw HTML, as when site.yml has no <c>markdown: allow_html</c>.</summary>
    public static readonly MarkdownRenderer Instance = new([]);

    private readonly MarkdownPipeline _pipeline;
    private readonly ImmutableHashSet<string> _allowedTags;

    private MarkdownRenderer(IEnumerable<string> allowHtml)
    {
        // The exact tags that may pass: "<sup>" and "</sup>", for void elements also "<br/>" and "<br />".
        var tags = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var name in allowHtml.Where(MarkdownConfig.Allowable.Contains))
        {
            tags.Add($"<{name}>");
            if (MarkdownConfig.Void.Contains(name))
            {
                tags.Add($"<{name}/>");
                tags.Add($"<{name} />");
            }
            else
            {
                tags.Add($"</{name}>");
            }
        }

        _allowedTags = tags.ToImmutable();
        _pipeline = _allowedTags.IsEmpty ? EscapingPipeline : HtmlPipeline;
    }

    /// <summary>The renderer for a site's <c>markdown</c> settings.</summary>
    public static MarkdownRenderer For(MarkdownConfig config) => config.AllowHtml.IsEmpty ? Instance : new(config.AllowHtml);

    /// <summary>
    /// Renders <paramref name="markdown"/> of one <paramref name="language"/>; <paramref name="firstLine"/> is the file
    /// line the body starts on; <paramref name="exists"/> tells whether a <c>collection/slug</c> reference resolves.
    /// </summary>
    public RenderedMarkdown Render(string markdown, string path, int firstLine, string language, Func<string, bool> exists,
        DiagnosticBag diagnostics) => Render(markdown, path, firstLine, language, new ProseContext(exists), diagnostics);

    /// <summary>
    /// Renders <paramref name="markdown"/> of one <paramref name="language"/> against <paramref name="context"/>: links
    /// to a cited collection with empty text (<c>[](ref:sources/slug)</c>) get the generated citation label, and typed
    /// text there is an error; the background block is checked and labelled (see <see cref="BackgroundBlock"/>).
    /// </summary>
    public RenderedMarkdown Render(string markdown, string path, int firstLine, string language, ProseContext context,
        DiagnosticBag diagnostics)
    {
        if (MarkdownBounds.CheckText(markdown) is { } tooMuch)
        {
            diagnostics.Error(new SourceLocation(path, tooMuch.Line + firstLine, tooMuch.Column), tooMuch.Message);
            return new RenderedMarkdown("", "");
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // A shape the checks above did not foresee; Markdig does not say where.
            diagnostics.Error(new SourceLocation(path, firstLine, 1), "this Markdown body is nested too deeply for Markdown to parse " +
                "(lists, quotes, links or emphasis inside each other, or a very large table); flatten it.");
            return new RenderedMarkdown("", "");
        }

        if (MarkdownBounds.CheckTree(document) is { } tooDeep)
        {
            diagnostics.Error(new SourceLocation(path, tooDeep.Line + firstLine, tooDeep.Column), tooDeep.Message);
            return new RenderedMarkdown("", "");
        }

        if (!_allowedTags.IsEmpty)
        {
            EscapeHtmlNotAllowed(document);
        }

        bool IsCitation(string url) => url.StartsWith(ReferenceScheme, StringComparison.Ordinal) &&
                                       url.IndexOf('/', ReferenceScheme.Length) is var slash and > 0 &&
                                       context.IsCited(url[ReferenceScheme.Length..slash]);

        var safe = BackgroundBlock.Check(document, IsCitation, path, firstLine, diagnostics);
        // Links and autolinks in one walk over the inlines (autolinks checked after the links, as before): each walk of a
        // whole document was a tenth of the time a body took to render.
        var autolinks = new List<AutolinkInline>();
        foreach (var inline in InlinesInOrder(document))
        {
            if (inline is AutolinkInline autolink)
            {
                autolinks.Add(autolink);
                continue;
            }

            if (inline is not LinkInline link)
            {
                continue;
            }

            if (link.Url is { } url && url.StartsWith(ReferenceScheme, StringComparison.Ordinal))
            {
                var target = url[ReferenceScheme.Length..];
                var hash = target.IndexOf('#');
                var id = hash < 0 ? target : target[..hash];
                if (!context.Exists(id))
                {
                    diagnostics.Error(new SourceLocation(path, link.Line + firstLine, link.Column + 1),
                        $"the link 'ref:{target}' points to no entity; write ref:collection/slug with an existing slug (for example ref:sources/five-years-2025).");
                    safe = false;
                    continue;
                }

                if (!link.IsImage && IsCitation(url))
                {
                    safe &= Cite(link, id, context, path, firstLine, diagnostics);
                }

                link.Url = $"{RootMarker}{language}/{id}/{(hash < 0 ? "" : target[hash..])}";
                continue;
            }

            safe &= CheckUrl(link.Url, link, path, firstLine, diagnostics);
            if (link.IsImage && IsExternal(link.Url))
            {
                diagnostics.Warning(new SourceLocation(path, link.Line + firstLine, link.Column + 1),
                    $"the image '{link.Url}' is on another site, and the pages' Content-Security-Policy (img-src 'self') blocks images " +
                    "from other sites: readers would see a broken image. Link to it instead (drop the '!'), or put the image in the " +
                    "site (templates/assets/) and show it from a template.");
            }
        }

        foreach (var link in autolinks)
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
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new BackgroundBlock.Renderer(context.BackgroundLabel));
        renderer.MaximumNestingDepth = RenderDepthLimit;
        renderer.Render(document);
        writer.Flush();
        return new RenderedMarkdown(writer.ToString(), PlainText(document));
    }

    /// <summary>
    /// A citation: the link's text is the label generated from the cited entity's data (its short label and date), so
    /// that every citation of one source reads the same; text typed between the brackets is an error.
    /// </summary>
    private static bool Cite(LinkInline link, string id, ProseContext context, string path, int firstLine, DiagnosticBag diagnostics)
    {
        var location = new SourceLocation(path, link.Line + firstLine, link.Column + 1);
        if (link.Descendants<Inline>().Any(i => i is not LiteralInline literal || !literal.Content.IsEmptyOrWhitespace()))
        {
            diagnostics.Error(location, $"a citation's label is generated from the source's data: write [](ref:{id})");
            return false;
        }

        if (context.CitationLabel(id) is not { } label)
        {
            diagnostics.Error(location, $"{id} has no citation label in this language; it needs 'short:' (in every language) and 'date:' in content/{id}.yml, and the UI strings citation.before_date and format.date.* in this language's bundle.");
            return false;
        }

        while (link.FirstChild is { } child)
        {
            child.Remove();
        }

        link.AppendChild(new LiteralInline(label));
        return true;
    }

    /// <summary>
    /// Turns every piece of raw HTML that is not exactly an allowed bare tag back into text, which the renderer then
    /// escapes: attributes, comments, processing instructions and HTML blocks never reach the page. Allowed tags must
    /// also pair up within their paragraph (or heading, or cell): a stray opening or closing tag stays text, so the
    /// page's own markup around the body cannot be closed or left open from Markdown.
    /// </summary>
    private void EscapeHtmlNotAllowed(MarkdownDocument document)
    {
        foreach (var leaf in document.Descendants<LeafBlock>().Where(b => b.Inline is not null).ToList())
        {
            var open = new List<HtmlInline>();
            var text = new List<HtmlInline>();
            foreach (var html in leaf.Inline!.Descendants<HtmlInline>())
            {
                var tag = html.Tag;
                if (!_allowedTags.Contains(tag))
                {
                    text.Add(html);
                }
                else if (tag.StartsWith("</", StringComparison.Ordinal))
                {
                    var opener = open.FindLastIndex(o => o.Tag == "<" + tag[2..]);
                    if (opener < 0)
                    {
                        text.Add(html);
                    }
                    else
                    {
                        text.AddRange(open.Skip(opener + 1)); // opened inside and never closed
                        open.RemoveRange(opener, open.Count - opener);
                    }
                }
                else if (!tag.EndsWith("/>", StringComparison.Ordinal) && !MarkdownConfig.Void.Contains(tag[1..^1]))
                {
                    open.Add(html);
                }
            }

            foreach (var html in text.Concat(open))
            {
                html.ReplaceBy(new LiteralInline(html.Tag));
            }
        }

        foreach (var block in document.Descendants<HtmlBlock>().ToList())
        {
            var inline = new ContainerInline();
            inline.AppendChild(new LiteralInline(block.Lines.ToString()));
            var paragraph = new ParagraphBlock { Inline = inline, Line = block.Line, Column = block.Column };
            var parent = block.Parent!;
            parent[parent.IndexOf(block)] = paragraph;
        }
    }

    /// <summary>An address on another host: http(s) or ftp, or protocol-relative (//host/...). (data: is refused as dangerous.)</summary>
    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("//", StringComparison.Ordinal) ||
                            url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ||
                            url.StartsWith("ftp:", StringComparison.OrdinalIgnoreCase));

    private static bool CheckUrl(string? url, MarkdownObject node, string path, int firstLine, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();

        // The engine's marker for the way back to the site root: written by an editor, it would become whatever
        // follows it on a page at the root ("atlas-root:/javascript:..." -> "javascript:...").
        if (compact.StartsWith(RootMarker[..^1], StringComparison.Ordinal))
        {
            diagnostics.Error(new SourceLocation(path, node.Line + firstLine, node.Column + 1),
                $"'{RootMarker[..^1]}' is the atlas's own link scheme; link to an entity with ref:collection/slug or to an http(s) address.");
            return false;
        }
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
        var blocks = new Stack<Block>();
        var inlines = new Stack<Inline>();
        blocks.Push(document);
        while (blocks.Count > 0)
        {
            // Leaf blocks in document order (depth first), each one's inlines in order, as Markdig's Descendants gives them.
            var next = blocks.Pop();
            if (next is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    blocks.Push(container[i]);
                }

                continue;
            }

            if (next is not LeafBlock { Inline: { } root })
            {
                continue;
            }

            PushChildren(inlines, root);
            while (inlines.Count > 0)
            {
                var inline = inlines.Pop();
                if (inline is ContainerInline children)
                {
                    PushChildren(inlines, children);
                }

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

    private static void PushChildren(Stack<Inline> pending, ContainerInline parent)
    {
        for (var child = parent.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push(child);
        }
    }

    /// <summary>
    /// Every inline of the document in Markdig's order (leaf blocks depth first, each one's inlines depth first), without
    /// the leaf blocks' root containers. An inline's children are read after it is handed out, so a caller may replace
    /// them (a citation's label) and the walk goes on with the new ones, as with Markdig's Descendants.
    /// </summary>
    private static IEnumerable<Inline> InlinesInOrder(MarkdownDocument document)
    {
        var pending = new Stack<MarkdownObject>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Inline inline:
                    yield return inline;
                    if (inline is ContainerInline container)
                    {
                        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case ContainerBlock blocks:
                    for (var i = blocks.Count - 1; i >= 0; i--)
                    {
                        pending.Push(blocks[i]);
                    }

                    break;
                case LeafBlock { Inline: { } root }:
                    for (var child = root.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}
