using System.Collections.Immutable;
using Atlas.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Atlas.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree with positions, reporting problems as diagnostics.
/// Built on YamlDotNet's event parser rather than its object model so that we control what is allowed:
/// anchors and aliases are refused (no "billion laughs"), duplicate keys are errors, depth and size are bounded.
/// </summary>
public static class YamlReader
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 250_000;

    /// <summary>
    /// Reads <paramref name="text"/>. Returns false when a diagnostic was reported. <paramref name="root"/> is null for
    /// an empty document (only comments or nothing). <paramref name="firstLine"/> is the file line the text starts on
    /// (front matter starts on line 2 of its Markdown file).
    /// </summary>
    public static bool TryRead(string text, string path, DiagnosticBag diagnostics, out YamlNode? root, int firstLine = 1)
    {
        var reader = new Reader(text, path, firstLine - 1, diagnostics);
        return reader.TryReadDocument(out root);
    }

    private sealed class Reader(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        private readonly Parser _parser = new(new StringReader(text));
        private int _nodes;
        private bool _failed;

        public bool TryReadDocument(out YamlNode? root)
        {
            root = null;
            try
            {
                _parser.Consume<StreamStart>();
                if (_parser.TryConsume<StreamEnd>(out _))
                {
                    return true;
                }

                _parser.Consume<DocumentStart>();
                root = ReadNode(0);
                if (_failed)
                {
                    root = null;
                    return false;
                }

                _parser.Consume<DocumentEnd>();
                if (_parser.Accept<DocumentStart>(out var second))
                {
                    Report(second.Start, "the file holds more than one YAML document ('---' separator); keep one document per file.");
                    root = null;
                    return false;
                }

                if (root is YamlScalar { IsNull: true })
                {
                    root = null;
                }

                return true;
            }
            catch (YamlException e)
            {
                var message = Explain(e);
                var location = Locate(e.Start);
                if (message.StartsWith("a tab character", StringComparison.Ordinal) && FirstTabLine((int)e.Start.Line) is { } tabLine)
                {
                    location = new SourceLocation(path, tabLine.Line + lineOffset, tabLine.Column);
                }

                _failed = true;
                diagnostics.Error(location, message);
                root = null;
                return false;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner throws these on some malformed input (an unclosed flow map at the end of the
                // file); they are still the editor's YAML, not our bug: report where parsing stopped.
                _failed = true;
                var mark = _parser.Current?.End ?? Mark.Empty;
                diagnostics.Error(Locate(mark),
                    "the YAML ends in the middle of a value; check for an unclosed { [ or quote before this point.");
                root = null;
                return false;
            }
        }

        private YamlNode? ReadNode(int depth)
        {
            if (_failed)
            {
                return null;
            }

            if (depth > MaxDepth)
            {
                Report(_parser.Current!.Start, $"the YAML is nested more than {MaxDepth} levels deep; flatten it.");
                return null;
            }

            if (++_nodes > MaxNodes)
            {
                Report(_parser.Current!.Start, $"the YAML holds more than {MaxNodes:N0} values; split the file.");
                return null;
            }

            var current = _parser.Current;
            if (current is AnchorAlias alias)
            {
                Report(alias.Start, $"aliases (*{alias.Value}) are not allowed in atlas files; write the value out in full.");
                return null;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                Report(anchored.Start, $"anchors (&{anchored.Anchor}) are not allowed in atlas files; write each value out in full.");
                return null;
            }

            switch (current)
            {
                case Scalar scalar:
                    _parser.MoveNext();
                    return new YamlScalar(Locate(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);

                case SequenceStart start:
                {
                    _parser.MoveNext();
                    var items = ImmutableArray.CreateBuilder<YamlNode>();
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        var item = ReadNode(depth + 1);
                        if (item is null)
                        {
                            return null;
                        }

                        items.Add(item);
                    }

                    return new YamlSequence(Locate(start.Start), items.ToImmutable());
                }

                case MappingStart start:
                {
                    _parser.MoveNext();
                    var entries = ImmutableArray.CreateBuilder<KeyValuePair<YamlScalar, YamlNode>>();
                    var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyEvent = _parser.Current!;
                        var key = ReadNode(depth + 1);
                        if (key is null)
                        {
                            return null;
                        }

                        if (key is not YamlScalar scalarKey)
                        {
                            Report(keyEvent.Start, "a key must be a plain name, not a list or a map.");
                            return null;
                        }

                        if (seen.TryGetValue(scalarKey.Value, out var first))
                        {
                            Report(keyEvent.Start, $"duplicate key '{scalarKey.Value}' (first set on line {first.Line}); keep only one.");
                            return null;
                        }

                        seen[scalarKey.Value] = scalarKey.Location;
                        var value = ReadNode(depth + 1);
                        if (value is null)
                        {
                            return null;
                        }

                        entries.Add(new(scalarKey, value));
                    }

                    return new YamlMapping(Locate(start.Start), entries.ToImmutable());
                }

                default:
                    Report(current!.Start, $"unexpected YAML ({current.GetType().Name}).");
                    return null;
            }
        }

        private SourceLocation Locate(Mark mark) =>
            new(path, (int)Math.Max(1, mark.Line) + lineOffset, (int)Math.Max(1, mark.Column));

        private void Report(Mark mark, string message)
        {
            _failed = true;
            diagnostics.Error(Locate(mark), message);
        }

        private string Explain(YamlException e)
        {
            var line = LineAt((int)e.Start.Line);
            var message = e.Message;
            if (line.Contains('\t') || message.Contains("tab", StringComparison.OrdinalIgnoreCase))
            {
                return "a tab character is used here; YAML indents with spaces only. Replace the tab with spaces.";
            }

            if (message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
            {
                return "a quoted value is not closed; add the closing quote (\" or ') at the end of the value.";
            }

            if (message.Contains("block collection", StringComparison.OrdinalIgnoreCase) ||
                message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            {
                return "the YAML structure is broken here (check the indentation, and quote values that contain ': ').";
            }

            // The parser's other common complaints, in words that say what to change (found by fuzzing: these are
            // the messages mistyped content files produce most).
            foreach (var (fragment, explanation) in Explanations)
            {
                if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    return explanation;
                }
            }

            // Fall back to the parser's own words: better than nothing, still with file and line.
            var detail = e.InnerException?.Message ?? message;
            var paren = detail.IndexOf("):", StringComparison.Ordinal);
            if (detail.StartsWith('(') && paren > 0)
            {
                detail = detail[(paren + 2)..].Trim();
            }

            return $"invalid YAML: {detail.TrimEnd('.')}. Check the syntax on this line.";
        }

        private static readonly (string Fragment, string Explanation)[] Explanations =
        [
            ("found invalid mapping",
                "a value here contains ': ', which YAML reads as the start of another key; put the value in quotes (\"...\"), or, if this line is a key of its own, line it up with the keys above it."),
            ("did not find expected key",
                "this line does not fit the map it is in: the keys of one map start in the same column, and nothing may follow a closing quote, ] or } on its line. Check the indentation here and the end of the line above."),
            ("did not find expected ',' or '}'",
                "a { } map needs a comma between its entries and a closing }: write {zh: ..., en: ...}, and quote texts that contain , : [ ] { or }."),
            ("did not find expected ',' or ']'",
                "a [ ] list needs a comma between its items and a closing ]: write [a, b], and quote items that contain , : [ ] { or }."),
            ("cannot start any token",
                "a value starts with a character YAML reserves (such as @, ` or %); put the value in quotes (\"...\")."),
            ("anchor or alias",
                "& and * start anchors and aliases, which atlas files do not use; if this is text, put it in quotes (\"...\")."),
            ("did not find expected <document",
                "unexpected text after the data: check the indentation of this line, or quote the value on the line above if it contains ': '."),
            ("did not find expected node content",
                "a value is missing here, or starts with a character YAML reserves; write the value, or put it in quotes (\"...\")."),
            ("could not find expected ':'",
                "a key here has no ':' after it (write key: value), or a value runs over several lines without quotes."),
            ("unexpected end of stream",
                "the file ends in the middle of a value; check for an unclosed quote, [ or { before this point."),
        ];

        /// <summary>The parser reports a tab where it gives up, often the line before; point at the tab itself.</summary>
        private (int Line, int Column)? FirstTabLine(int fromLine)
        {
            var lines = text.Split('\n');
            for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
            {
                var tab = lines[i].IndexOf('\t');
                if (tab >= 0)
                {
                    return (i + 1, tab + 1);
                }
            }

            return null;
        }

        private string LineAt(int line)
        {
            var start = 0;
            for (var current = 1; current < line && start < text.Length; current++)
            {
                var next = text.IndexOf('\n', start);
                if (next < 0)
                {
                    return "";
                }

                start = next + 1;
            }

            var end = text.IndexOf('\n', start);
            return end < 0 ? text[start..] : text[start..end];
        }
    }
}
