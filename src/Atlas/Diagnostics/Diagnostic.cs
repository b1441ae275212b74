namespace Atlas.Diagnostics;

/// <summary>
/// One problem found in a run: where it is, how serious, and what to do about it.
/// Rendered as <c>path:line:col: error: message</c> so editors and their tools can jump to it.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Message)
{
    public static Diagnostic Error(SourceLocation location, string message) => new(Severity.Error, location, message);

    public static Diagnostic Warning(SourceLocation location, string message) => new(Severity.Warning, location, message);

    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}
