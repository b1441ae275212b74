using Atlas.Diagnostics;

namespace Atlas.Cli;

/// <summary>
/// Prints diagnostics as <c>path:line:col: error: message</c>, followed (like Hugo and compilers) by the source line
/// and a caret under the column when the file can be read, so an editor sees the problem without opening the file.
/// </summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, string siteDirectory, TextWriter writer)
    {
        var cache = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
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
            writer.WriteLine(gutter + text.Replace('\t', ' '));
            writer.WriteLine(new string(' ', gutter.Length - 2) + "| " + new string(' ', DisplayWidth(text[..(column - 1)])) + "^");
        }
    }

    private static string[]? Lines(string path, string siteDirectory, Dictionary<string, string[]?> cache)
    {
        if (cache.TryGetValue(path, out var lines))
        {
            return lines;
        }

        var full = Path.Combine(siteDirectory, path);
        try
        {
            lines = File.Exists(full) && new FileInfo(full).Length < 1024 * 1024 ? File.ReadAllLines(full) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines = null;
        }

        cache[path] = lines;
        return lines;
    }

    /// <summary>Chinese characters take two columns in a terminal; the caret must land under the right one.</summary>
    private static int DisplayWidth(string text) =>
        text.Sum(c => c is >= '\u1100' and (<= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6') ? 2 : 1);
}
