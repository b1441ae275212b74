namespace Atlas.Rendering;

/// <summary>
/// A member of a <see cref="TrackedObject"/> that is built on first read: the list of every entity of a collection,
/// the timeline, the map, the charts. A full build reads them all anyway (built once per language), but a
/// re-render of a few pages should not build views of 10,000 entities that none of those pages shows.
/// </summary>
public sealed class LazyView(Func<object?> build)
{
    private readonly Lazy<object?> _value = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public object? Value => _value.Value;
}
