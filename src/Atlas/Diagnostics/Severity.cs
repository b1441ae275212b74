namespace Atlas.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is. Errors stop the build; warnings stop it only with --strict.</summary>
public enum Severity
{
    Warning,
    Error,
}
