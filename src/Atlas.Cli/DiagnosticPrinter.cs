using Atlas.Diagnostics;
using Atlas.Reporting;

namespace Atlas.Cli;

/// <summary>
/// Prints diagnostics as <c>path:line:col: error: message</c>, each followed by the source line and a caret under the
/// column when the file can be read, as <see cref="DiagnosticFormatter"/> makes them (the preview's error page shows
/// the same). <see cref="ExamplesPerKind"/> messages of one kind are printed, then counted (every one with --verbose);
/// the summary line after them keeps the exact count.
/// </summary>
public static class DiagnosticPrinter
{
    public const int ExamplesPerKind = DiagnosticFormatter.ExamplesPerKind;

    public static void Print(IEnumerable<Diagnostic> diagnostics, string siteDirectory, TextWriter writer)
    {
        var examples = CliWriter.IsVerbose(writer) ? int.MaxValue : ExamplesPerKind; // --verbose prints every one
        foreach (var shown in DiagnosticFormatter.Format(diagnostics, siteDirectory, examples))
        {
            writer.WriteLine(shown.Message);
            if (shown.Excerpt is not null)
            {
                writer.WriteLine(shown.Excerpt);
                writer.WriteLine(shown.Caret);
            }

            if (shown.More is not null)
            {
                writer.WriteLine(shown.More);
            }
        }
    }

    /// <summary>What makes messages "of one kind" (<see cref="DiagnosticFormatter.Kind"/>).</summary>
    public static string Kind(Diagnostic diagnostic) => DiagnosticFormatter.Kind(diagnostic);
}
