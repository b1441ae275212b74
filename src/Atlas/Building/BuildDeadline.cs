using System.Globalization;
using Atlas.Diagnostics;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// The time a build may take (<see cref="BuildOptions.Timeout"/>), as a token that also carries the caller's own
/// cancellation (a caller stopping the build). Rendering checks the token as it goes; the stages that cannot be interrupted
/// (reading content, Markdown) are bounded by their input limits and checked between stages.
/// </summary>
public sealed class BuildDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public BuildDeadline(TimeSpan? limit, CancellationToken caller)
    {
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        Limit = limit;
        if (limit is { } after)
        {
            _source.CancelAfter(after);
        }
    }

    public TimeSpan? Limit { get; }

    public CancellationToken Token => _source.Token;

    /// <summary>The caller's own cancellation alone: for the stages after rendering, where running out of time is not
    /// checked (they are bounded by what rendering made) but a caller may still stop the build.</summary>
    public CancellationToken Caller => _caller;

    /// <summary>The time is up (as opposed to the caller having cancelled, which is not an error of the build).</summary>
    public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Throws when the caller cancelled; true when the time is up.</summary>
    public bool Check()
    {
        _caller.ThrowIfCancellationRequested();
        if (Limit is { } limit && System.Diagnostics.Stopwatch.GetElapsedTime(_started) >= limit)
        {
            _source.Cancel(); // the timer may not have run yet on a busy machine; the clock decides
        }

        return Expired;
    }

    /// <summary>The error of a build that ran out of time; <paramref name="stoppedAt"/> is where rendering was, if known.</summary>
    public void Report(DiagnosticBag diagnostics, string? stoppedAt)
    {
        var seconds = Limit?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) ?? "?";
        var where = stoppedAt is null ? "" : $"; it stopped while rendering {stoppedAt}";
        diagnostics.Error(SourceLocation.File("--timeout"),
            $"the build did not finish within its time limit of {seconds} s and was stopped{where}. Look for a template or content " +
            "that makes the build slow (build --timings lists the slowest pages), or allow more time with --timeout SECONDS.");
    }

    public void Dispose() => _source.Dispose();
}
