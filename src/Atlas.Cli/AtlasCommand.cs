using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Atlas.Cli;

/// <summary>The <c>atlas</c> command line: parses arguments and hands over to one command class per verb.</summary>
public static class AtlasCommand
{
    /// <summary>Exit codes, as Hugo, Zola and dotnet tools use them (printed by --help and listed in the README).</summary>
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    public const string Name = "atlas";

    public static readonly string ExitCodesHelp =
        "Exit codes:\n" +
        "  0  success\n" +
        "  1  problems in the content or templates (each printed as path:line:col: error: ...)\n" +
        "  2  usage: an unknown command or option, or a bad option value\n" +
        "  3  internal error: a bug in the atlas (please report it; --verbose shows the details)";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Every command prints through these: --quiet mutes the first, --verbose marks the second.
        var output = new CliWriter(stdout);
        var errors = new CliWriter(stderr);
        var root = new RootCommand("atlas: builds the Chengdu–Chongqing Cooperation Atlas, a bilingual static site, from content/ and templates/.")
        {
            HelpName = Name, // the usage line says atlas, as every message does, whatever the executable is called
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings: no summaries, no progress.", Recursive = true };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Print every diagnostic (not ten of each kind) and, for an internal error, its stack trace.", Recursive = true,
        };
        root.Add(quiet);
        root.Add(verbose);
        root.Add(BuildCommand.Create(output, errors));
        root.Add(ServeCommand.Create(output, errors));
        root.Add(CheckCommand.Create(output, errors));
        root.Add(NewCommand.Create(output, errors));
        root.Add(StatusCommand.Create(output, errors));
        root.Add(SchemaCommand.Create(output, errors));
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } helpOption)
        {
            helpOption.Action = new HelpWithExitCodes(help);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var message in UsageErrors.Describe(parsed))
            {
                stderr.WriteLine(Atlas.Diagnostics.VisibleText.Escape($"atlas: error: {message}"));
            }

            stderr.WriteLine($"Run '{UsageErrors.CommandLine(parsed)} --help' for usage.");
            return UsageError;
        }

        output.Muted = errors.Quiet = parsed.GetValue(quiet);
        errors.Verbose = output.Verbose = parsed.GetValue(verbose) || Environment.GetEnvironmentVariable("ATLAS_DEBUG") == "1";
        try
        {
            // Ctrl+C or SIGTERM cancels the command, which then cleans up: the preview deletes its private output
            // folder (tens of thousands of files at 10,000 entities), a build its staging folder. The default grace of
            // 2 s ended the process halfway through that and left the rest in the temporary folder.
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output, Error = errors, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (Exception e)
        {
            // Editors get a sentence, not a stack trace; --verbose (or ATLAS_DEBUG=1) shows the trace for developers.
            stderr.WriteLine(Atlas.Diagnostics.VisibleText.Escape($"atlas: internal error: {e.GetType().Name}: {e.Message}"));
            if (errors.Verbose)
            {
                stderr.WriteLine(Atlas.Diagnostics.VisibleText.Escape(e.ToString()));
                stderr.WriteLine("This is a bug in the atlas, not in your content: please report it with the output above and the command you ran.");
            }
            else
            {
                stderr.WriteLine("This is a bug in the atlas, not in your content: please report it, with the output of the same command run again with --verbose.");
            }

            return InternalError;
        }
    }

    /// <summary>The library's help, then the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodesHelp);
            parseResult.InvocationConfiguration.Output.WriteLine();
            return exit;
        }
    }

    public static string Version =>
        typeof(AtlasCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
