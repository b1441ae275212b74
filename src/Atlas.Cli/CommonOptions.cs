using System.CommandLine;
using System.Globalization;
using Atlas.Building;

namespace Atlas.Cli;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static Option<string> Site() => new("--site", "-s")
    {
        Description = "The folder holding site.yml (default: the current folder).",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>The build's time limit in seconds; a build that runs longer stops with an error.</summary>
    public static Option<double> Timeout()
    {
        var option = new Option<double>("--timeout")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Stop a build that takes longer than this many seconds, with an error (default {BuildOptions.DefaultTimeout.TotalSeconds}); the previous output stays."),
            DefaultValueFactory = _ => BuildOptions.DefaultTimeout.TotalSeconds,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 86_400))
            {
                result.AddError("--timeout must be a number of seconds above 0 and at most 86400 (a day).");
            }
        });
        return option;
    }

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
