using System.Collections.Immutable;
using System.Diagnostics;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// One build as it runs: its options, clock, stage times, diagnostics and deadline, and the output folder it writes;
/// and the reports it ends with. Shared by the full and the incremental build.
/// </summary>
internal sealed class BuildRun : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public BuildRun(BuildOptions options, DiagnosticBag? diagnostics, CancellationToken cancellation)
    {
        Options = options;
        Diagnostics = diagnostics ?? new DiagnosticBag();
        Deadline = new BuildDeadline(options.Timeout, cancellation);
    }

    public BuildOptions Options { get; }

    public StageClock Stages { get; } = new();

    public DiagnosticBag Diagnostics { get; }

    public BuildDeadline Deadline { get; }

    /// <summary>The full path of the output folder; empty until <see cref="CanWrite"/> found it.</summary>
    public string Output { get; set; } = "";

    /// <summary>The output as the user named it, where problems with it are reported.</summary>
    public SourceLocation OutputLocation(LoadedSite site) => SourceLocation.File(Options.OutputDirectory ?? site.Config.Output);

    /// <summary>Warnings count as errors under --strict.</summary>
    public bool Failing => Diagnostics.HasErrors || (Options.Strict && Diagnostics.WarningCount > 0);

    /// <summary>
    /// True when the site loaded without errors, the time is not up and the output folder may be written: not the
    /// root of a file system, the home folder or a system folder, by its name or where its links lead.
    /// </summary>
    public bool CanWrite(LoadedSite? site)
    {
        if (site is null)
        {
            return false;
        }

        Output = Options.OutputDirectory is { } output
            ? Path.GetFullPath(output)
            : Path.GetFullPath(Path.Combine(site.Config.SiteDirectory, site.Config.Output));
        if (OutOfTime() || Failing)
        {
            return false;
        }

        // The path as named and where it really leads: a link named public/ that points to /etc or the home folder is
        // refused like /etc or the home folder.
        var refusal = OutputPathPolicy.Check(site.Config.SiteDirectory, Output, Options.HomeDirectory);
        try
        {
            refusal ??= OutputPathPolicy.Check(OutputFolder.RealPath(site.Config.SiteDirectory), OutputFolder.RealPath(Output),
                Options.HomeDirectory is { Length: > 0 } home ? OutputFolder.RealPath(home) : null);
        }
        catch (IOException e)
        {
            refusal ??= $"cannot follow the output folder's path ({e.Message}); fix the links or choose another --output.";
        }

        if (refusal is not null)
        {
            Diagnostics.Error(OutputLocation(site), refusal);
            return false;
        }

        return true;
    }

    /// <summary>True (with the error) when the deadline passed during a stage that could not be interrupted.</summary>
    public bool OutOfTime()
    {
        if (!Deadline.Check())
        {
            return false;
        }

        Deadline.Report(Diagnostics, null);
        return true;
    }

    /// <summary>Saves the state beside the output; without it the next incremental build is simply a full one.</summary>
    public void TrySave(SiteState state, byte[]? serialized = null)
    {
        try
        {
            state.Save(Output, serialized);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a saved state the next incremental build is simply a full one.
        }
    }

    public BuildResult Failed() =>
        new(false, Diagnostics.ToSortedList(), ImmutableSortedDictionary<string, int>.Empty, 0, _clock.Elapsed, Output);

    public BuildResult Succeeded(BuildSnapshot snapshot, int written, SlowestPages slowest)
    {
        // Files at the top (the root page, the root 404) belong to no language.
        var perLanguage = snapshot.Site.Pages.GroupBy(p => p.Path.Contains('/') ? p.Language ?? "" : "")
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BuildResult(true, Diagnostics.ToSortedList(), perLanguage, written, _clock.Elapsed, Output)
        {
            Snapshot = snapshot,
            PagesRendered = snapshot.Site.Pages.Length,
            Timings = Stages.Stages,
            SlowestPages = slowest.ToImmutableArray(),
        };
    }

    public void Dispose() => Deadline.Dispose();
}
