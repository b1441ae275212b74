using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Sources;
using Atlas.Yaml;

namespace Atlas.Reporting;

/// <summary>
/// One diagnostic as an editor is shown it, in the terminal (<c>atlas build</c>, <c>check</c>, <c>serve</c>) and on the
/// preview's error page alike: <see cref="Message"/> is <c>path:line:col: error: message</c>; <see cref="Excerpt"/> the
/// source line with its number in a gutter (<c>   12 | text</c>) and <see cref="Caret"/> the line with a caret under
/// the column, both null when the file or line cannot be shown; <see cref="More"/> ends the examples of one kind
/// ("... and 1,234 more like this"). Every text has its control characters escaped (<see cref="VisibleText"/>).
/// </summary>
public sealed record FormattedDiagnostic(Diagnostic Diagnostic, string Message, string? Excerpt, string? Caret, string? More);

/// <summary>
/// The one formatter of diagnostics for people (like Hugo and compilers: the source line and a caret under the column,
/// so the editor sees the problem without opening the file). Messages of one kind (the same words, other quoted values
/// or numbers) are shown a few times, then counted: a thousand languages missing from seventeen texts are one mistake,
/// not 17,000 lines to scroll through.
/// </summary>
public static partial class DiagnosticFormatter
{
    public const int ExamplesPerKind = 10;

    /// <summary>Larger files get no excerpt: reading them would cost more than the line is worth.</summary>
    public const long ExcerptFileBytes = 1024 * 1024;

    /// <summary>The diagnostics to show, in order, at most <paramref name="examplesPerKind"/> of each kind.</summary>
    public static IReadOnlyList<FormattedDiagnostic> Format(IEnumerable<Diagnostic> diagnostics, string siteDirectory, int examplesPerKind = ExamplesPerKind)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        IReadOnlyList<Diagnostic> all = [.. diagnostics];
        var kinds = all.Select(Kind).ToList();
        var totals = kinds.CountBy(kind => kind).ToDictionary(StringComparer.Ordinal);
        var printed = new Dictionary<string, int>(StringComparer.Ordinal);
        var formatted = new List<FormattedDiagnostic>();
        for (var index = 0; index < all.Count; index++)
        {
            var diagnostic = all[index];
            var kind = kinds[index];
            var shown = printed[kind] = printed.GetValueOrDefault(kind) + 1;
            if (shown > examplesPerKind)
            {
                continue;
            }

            var more = shown == examplesPerKind && totals[kind] > shown
                ? string.Create(CultureInfo.InvariantCulture, $"... and {totals[kind] - shown:N0} more like this")
                : null;
            var (excerpt, caret) = Excerpt(diagnostic, siteDirectory, cache);
            formatted.Add(new FormattedDiagnostic(diagnostic, VisibleText.Escape(diagnostic.ToString()), excerpt, caret, more));
        }

        return formatted;
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

    private static (string? Excerpt, string? Caret) Excerpt(Diagnostic diagnostic, string siteDirectory, Dictionary<string, string[]?> cache)
    {
        var lines = Lines(diagnostic.Location.Path, siteDirectory, cache);
        var line = diagnostic.Location.Line;
        if (lines is null || line < 1 || line > lines.Length || (line == 1 && diagnostic.Location.Column == 1 && lines.Length == 0))
        {
            return (null, null);
        }

        var text = lines[line - 1].TrimEnd('\r');
        if (text.Length == 0 || text.Length > 300)
        {
            return (null, null);
        }

        var column = Math.Clamp(diagnostic.Location.Column, 1, text.Length + 1);
        var gutter = $"{line,5} | ";
        return (gutter + VisibleText.Escape(text.Replace('\t', ' ')),
            new string(' ', gutter.Length - 2) + "| " + new string(' ', DisplayWidth(VisibleText.Escape(text[..(column - 1)].Replace('\t', ' ')))) + "^");
    }

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
