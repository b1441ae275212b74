using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Content;

/// <summary>Splits a Markdown file into YAML front matter (between two <c>---</c> lines at the top) and the body.</summary>
public static class FrontMatter
{
    public static EntityDocument? Parse(string language, string path, string text, DiagnosticBag diagnostics)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
        {
            return new EntityDocument(language, path, null, text, 1);
        }

        // Find the closing line: "---" alone on a line.
        var lineNumber = 1;
        var position = 4;
        while (position <= text.Length)
        {
            lineNumber++;
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..end];
            if (line.TrimEnd() is "---" or "...")
            {
                var yaml = text[4..position];
                var body = end < 0 ? "" : text[(end + 1)..];
                if (!YamlReader.TryRead(yaml, path, diagnostics, out var root, firstLine: 2))
                {
                    return null;
                }

                if (root is not null and not YamlMapping)
                {
                    diagnostics.Error(root.Location,
                        $"front matter must be a map of fields (like 'summary: ...'), not {root.Shape}.");
                    return null;
                }

                return new EntityDocument(language, path, root as YamlMapping, body, lineNumber + 1);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
        }

        diagnostics.Error(new SourceLocation(path, 1, 1),
            "the front matter opened with '---' on line 1 is never closed; add a line with only '---' after the front matter.");
        return null;
    }
}
