using System.CommandLine;

namespace Atlas.Cli;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static Option<string> Site() => new("--site", "-s")
    {
        Description = "The folder holding site.yml (default: the current folder).",
        DefaultValueFactory = _ => ".",
    };
}
