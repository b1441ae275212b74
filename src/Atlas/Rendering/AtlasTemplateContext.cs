using System.Net;
using Atlas.Markdown;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// The Scriban context of one page render. It escapes every value a template prints unless it is
/// <see cref="SafeHtml"/>, serves includes from the pre-parsed <see cref="TemplateSet"/> (never from disk at render
/// time), and records which templates a page used, for the dependency graph.
/// </summary>
public sealed class AtlasTemplateContext : TemplateContext
{
    private readonly TemplateSet _templates;

    public AtlasTemplateContext(TemplateSet templates, PageState page, ScriptObject builtins)
        : base(builtins)
    {
        _templates = templates;
        Page = page;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        LoopLimit = 100_000;
        RecursiveLimit = 64;
        LimitToString = 0; // no cut-off: in Scriban 7 the limit counts a whole page render; loops and recursion are bounded instead
        RegexTimeOut = TimeSpan.FromSeconds(1);
        TemplateLoader = templates.Loader;
        MemberRenamer = member => member.Name; // no .NET object reaches templates; keep names as given
    }

    public PageState Page { get; }

    public void MarkUsed(string templatePath) => Page.UsedTemplates.TryAdd(templatePath, 0);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is SafeHtml html)
        {
            var value = html.Value;
            if (value.Contains(MarkdownRenderer.RootMarker, StringComparison.Ordinal))
            {
                value = value.Replace(MarkdownRenderer.RootMarker, Page.RootPrefix, StringComparison.Ordinal);
            }

            return base.Write(span, value);
        }

        if (textAsObject is null)
        {
            return this;
        }

        var text = textAsObject as string ?? ObjectToString(textAsObject, false);
        return base.Write(span, WebUtility.HtmlEncode(text));
    }

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext)
    {
        MarkUsed(templatePath);
        return _templates.Get(templatePath)
               ?? throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, $"template '{templatePath}' does not exist");
    }
}
