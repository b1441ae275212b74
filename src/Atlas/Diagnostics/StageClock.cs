using System.Collections.Immutable;
using System.Diagnostics;

namespace Atlas.Diagnostics;

/// <summary>Times the stages of a build (<c>build --timings</c> prints them): where a slow build spends its time.</summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Time)> _stages = [];
    private TimeSpan _last;

    /// <summary>Ends the current stage under <paramref name="stage"/>.</summary>
    public void Mark(string stage)
    {
        var now = _watch.Elapsed;
        lock (_stages)
        {
            _stages.Add((stage, now - _last));
        }

        _last = now;
    }

    public ImmutableArray<(string Stage, TimeSpan Time)> Stages
    {
        get
        {
            lock (_stages)
            {
                return [.. _stages];
            }
        }
    }
}
