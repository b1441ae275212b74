using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// Scriban's <c>include</c>, returning the rendered partial as <see cref="SafeHtml"/>: the partial escaped its own
/// values while rendering, so escaping its output again would double-escape it.
/// </summary>
public sealed class SafeIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _inner = new();

    public int RequiredParameterCount => _inner.RequiredParameterCount;

    public int ParameterCount => _inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

    public Type ReturnType => typeof(SafeHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new SafeHtml(_inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}
