using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Building;

/// <summary>The outcome of a build: its diagnostics, what it wrote (pages per language) and how long it took.</summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> PagesPerLanguage,
    int FilesWritten,
    TimeSpan Elapsed,
    string OutputDirectory,
    DependencyGraph? Graph)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    public int PageCount => PagesPerLanguage.Values.Sum();

    /// <summary>How many pages this build rendered (all of them in a full build; the affected ones in an incremental build).</summary>
    public int PagesRendered { get; init; }

    /// <summary>How long each stage took (full builds), for <c>build --timings</c>.</summary>
    public System.Collections.Immutable.ImmutableArray<(string Stage, TimeSpan Time)> Timings { get; init; } = [];

    /// <summary>What the build read, for the next incremental build; null when the build failed.</summary>
    public SiteState? State { get; init; }
}
