using System.Net;
using Atlas.Diagnostics;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Atlas.Markdown.Background;

/// <summary>
/// The background block of a body: general background that no cited article gives (geography, administrative
/// facts), set apart in a fenced <c>::: background</c> … <c>:::</c> block (Markdig's custom containers). It renders as
/// <c>&lt;aside class="background"&gt;</c> headed by the same label everywhere. Rules: at most one per body, on its own
/// (not inside a list or quote; best at the end of the body), and no citation inside it: it is, by definition, not from the reports.
/// </summary>
public static class BackgroundBlock
{
    public const string Kind = "background";

    /// <summary>Reports every break of the rules; false when there was one.</summary>
    public static bool Check(MarkdownDocument document, Func<string, bool> isCitation, string path, int firstLine, DiagnosticBag diagnostics)
    {
        var ok = true;
        var blocks = document.Descendants<CustomContainer>().Where(c => c.Info == Kind).ToList();
        foreach (var extra in blocks.Skip(1))
        {
            diagnostics.Error(Location(extra, path, firstLine),
                "a body has at most one background block (::: background … :::); put all general background in one block at the end of the body.");
            ok = false;
        }

        foreach (var block in blocks)
        {
            // Where in the body is the editor's choice (at the end reads best); a block inside a list or a quote
            // would not read as set apart.
            if (block.Parent != document)
            {
                diagnostics.Error(Location(block, path, firstLine),
                    "the background block (::: background … :::) stands on its own in the body, not inside a list or a quote; put it after the paragraphs it does not belong to (at the end of the body reads best).");
                ok = false;
            }

            foreach (var link in block.Descendants<LinkInline>().Where(l => l.Url is { } url && isCitation(url)))
            {
                diagnostics.Error(new SourceLocation(path, link.Line + firstLine, link.Column + 1),
                    $"a citation ({link.Url}) inside the background block: the block holds only general background that is not from the cited reports; move what the report supports out of the block, with its citation.");
                ok = false;
            }
        }

        return ok;
    }

    private static SourceLocation Location(Block block, string path, int firstLine) => new(path, block.Line + firstLine, block.Column + 1);

    /// <summary>Markdig's renderer of custom containers, with the background block as a labelled aside.</summary>
    internal sealed class Renderer(string label) : HtmlCustomContainerRenderer
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer obj)
        {
            if (obj.Info != Kind || !renderer.EnableHtmlForBlock)
            {
                base.Write(renderer, obj);
                return;
            }

            renderer.EnsureLine();
            // Named by its label: a landmark needs a name, and the side-by-side page holds one per language.
            renderer.Write("<aside").WriteAttributes(obj).Write(" aria-label=\"").Write(WebUtility.HtmlEncode(label)).Write("\">");
            renderer.Write("<p class=\"background-label\">").Write(WebUtility.HtmlEncode(label)).WriteLine("</p>");
            renderer.WriteChildren(obj);
            renderer.WriteLine("</aside>");
        }
    }
}
