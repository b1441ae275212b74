using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Atlas.Building;

namespace Atlas.Cli;

/// <summary>
/// Options every command shares, and numbers read with a message that says what is expected (the library's own
/// names a .NET type: "as expected type 'System.Int32'"). A default is given by DefaultValueFactory only, which help
/// prints once as [default: ...].
/// </summary>
public static class CommonOptions
{
    public static Option<string> Site() => new("--site", "-s")
    {
        Description = "The folder holding site.yml.",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>The build's time limit in seconds; a build that runs longer stops with an error.</summary>
    public static Option<double> Timeout() => new("--timeout")
    {
        Description = "Stop a build that takes longer than this many seconds, with an error; the previous output stays.",
        DefaultValueFactory = _ => BuildOptions.DefaultTimeout.TotalSeconds,
        CustomParser = result => Number(result, "--timeout", 0, 86_400, "a number of seconds above 0 and at most 86400 (a day)", exclusiveMinimum: true),
    };

    /// <summary>A TCP port, 0 (a free one) to 65535.</summary>
    public static Option<int> Port(int fallback) => new("--port", "-p")
    {
        Description = "Port to listen on (0 picks a free one).",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => (int)Number(result, "--port", 0, 65_535, "a whole number from 0 to 65535", wholeNumber: true),
    };

    private static double Number(ArgumentResult result, string option, double minimum, double maximum, string expected,
        bool wholeNumber = false, bool exclusiveMinimum = false)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) &&
                     (!wholeNumber || value == Math.Floor(value)) &&
                     (exclusiveMinimum ? value > minimum : value >= minimum) && value <= maximum;
        if (!parsed)
        {
            result.AddError($"{option} must be {expected}, not '{text}'.");
            return minimum;
        }

        return value;
    }

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);
}
