using Atlas.Diagnostics;

namespace Atlas.Output;

/// <summary>
/// Writes files of an incremental build straight into the output: only when the bytes differ (so unchanged files
/// keep their dates and CDNs see no change), each through a temporary file and a rename so a reader never sees a
/// half-written page.
/// <para>
/// Staged (an incremental build): files are written as <c>*.atlas-tmp</c> beside their targets and take their
/// place only at <see cref="Publish"/>, which keeps each replaced or deleted file as <c>*.atlas-old</c> (a hard
/// link: no copy) until <see cref="Complete"/>; <see cref="RollBack"/> puts every one back. So a build that fails
/// at any point leaves the previous site byte for byte, or names the files it could not put back.
/// </para>
/// <para>
/// A write that fails (a full disk, a read-only folder) does not throw: its partial file is removed, nothing more is
/// written, and <see cref="ReportFailure"/> tells the folder and the space the build needs.
/// </para>
/// </summary>
public sealed class InPlaceWriter(string output, IOutputFileSystem? files = null, bool staged = false)
{
    /// <summary>A file being written, renamed over the real one when complete. <c>atlas check</c> reports leftovers.</summary>
    public const string TemporarySuffix = OutputWriter.TemporarySuffix;

    /// <summary>A replaced or deleted file kept until the build is complete, so that a failed build can put it back.</summary>
    public const string BackupSuffix = ".atlas-old";

    private readonly IOutputFileSystem _files = files ?? PhysicalOutputFileSystem.Instance;
    private readonly object _gate = new();
    private readonly List<string> _changed = [];
    private readonly SortedSet<string> _staged = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _deletions = new(StringComparer.Ordinal);

    /// <summary>Files published in this build, and whether each had a previous version (kept as a backup).</summary>
    private readonly Dictionary<string, bool> _published = new(StringComparer.Ordinal);

    private (string File, Exception Error)? _failure;
    private long _bytesNeeded;
    private int _written;

    public int Written => _written;

    /// <summary>True once a write failed; nothing more is written then.</summary>
    public bool Failed
    {
        get
        {
            lock (_gate)
            {
                return _failure is not null;
            }
        }
    }

    /// <summary>The files written or deleted since the last call, in order: which open pages to reload.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        lock (_gate)
        {
            var changed = _changed.Order(StringComparer.Ordinal).ToList();
            _changed.Clear();
            return changed;
        }
    }

    /// <summary>Writes (or stages) the file unless it already holds these bytes; true when it was written.</summary>
    public bool Write(string relativePath, byte[] content)
    {
        var full = Path.Combine(output, relativePath);
        if (SameBytes(full, content))
        {
            return false;
        }

        Interlocked.Add(ref _bytesNeeded, OutputErrors.OnDisk(content.Length));
        if (Failed)
        {
            return false; // counted for the space needed, not written
        }

        var temporary = full + TemporarySuffix;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            _files.WriteFile(temporary, content);
            if (!staged)
            {
                _files.MoveFile(temporary, full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _failure ??= (relativePath, e);
            }

            TryDelete(temporary); // never a partial file left behind
            return false;
        }

        lock (_gate)
        {
            if (staged)
            {
                _staged.Add(relativePath);
            }
            else
            {
                _written++;
                _changed.Add(relativePath);
            }
        }

        return true;
    }

    public void Delete(string relativePath)
    {
        var full = Path.Combine(output, relativePath);
        if (staged)
        {
            if (File.Exists(full))
            {
                lock (_gate)
                {
                    _deletions.Add(relativePath);
                }
            }

            return;
        }

        if (File.Exists(full))
        {
            File.Delete(full);
            lock (_gate)
            {
                _changed.Add(relativePath);
            }
        }

        // Remove folders left empty (a deleted entity's page folder), up to the output itself.
        OutputFolder.RemoveEmptyFolders(full, output);
    }

    /// <summary>
    /// Puts the staged files in place and the staged deletions into effect, keeping what they replace for
    /// <see cref="RollBack"/>. False when a file could not be put in place (the failure is kept for
    /// <see cref="ReportFailure"/>); the caller then rolls back.
    /// </summary>
    public bool Publish()
    {
        List<string> writes, deletions;
        lock (_gate)
        {
            writes = [.. _staged];
            deletions = [.. _deletions];
            _staged.Clear();
            _deletions.Clear();
        }

        var current = "";
        try
        {
            foreach (var relative in writes)
            {
                current = relative;
                var full = Path.Combine(output, relative);
                var existed = File.Exists(full);
                var keep = existed && !_published.ContainsKey(relative);
                if (keep)
                {
                    OutputFolder.KeepCopy(full, full + BackupSuffix);
                }

                try
                {
                    _files.MoveFile(full + TemporarySuffix, full);
                }
                catch (Exception e) when (keep && e is IOException or UnauthorizedAccessException)
                {
                    // The file still holds its previous bytes; the backup is a second name for them, not needed.
                    TryDelete(full + BackupSuffix);
                    throw;
                }

                _published.TryAdd(relative, existed);
                _written++;
                _changed.Add(relative);
            }

            foreach (var relative in deletions)
            {
                current = relative;
                var full = Path.Combine(output, relative);
                if (!_published.ContainsKey(relative))
                {
                    _files.MoveFile(full, full + BackupSuffix);
                    _published.Add(relative, true);
                }
                else
                {
                    File.Delete(full);
                }

                _changed.Add(relative);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _failure ??= (current, e);
                _staged.UnionWith(writes.Where(w => File.Exists(Path.Combine(output, w) + TemporarySuffix)));
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// Undoes everything: staged files are removed, published ones get their previous bytes back (or are removed when
    /// they are new), deleted ones come back. Returns the files that could not be put back (normally none).
    /// </summary>
    public IReadOnlyList<string> RollBack()
    {
        List<string> staged;
        lock (_gate)
        {
            staged = [.. _staged];
            _staged.Clear();
            _deletions.Clear();
        }

        foreach (var relative in staged)
        {
            var full = Path.Combine(output, relative);
            TryDelete(full + TemporarySuffix);
            TryRemoveEmptyFolders(full);
        }

        var unrestored = new List<string>();
        foreach (var (relative, existed) in _published)
        {
            var full = Path.Combine(output, relative);
            try
            {
                if (existed)
                {
                    // A rename onto another name of the same file does nothing (POSIX): the backup would stay.
                    _files.MoveFile(full + BackupSuffix, full);
                    TryDelete(full + BackupSuffix);
                }
                else
                {
                    File.Delete(full);
                    OutputFolder.RemoveEmptyFolders(full, output);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unrestored.Add(relative);
            }
        }

        _published.Clear();
        return [.. unrestored.Order(StringComparer.Ordinal)];
    }

    /// <summary>The build succeeded: the kept previous versions go, and folders that deletions left empty.</summary>
    public void Complete()
    {
        foreach (var relative in _published.Where(p => p.Value).Select(p => p.Key))
        {
            var full = Path.Combine(output, relative);
            TryDelete(full + BackupSuffix);
            TryRemoveEmptyFolders(full);
        }

        _published.Clear();
    }

    /// <summary>Reports a write that failed, naming the folder and, for a full disk, the space needed; true if one did.</summary>
    public bool ReportFailure(DiagnosticBag diagnostics, SourceLocation location)
    {
        (string File, Exception Error)? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is not { } found)
        {
            return false;
        }

        var (file, error) = found;
        diagnostics.Error(location, OutputErrors.Describe(error, output, file, Interlocked.Read(ref _bytesNeeded)));
        return true;
    }

    private static bool SameBytes(string full, byte[] content)
    {
        try
        {
            return File.Exists(full) && new FileInfo(full).Length == content.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: written again
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What cannot be deleted here cannot have been written either.
        }
    }

    private void TryRemoveEmptyFolders(string file)
    {
        try
        {
            OutputFolder.RemoveEmptyFolders(file, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An empty folder left is harmless.
        }
    }
}
