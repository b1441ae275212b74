using Atlas.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Atlas.Markdown;

/// <summary>
/// Limits on a Markdown body, checked before and right after Markdig parses it. Markdig cannot be interrupted, and
/// some shapes make it slow beyond any build's patience (each '](' without its ')' scans on to the end of the word, so
/// "[a](" repeated 100,000 times takes minutes) or too deep to render (it refuses more than 128 levels with an
/// exception that carries no position). Each limit is far above what prose needs and turns such input into an error
/// at its line and column.
/// </summary>
internal static class MarkdownBounds
{
    /// <summary>Characters of one body: Markdig's cost grows with size even for ordinary shapes (huge tables).</summary>
    public const int MaxCharacters = 250_000;

    /// <summary>Levels of quotes, lists, links and emphasis inside each other (Markdig's renderer stops at 128).</summary>
    public const int MaxNesting = 100;

    /// <summary>'[' open at once in a paragraph, unclosed or nested.</summary>
    public const int MaxOpenBrackets = 32;

    /// <summary>'(' open at once after a link's '](' within one word (a link address ends at a space).</summary>
    public const int MaxOpenParentheses = 32;

    /// <summary>Emphasis marks in one paragraph: Markdig pairs them in time that grows with their square.</summary>
    public const int MaxEmphasisMarks = 2_000;

    /// <summary>A problem at a 0-based line of the body and a 1-based column.</summary>
    public readonly record struct Problem(int Line, int Column, string Message);

    /// <summary>The first shape in <paramref name="markdown"/> that is past a limit, found in one pass over the text.</summary>
    public static Problem? CheckText(string markdown)
    {
        if (markdown.Length > MaxCharacters)
        {
            return new Problem(0, 1, $"this Markdown body is {VisibleText.Number(markdown.Length)} characters long; the atlas renders at most " +
                $"{VisibleText.Number(MaxCharacters)} per file (longer ones take Markdown too long): shorten it or split it into several entities.");
        }

        var lines = markdown.Split('\n');
        var fence = "";
        var brackets = 0;
        var marks = 0;
        for (var number = 0; number < lines.Length; number++)
        {
            var line = lines[number].TrimEnd('\r');
            var trimmed = line.TrimStart(QuoteIndent);
            if (fence.Length > 0)
            {
                // Inside a fenced code block Markdown is text: only the closing fence matters.
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimStart(fence[0]).Trim().Length == 0)
                {
                    fence = "";
                }

                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = new string(trimmed[0], trimmed.Length - trimmed.TrimStart(trimmed[0]).Length);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                brackets = 0; // a blank line ends the paragraph: Markdig parses its inlines on their own
                marks = 0;
                continue;
            }

            if (Prefix(line) is { } deep)
            {
                return new Problem(number, deep, $"quotes and lists are nested more than {MaxNesting} levels deep here; " +
                    "Markdown this deep cannot be rendered: flatten it.");
            }

            var parentheses = 0;
            var inLink = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                switch (c)
                {
                    case '\\':
                        i++; // an escaped character is text
                        break;
                    case ' ' or '\t':
                        parentheses = 0; // a link's address ends at a space
                        inLink = false;
                        break;
                    case '[':
                        if (++brackets > MaxOpenBrackets)
                        {
                            return new Problem(number, i + 1, $"more than {MaxOpenBrackets} '[' are open at once in this paragraph (unclosed or " +
                                "nested); close each '[' with ']', or write \\[ for a bracket that is only text.");
                        }

                        break;
                    case ']':
                        brackets = Math.Max(0, brackets - 1);
                        inLink |= i + 1 < line.Length && line[i + 1] == '(';
                        break;
                    case '(' when inLink:
                        if (++parentheses > MaxOpenParentheses)
                        {
                            return new Problem(number, i + 1, $"more than {MaxOpenParentheses} '(' are open here after a link's '](': close each " +
                                "link's address with ')', or write \\( and \\] for brackets that are only text.");
                        }

                        break;
                    case ')':
                        parentheses = Math.Max(0, parentheses - 1);
                        break;
                    case '*' or '_' or '~' or '^' or '=' or '+':
                        var end = i;
                        while (end + 1 < line.Length && line[end + 1] == c)
                        {
                            end++;
                        }

                        // A run between spaces is text, never emphasis (a list bullet, "a = b"); '=' and '+' mark only in pairs.
                        var before = i == 0 || char.IsWhiteSpace(line[i - 1]);
                        var after = end + 1 >= line.Length || char.IsWhiteSpace(line[end + 1]);
                        if (!(before && after) && (c is not ('=' or '+') || end > i) && ++marks > MaxEmphasisMarks)
                        {
                            return new Problem(number, i + 1, $"this paragraph has more than {VisibleText.Number(MaxEmphasisMarks)} emphasis marks " +
                                "(* _ ~ ^ == ++), which take Markdown too long to pair up; split the paragraph, or write \\* for a mark that is only text.");
                        }

                        i = end;
                        break;
                }
            }
        }

        return null;
    }

    /// <summary>What a line's quote markers and indentation are made of: one array for every line of every body (a new
    /// one per line was half the time this check took).</summary>
    private static readonly char[] QuoteIndent = [' ', '\t', '>'];

    /// <summary>The column where quote and list markers at the start of a line pass the nesting limit, if they do.</summary>
    private static int? Prefix(string line)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            if (i < line.Length && line[i] == '>')
            {
                depth++;
                i++;
            }
            else if (i + 1 < line.Length && line[i] is '-' or '+' or '*' && line[i + 1] is ' ' or '\t')
            {
                depth += 2; // a list and its item
                i++;
            }
            else
            {
                var digits = i;
                while (digits < line.Length && digits - i < 9 && char.IsAsciiDigit(line[digits]))
                {
                    digits++;
                }

                if (digits == i || digits + 1 >= line.Length || line[digits] is not ('.' or ')') || line[digits + 1] is not (' ' or '\t'))
                {
                    return null;
                }

                depth += 2;
                i = digits + 1;
            }

            if (depth > MaxNesting)
            {
                return start + 1;
            }
        }
    }

    [ThreadStatic]
    private static Stack<(MarkdownObject Node, int Depth)>? PendingNodes;

    /// <summary>The first element nested deeper than <see cref="MaxNesting"/>, whatever nests it (indented lists too).</summary>
    public static Problem? CheckTree(MarkdownDocument document)
    {
        // One stack per thread, reused from body to body: a new one grew from empty for every body, and growing it was
        // most of what this walk cost (10,000 entities have 20,000 bodies).
        var pending = PendingNodes ??= new Stack<(MarkdownObject Node, int Depth)>();
        pending.Clear();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxNesting)
            {
                pending.Clear(); // let the document go
                return new Problem(node.Line, node.Column + 1, $"the Markdown here is nested more than {MaxNesting} levels deep (lists, quotes, " +
                    "links or emphasis inside each other); Markdown this deep cannot be rendered: flatten it.");
            }

            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        pending.Push((container[i], depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline parent:
                    for (var child = parent.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return null;
    }
}
