using System.Threading.Channels;

namespace Atlas.Preview;

/// <summary>
/// Watches what a build reads and the preview rebuilds on (site.yml, content/, templates/; no hidden or backup
/// files) and hands the changes over in batches. Started before the first build: the watcher adds its watches on
/// sub-folders in the background, so the caller also compares the watched files before and after that build
/// (<see cref="WatchedFiles"/>, <see cref="NotifyChangedSince"/>), and no edit saved meanwhile is lost.
/// On file systems without change notifications (network drives, some container and WSL mounts) it polls instead:
/// when asked to, or when the notifications cannot start (<see cref="PollingBecause"/> says why).
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan MaxSettle = TimeSpan.FromMilliseconds(500);

    private readonly string _siteDirectory;
    private readonly Channel<Change> _changes = Channel.CreateUnbounded<Change>();
    private readonly FileSystemWatcher? _watcher;
    private readonly CancellationTokenSource _stopPolling = new();
    private volatile bool _lostEvents;

    private SiteWatcher(string siteDirectory, TimeSpan? poll)
    {
        _siteDirectory = siteDirectory;
        if (poll is { } interval)
        {
            StartPolling(interval, "--poll was given");
            return;
        }

        try
        {
            _watcher = Notifications(siteDirectory);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException or ArgumentException)
        {
            // inotify's watch limit reached, or a file system that has no notifications: the preview still follows edits.
            StartPolling(PreviewOptions.DefaultPollInterval, $"file change notifications could not start ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Why the watcher polls (null when it uses the file system's change notifications).</summary>
    public string? PollingBecause { get; private set; }

    /// <summary>How often it polls, when it does.</summary>
    public TimeSpan PollInterval { get; private set; }

    /// <summary>Compares the watched files' sizes and times every <paramref name="interval"/>, as the change notifications would report them.</summary>
    private void StartPolling(TimeSpan interval, string because)
    {
        PollingBecause = because;
        PollInterval = interval;
        var previous = WatchedFiles();
        var stop = _stopPolling.Token;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    var now = WatchedFiles();
                    NotifyDifferences(previous, now);
                    previous = now;
                }
            }
            catch (OperationCanceledException)
            {
                // disposed
            }
        }, stop);
    }

    private FileSystemWatcher Notifications(string siteDirectory)
    {
        var watcher = new FileSystemWatcher(siteDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) => Notify(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) =>
        {
            Notify(e.OldFullPath);
            Notify(e.FullPath);
        };
        watcher.Error += (_, _) =>
        {
            // The kernel's event queue overflowed: which files changed is no longer known.
            _lostEvents = true;
            _changes.Writer.TryWrite(new Change("", System.Diagnostics.Stopwatch.GetTimestamp()));
        };
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }

        return watcher;
    }

    /// <summary>Starts watching; with <paramref name="poll"/>, by comparing the files at that interval instead of by notifications.</summary>
    public static SiteWatcher Start(string siteDirectory, TimeSpan? poll = null) => new(siteDirectory, poll);

    /// <summary>The watched files (site.yml, content/, templates/; no links followed) with their size and time.</summary>
    public Dictionary<string, (long Length, DateTime Written)> WatchedFiles()
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var siteYml = new FileInfo(Path.Combine(_siteDirectory, "site.yml"));
        if (siteYml.Exists)
        {
            files[siteYml.FullName] = (siteYml.Length, siteYml.LastWriteTimeUtc);
        }

        foreach (var folder in new[] { "content", "templates" })
        {
            var root = new DirectoryInfo(Path.Combine(_siteDirectory, folder));
            if (root.Exists && !root.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                foreach (var file in root.EnumerateFiles("*", options))
                {
                    files[file.FullName] = (file.Length, file.LastWriteTimeUtc);
                }
            }
        }

        return files;
    }

    /// <summary>Counts every watched file that changed, appeared or went since <paramref name="before"/> as a change.</summary>
    public void NotifyChangedSince(Dictionary<string, (long Length, DateTime Written)> before)
    {
        NotifyDifferences(before, WatchedFiles());
    }

    private void NotifyDifferences(Dictionary<string, (long Length, DateTime Written)> before, Dictionary<string, (long Length, DateTime Written)> after)
    {
        var changed = after.Where(file => !before.TryGetValue(file.Key, out var was) || was != file.Value).Select(file => file.Key)
            .Concat(before.Keys.Where(path => !after.ContainsKey(path)))
            .Order(StringComparer.Ordinal);
        foreach (var file in changed)
        {
            Notify(file);
        }
    }

    /// <summary>
    /// Waits for the next batch of changes. Changes that arrive together (an editor saving several files, a checkout)
    /// make one batch: it ends once no change has come for <paramref name="debounce"/>, or after half a second of
    /// steady changes.
    /// </summary>
    public async Task<ChangeBatch> NextChangesAsync(TimeSpan debounce, CancellationToken cancellation)
    {
        var reader = _changes.Reader;
        await reader.WaitToReadAsync(cancellation);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        long? firstSeen = null;
        var lastSeen = started;
        void Drain()
        {
            while (reader.TryRead(out var change))
            {
                changed.Add(change.Path);
                firstSeen ??= change.At;
                lastSeen = change.At;
            }
        }

        do
        {
            Drain();
            // Quiet for the debounce since the last change itself, not since this loop read it: on a busy machine the
            // loop wakes late, and that time already counts as quiet.
            var quiet = debounce - System.Diagnostics.Stopwatch.GetElapsedTime(lastSeen);
            if (quiet > TimeSpan.Zero)
            {
                await Task.Delay(quiet, cancellation);
            }
        }
        while (reader.TryPeek(out _) && System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxSettle);

        Drain();
        var lost = _lostEvents;
        _lostEvents = false;
        changed.Remove("");
        return new ChangeBatch(lost ? null : [.. changed], firstSeen ?? started);
    }

    /// <summary>Completes as soon as a change is waiting (at once if one already is), without taking it.</summary>
    public async Task WaitForChangeAsync(CancellationToken cancellation) => await _changes.Reader.WaitToReadAsync(cancellation);

    /// <summary>Whether a change is waiting to be taken by <see cref="NextChangesAsync"/>.</summary>
    public bool HasChanges => _changes.Reader.TryPeek(out _);

    /// <summary>One change as the watcher saw it: the relative path ("" when events were lost) and when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    private readonly record struct Change(string Path, long At);

    private void Notify(string fullPath)
    {
        var relative = Path.GetRelativePath(_siteDirectory, fullPath).Replace('\\', '/');
        var watched = relative == "site.yml" || relative.StartsWith("content/", StringComparison.Ordinal) ||
                      relative.StartsWith("templates/", StringComparison.Ordinal);
        if (watched && !relative.Split('/').Any(part => part.StartsWith('.') || part.EndsWith('~')))
        {
            _changes.Writer.TryWrite(new Change(relative, System.Diagnostics.Stopwatch.GetTimestamp()));
        }
    }

    public void Dispose()
    {
        _stopPolling.Cancel();
        _stopPolling.Dispose();
        _watcher?.Dispose();
    }
}
