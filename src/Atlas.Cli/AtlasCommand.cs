using System.CommandLine;
using System.Reflection;

namespace Atlas.Cli;

/// <summary>The <c>atlas</c> command line: parses arguments and hands over to one command class per verb.</summary>
public static class AtlasCommand
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("atlas: builds the Chengdu–Chongqing Cooperation Atlas, a bilingual static site, from content/ and templates/.");
        root.Add(BuildCommand.Create(stdout, stderr));
        root.Add(ServeCommand.Create(stdout, stderr));
        root.Add(CheckCommand.Create(stdout, stderr));
        root.Add(NewCommand.Create(stdout, stderr));
        root.Add(StatusCommand.Create(stdout, stderr));
        root.Add(SchemaCommand.Create(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"atlas: error: {error.Message}");
            }

            stderr.WriteLine("Run 'atlas --help' for usage.");
            return UsageError;
        }

        try
        {
            // Ctrl+C or SIGTERM cancels the command, which then cleans up: the preview deletes its private output
            // folder (tens of thousands of files at 10,000 entities), a build its staging folder. The default grace of
            // 2 s ended the process halfway through that and left the rest in the temporary folder.
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ATLAS_DEBUG") != "1")
        {
            // Editors get a sentence, not a stack trace; ATLAS_DEBUG=1 shows the trace for developers.
            stderr.WriteLine(Atlas.Diagnostics.VisibleText.Escape($"atlas: internal error: {e.GetType().Name}: {e.Message}"));
            stderr.WriteLine("This is a bug in the atlas, not in your content. Run again with ATLAS_DEBUG=1 and report the output.");
            return ContentErrors;
        }
    }

    public static string Version =>
        typeof(AtlasCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
