using System.CommandLine;
using System.CommandLine.Parsing;

namespace Atlas.Cli;

/// <summary>
/// The messages for a command line that does not parse, with a suggestion for a mistyped command or option ("did you
/// mean"), as git, Hugo and dotnet print them.
/// </summary>
public static class UsageErrors
{
    public static IEnumerable<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in parsed.UnmatchedTokens)
        {
            var option = token.StartsWith('-');
            var valueOfPrevious = !option && previous is not null && previous.StartsWith('-') && !previous.Contains('=');
            previous = token;
            if (valueOfPrevious)
            {
                continue; // "--outptu x": x is the mistyped option's value, not a second mistake
            }

            var candidates = option
                ? Options(parsed.CommandResult).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var name = option ? token.Split('=')[0] : token;
            var kind = option ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            yield return Nearest(name, candidates) is { } suggestion
                ? $"unknown {kind} '{token}'; did you mean '{suggestion}'?"
                : $"unknown {kind} '{token}'; see the list with --help.";
        }

        var needsCommand = command.Subcommands.Count > 0 && command.Action is null;
        if (needsCommand && unmatched.Count == 0)
        {
            yield return $"a command is needed: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.";
        }

        foreach (var error in parsed.Errors)
        {
            // The library's own message for the tokens above is replaced by the one with a suggestion, and its
            // "Required command was not provided." by the list of commands.
            var aboutToken = unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));
            var aboutCommand = needsCommand && error.SymbolResult == parsed.CommandResult;
            if (!aboutToken && !aboutCommand)
            {
                yield return error.Message;
            }
        }
    }

    /// <summary>The command as typed so far ("atlas build"), for the "Run '... --help'" line.</summary>
    public static string CommandLine(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var command })
            {
                names.Add(command is RootCommand ? AtlasCommand.Name : command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static IEnumerable<Option> Options(CommandResult result)
    {
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var command })
            {
                foreach (var option in command.Options.Where(o => !o.Hidden && (current == result || o.Recursive)))
                {
                    yield return option;
                }
            }
        }
    }

    /// <summary>The candidate closest to <paramref name="typed"/> by edit distance, if close enough to be a typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        // A third of the word may be wrong (at least two letters: "buidl", "--outptu"), or it is a prefix ("--out").
        var allowed = Math.Max(2, typed.TrimStart('-').Length / 3);
        return best.Name is not null && (best.Distance <= allowed || (typed.Length > 3 && best.Name.StartsWith(typed, StringComparison.Ordinal)))
            ? best.Name
            : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
