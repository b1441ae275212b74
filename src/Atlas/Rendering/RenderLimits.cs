namespace Atlas.Rendering;

/// <summary>
/// What one page render may use, so that no template (a runaway loop, an exponential recursion, a string that keeps
/// doubling) can hold a build or its memory for long: each limit ends the render with an error at the template line
/// where it was reached. The defaults are far above what any page of an atlas needs; tests set smaller ones.
/// </summary>
public sealed record RenderLimits
{
    public static readonly RenderLimits Default = new();

    /// <summary>Iterations of one loop together with the loops nested in it (Scriban's loop limit).</summary>
    public int LoopIterations { get; init; } = 100_000;

    /// <summary>Depth of nested function calls and includes (Scriban's recursion limit).</summary>
    public int CallDepth { get; init; } = 64;

    /// <summary>
    /// Steps (template expressions and statements evaluated) per page. Loops and recursion depth are bounded by the
    /// two limits above, but not calls that branch: <c>f(n-1); f(n-1)</c> stays shallow and runs 2^n times.
    /// </summary>
    public long Steps { get; init; } = 10_000_000;

    /// <summary>Characters of one text value a template builds (joined, appended, repeated, converted).</summary>
    public int StringCharacters { get; init; } = 4 * 1024 * 1024;

    /// <summary>Characters a page template, or the layout around it, writes.</summary>
    public int OutputCharacters { get; init; } = 16 * 1024 * 1024;
}
