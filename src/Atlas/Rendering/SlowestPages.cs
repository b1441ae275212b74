using System.Collections.Immutable;

namespace Atlas.Rendering;

/// <summary>
/// The few pages that took longest to render, for <c>--timings</c>: where a build or a rebuild spends its
/// rendering time is usually a handful of pages that show the whole atlas (the map, the figures). Thread-safe.
/// </summary>
public sealed class SlowestPages(int count = 5)
{
    private readonly Lock _gate = new();
    private readonly List<(string Path, TimeSpan Time)> _pages = [];

    public void Add(string path, TimeSpan time)
    {
        lock (_gate)
        {
            if (_pages.Count == count && time <= _pages[^1].Time)
            {
                return;
            }

            var index = _pages.FindIndex(p => p.Time < time);
            _pages.Insert(index < 0 ? _pages.Count : index, (path, time));
            if (_pages.Count > count)
            {
                _pages.RemoveAt(count);
            }
        }
    }

    /// <summary>Slowest first.</summary>
    public ImmutableArray<(string Path, TimeSpan Time)> ToImmutableArray()
    {
        lock (_gate)
        {
            return [.. _pages];
        }
    }
}
