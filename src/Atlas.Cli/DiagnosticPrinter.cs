using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Cli;

/// <summary>
/// Prints diagnostics as <c>path:line:col: error: message</c>, followed (like Hugo and compilers) by the source line
/// and a caret under the column when the file can be read, so an editor sees the problem without opening the file.
/// Control characters in messages, file names and source lines are printed as escapes (<see cref="VisibleText"/>).
/// Messages of one kind (the same words, other quoted values or numbers) are printed
/// <see cref="ExamplesPerKind"/> times, then counted: a thousand languages missing from seventeen texts are one
/// mistake, not 17,000 lines to scroll through. The summary line after them keeps the exact count.
/// </summary>
public static partial class DiagnosticPrinter
{
    public const int ExamplesPerKind = 10;

    /// <summary>Larger files get no excerpt: reading them would cost more than the line is worth.</summary>
    public const long ExcerptFileBytes = 1024 * 1024;

    public static void Print(IEnumerable<Diagnostic> diagnostics, string siteDirectory, TextWriter writer)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        IReadOnlyList<Diagnostic> all = [.. diagnostics];
        var kinds = all.Select(Kind).ToList();
        var totals = kinds.CountBy(kind => kind).ToDictionary(StringComparer.Ordinal);
        var printed = new Dictionary<string, int>(StringComparer.Ordinal);
        string? more = null; // the "... and N more like this" line, printed after the last example's source line
        for (var index = 0; index < all.Count; index++)
        {
            var diagnostic = all[index];
            var kind = kinds[index];
            var shown = printed[kind] = printed.GetValueOrDefault(kind) + 1;
            var examples = CliWriter.IsVerbose(writer) ? int.MaxValue : ExamplesPerKind; // --verbose prints every one
            if (shown > examples)
            {
                continue;
            }

            FlushMore(writer, ref more);
            if (shown == examples && totals[kind] > shown)
            {
                more = string.Create(CultureInfo.InvariantCulture, $"... and {totals[kind] - shown:N0} more like this");
            }

            writer.WriteLine(VisibleText.Escape(diagnostic.ToString()));
            var lines = Lines(diagnostic.Location.Path, siteDirectory, cache);
            var line = diagnostic.Location.Line;
            if (lines is null || line < 1 || line > lines.Length || (line == 1 && diagnostic.Location.Column == 1 && lines.Length == 0))
            {
                continue;
            }

            var text = lines[line - 1].TrimEnd('\r');
            if (text.Length == 0 || text.Length > 300)
            {
                continue;
            }

            var column = Math.Clamp(diagnostic.Location.Column, 1, text.Length + 1);
            var gutter = $"{line,5} | ";
            writer.WriteLine(gutter + VisibleText.Escape(text.Replace('\t', ' ')));
            writer.WriteLine(new string(' ', gutter.Length - 2) + "| " + new string(' ', DisplayWidth(VisibleText.Escape(text[..(column - 1)].Replace('\t', ' ')))) + "^");
        }

        FlushMore(writer, ref more);
    }

    private static void FlushMore(TextWriter writer, ref string? more)
    {
        if (more is not null)
        {
            writer.WriteLine(more);
            more = null;
        }
    }

    /// <summary>
    /// What makes messages "of one kind": the severity and the words of the problem (the message up to its first
    /// "; ", where the advice begins, which often repeats a value unquoted: "has no 'fr' text; add fr: ..."), with the
    /// quoted values and the numbers left out.
    /// </summary>
    public static string Kind(Diagnostic diagnostic)
    {
        var message = diagnostic.Message;
        var advice = message.IndexOf("; ", StringComparison.Ordinal);
        var problem = Quoted().Replace(advice < 0 ? message : message[..advice], "'…'");
        return (diagnostic.IsError ? "error " : "warning ") + Digits().Replace(problem, "#");
    }

    [GeneratedRegex("'[^'\\n]*'|\"[^\"\\n]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private static string[]? Lines(string path, string siteDirectory, Dictionary<string, string[]?> cache)
    {
        if (cache.TryGetValue(path, out var lines))
        {
            return lines;
        }

        // Through the same file policy as the build, so that a line is shown only from a regular file inside the site
        // (never from a link's target outside it, a named pipe or a device), and at most ExcerptFileBytes are read.
        var ignored = new DiagnosticBag();
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), path, ignored, out _);
        var bytes = file is null || file.IsFolder ? null : SourcePolicy.Read(file, ignored, ExcerptFileBytes);
        lines = bytes is null ? null : SourceText.NormalizeNewLines(Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes)).Split('\n');
        cache[path] = lines;
        return lines;
    }

    /// <summary>Chinese characters take two columns in a terminal; the caret must land under the right one.</summary>
    private static int DisplayWidth(string text) =>
        text.Sum(c => c is >= '\u1100' and (<= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6') ? 2 : 1);
}
