using System.Net;
using Atlas.Diagnostics;
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
    private readonly long _stepLimit;
    private long _steps;

    public AtlasTemplateContext(TemplateSet templates, PageState page, ScriptObject builtins, RenderLimits limits, CancellationToken cancellation)
        : base(builtins)
    {
        _templates = templates;
        Page = page;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        LoopLimit = limits.LoopIterations;
        RecursiveLimit = limits.CallDepth;
        _stepLimit = limits.Steps;

        // A value or an output past its limit is an error, never a silently cut page.
        LimitToString = limits.StringCharacters;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = limits.OutputCharacters;
        OnOutputLimit = ScriptLimitBehavior.Throw;

        // Scriban checks the token before every statement and loop step: the build's deadline (or its caller
        // stopping it) ends a render wherever it is.
        CancellationToken = cancellation;
        RegexTimeOut = TimeSpan.FromSeconds(1);
        TemplateLoader = templates.Loader;
        MemberRenamer = member => member.Name; // no .NET object reaches templates; keep names as given
    }

    public PageState Page { get; }

    public void MarkUsed(string templatePath) => Page.UsedTemplates.TryAdd(templatePath, 0);

    /// <summary>
    /// Evaluates a template into the current output, as Scriban's <c>Template.Render</c> does, without then copying
    /// the output into a string and emptying it: an include writes its partial where it stands, the layout writes the
    /// page that is then encoded from the output (<see cref="SafeIncludeFunction"/>, <see cref="PageRenderer"/>).
    /// Templates of a <see cref="TemplateSet"/> parsed without errors, so there are none to check here.
    /// </summary>
    public void WriteTemplate(Template template)
    {
        var source = template.SourceFilePath;
        if (source is not null)
        {
            PushSourceFile(source);
        }

        try
        {
            if (template.Page is { } page && Evaluate(page) is { } result && EnableOutput)
            {
                Write(page.Span, result);
            }
        }
        finally
        {
            if (source is not null)
            {
                PopSourceFile();
            }
        }
    }

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

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (++_steps > _stepLimit)
        {
            throw new RenderLimitException(scriptNode?.Span ?? CurrentSpan,
                $"this page's templates ran more than {VisibleText.Number(_stepLimit)} steps; a loop or a function that calls itself more than once does not end soon enough (each call of f(n-1); f(n-1) doubles the work)");
        }

        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext)
    {
        MarkUsed(templatePath);
        return _templates.Get(templatePath)
               ?? throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, $"template '{templatePath}' does not exist");
    }
}
