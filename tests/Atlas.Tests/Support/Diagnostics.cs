using Atlas.Building;
using Atlas.Diagnostics;

namespace Atlas.Tests.Support;

public static class DiagnosticAssert
{
    /// <summary>Asserts the build failed with an error at <paramref name="path"/> (and line, if given) whose message contains the fragment.</summary>
    public static Diagnostic HasError(BuildResult result, string path, int? line, string fragment)
    {
        Assert.False(result.Succeeded, "the build should have failed");
        var match = result.Diagnostics.FirstOrDefault(d =>
            d.IsError && d.Location.Path == path && (line is null || d.Location.Line == line) &&
            d.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(match is not null,
            $"expected an error at {path}:{line} containing '{fragment}', got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Matches(@"^[^:]+:\d+:\d+: error: ", match!.ToString());
        return match;
    }
}
