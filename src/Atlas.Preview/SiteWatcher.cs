using System.Threading.Channels;

namespace Atlas.Preview;

/// <summary>
/// Watches what a build reads and the preview rebuilds on (site.yml, content/, templates/; no hidden or backup
/// files) and hands the changes over in batches. Started before the first build: the watcher adds its watches on
/// sub-folders in the background, so the caller also compares the watched files before and after that build
/// (<see cref="WatchedFiles"/>, <see cref="NotifyChangedSince"/>), and no edit saved meanwhile is lost.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan MaxSettle = TimeSpan.FromMilliseconds(500);

    private readonly string _siteDirectory;
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly FileSystemWatcher _watcher;
    private volatile bool _lostEvents;

    private SiteWatcher(string siteDirectory)
    {
        _siteDirectory = siteDirectory;
        _watcher = new FileSystemWatcher(siteDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) => Notify(e.FullPath);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, e) =>
        {
            Notify(e.OldFullPath);
            Notify(e.FullPath);
        };
        _watcher.Error += (_, _) =>
        {
            // The kernel's event queue overflowed: which files changed is no longer known.
            _lostEvents = true;
            _changes.Writer.TryWrite("");
        };
        _watcher.EnableRaisingEvents = true;
    }

    public static SiteWatcher Start(string siteDirectory) => new(siteDirectory);

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
        var after = WatchedFiles();
        var changed = after.Where(file => !before.TryGetValue(file.Key, out var was) || was != file.Value).Select(file => file.Key)
            .Concat(before.Keys.Where(path => !after.ContainsKey(path)))
            .Order(StringComparer.Ordinal);
        foreach (var file in changed)
        {
            Notify(file);
        }
    }

    /// <summary>
    /// Waits for the next batch of changes (relative, '/'-separated paths), or null when events were lost and which
    /// files changed is not known. Changes that arrive together (an editor saving several files, a checkout) make one
    /// batch: it ends once no change has come for <paramref name="debounce"/>, or after half a second of steady changes.
    /// </summary>
    public async Task<IReadOnlyList<string>?> NextChangesAsync(TimeSpan debounce, CancellationToken cancellation)
    {
        var reader = _changes.Reader;
        await reader.WaitToReadAsync(cancellation);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        do
        {
            while (reader.TryRead(out var file))
            {
                changed.Add(file);
            }

            await Task.Delay(debounce, cancellation);
        }
        while (reader.TryPeek(out _) && System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxSettle);

        while (reader.TryRead(out var file))
        {
            changed.Add(file);
        }

        var lost = _lostEvents;
        _lostEvents = false;
        changed.Remove("");
        return lost ? null : [.. changed];
    }

    private void Notify(string fullPath)
    {
        var relative = Path.GetRelativePath(_siteDirectory, fullPath).Replace('\\', '/');
        var watched = relative == "site.yml" || relative.StartsWith("content/", StringComparison.Ordinal) ||
                      relative.StartsWith("templates/", StringComparison.Ordinal);
        if (watched && !relative.Split('/').Any(part => part.StartsWith('.') || part.EndsWith('~')))
        {
            _changes.Writer.TryWrite(relative);
        }
    }

    public void Dispose() => _watcher.Dispose();
}
