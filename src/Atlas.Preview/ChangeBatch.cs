namespace Atlas.Preview;

/// <summary>
/// A batch of changes the watcher handed over: the changed files (relative, '/'-separated), or null when events were
/// lost and which files changed is not known; and when the first of them was seen (a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp), from which the preview tells how long an edit waited for its
/// rebuild (the settle time, or a rebuild still running).
/// </summary>
internal sealed record ChangeBatch(IReadOnlyList<string>? Files, long FirstSeenAt);
