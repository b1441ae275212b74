using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Atlas.Rendering;

/// <summary>
/// Template functions that call their delegate directly. Scriban calls a delegate it imports through reflection
/// (<c>Delegate.DynamicInvoke</c>) at every call, and templates call <c>t</c>, <c>url</c> and <c>asset</c> dozens of
/// times per page. Scriban still prepares the arguments as for any imported delegate (the context as the first
/// argument, each value converted to its parameter's type), so a template sees the same function.
/// </summary>
internal static class TypedFunctions
{
    /// <summary>Adds <paramref name="function"/> to <paramref name="functions"/> as <paramref name="name"/>, read-only (as Scriban's import does).</summary>
    public static void Add<T1, TResult>(ScriptObject functions, string name, Func<T1, TResult> function) =>
        functions.SetValue(name, new Function<T1, TResult>(function), readOnly: true);

    public static void Add<T1, T2, TResult>(ScriptObject functions, string name, Func<T1, T2, TResult> function) =>
        functions.SetValue(name, new Function<T1, T2, TResult>(function), readOnly: true);

    public static void Add<T1, T2, T3, TResult>(ScriptObject functions, string name, Func<T1, T2, T3, TResult> function) =>
        functions.SetValue(name, new Function<T1, T2, T3, TResult>(function), readOnly: true);

    public static void Add<T1, T2, T3, T4, TResult>(ScriptObject functions, string name, Func<T1, T2, T3, T4, TResult> function) =>
        functions.SetValue(name, new Function<T1, T2, T3, T4, TResult>(function), readOnly: true);

    private sealed class Function<T1, TResult>(Func<T1, TResult> function) : DelegateCustomFunction(function)
    {
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((T1)arguments[0]!);
    }

    private sealed class Function<T1, T2, TResult>(Func<T1, T2, TResult> function) : DelegateCustomFunction(function)
    {
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((T1)arguments[0]!, (T2)arguments[1]!);
    }

    private sealed class Function<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> function) : DelegateCustomFunction(function)
    {
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((T1)arguments[0]!, (T2)arguments[1]!, (T3)arguments[2]!);
    }

    private sealed class Function<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> function) : DelegateCustomFunction(function)
    {
        protected override object? InvokeImpl(TemplateContext context, SourceSpan span, object?[] arguments) =>
            function((T1)arguments[0]!, (T2)arguments[1]!, (T3)arguments[2]!, (T4)arguments[3]!);
    }
}
