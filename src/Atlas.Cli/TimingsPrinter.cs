using System.Globalization;
using Atlas.Building;

namespace Atlas.Cli;

/// <summary>What <c>--timings</c> prints after a build or a preview rebuild: each stage, then the slowest pages.</summary>
internal static class TimingsPrinter
{
    public static void Print(BuildResult result, TextWriter stdout)
    {
        foreach (var (stage, time) in result.Timings)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds,8:0} ms  {stage}"));
        }

        foreach (var (path, time) in result.SlowestPages)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds,8:0} ms  rendering /{path} (one of the slowest pages)"));
        }
    }
}
