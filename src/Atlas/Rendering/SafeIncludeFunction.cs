using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// Scriban's <c>include</c>, never escaping what the partial wrote: the partial escaped its own values while rendering,
/// so escaping its output again would double-escape it. An include that is a statement of its own (<c>{{ include "x" }}</c>,
/// every include of the shipped templates) renders the partial straight into the page, as if its text stood there:
/// Scriban's include renders it into a text of its own first, then the page copies it, and on a large site those
/// texts were a good part of all the memory a build allocates. An include whose value is used (assigned, piped,
/// passed on) gets that value, as <see cref="SafeHtml"/>.
/// </summary>
public sealed class SafeIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _inner = new();

    public int RequiredParameterCount => _inner.RequiredParameterCount;

    public int ParameterCount => _inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

    public Type ReturnType => typeof(SafeHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        // Not where Scriban would indent the partial's lines (an include after spaces on its line, AutoIndent).
        if (context is AtlasTemplateContext atlas && callerContext is { Parent: ScriptExpressionStatement } && arguments.Count > 0 &&
            !HasNamedArguments(callerContext) && string.IsNullOrEmpty(context.CurrentIndent))
        {
            RenderInPlace(atlas, callerContext, arguments);
            return null;
        }

        return new SafeHtml(_inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>What Scriban's include does (the same template look-up, recursion limit, local scope and arguments),
    /// writing into the page's output rather than into an output of the partial's own.</summary>
    private static void RenderInPlace(AtlasTemplateContext context, ScriptNode caller, ScriptArray arguments)
    {
        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), caller);
        if (path is null)
        {
            return;
        }

        var template = context.GetOrCreateTemplate(path, caller);
        context.EnterRecursive(caller);
        var indent = context.CurrentIndent;
        context.CurrentIndent = null;
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            context.WriteTemplate(template);
        }
        finally
        {
            context.PopLocal();
            context.CurrentIndent = indent;
            context.ExitRecursive(caller);
        }
    }

    private static bool HasNamedArguments(ScriptNode caller) =>
        caller is IScriptNamedArgumentContainer { NamedArguments.Count: > 0 };
}
