using System.Runtime.InteropServices;
using Atlas.Diagnostics;

namespace Atlas.Output;

/// <summary>
/// Writes a build into a staging folder next to the output and swaps it in only when the whole build succeeded,
/// so a failed or killed build leaves the last good site as it was. One build at a time per output folder
/// (<see cref="OutputLock"/>); an existing folder that a build did not make is never replaced unless forced.
/// <para>
/// The swap is one atomic exchange of the two folders where the system has it (Linux renameat2 RENAME_EXCHANGE):
/// at every instant the output is either the complete previous site or the complete new one. Elsewhere it is two
/// renames (output → .old, staging → output); a build killed between them leaves the previous site in .old, and the
/// next build puts it back before doing anything else.
/// </para>
/// <para>
/// An output folder that is a mount point (a container volume) cannot be renamed or exchanged: the staged site is then
/// copied into it file by file, each file replaced atomically and files of the previous site removed. That is the one
/// weaker guarantee: a copy that fails half-way (a full disk) leaves a mix of old and new files, and says so.
/// </para>
/// </summary>
public sealed class OutputWriter : IDisposable
{
    /// <summary>Written into every output folder: marks it as ours to replace.</summary>
    public const string MarkerFile = ".atlas-output";

    /// <summary>Suffix of a file being copied into a mount-point output, renamed over the real name once complete.</summary>
    public const string TemporarySuffix = ".atlas-tmp";

    private readonly OutputLock _lock;
    private readonly IOutputFileSystem _files;
    private readonly object _failureLock = new();
    private long _bytesNeeded;
    private (string File, Exception Error)? _failure;
    private bool _committed;

    private OutputWriter(string output, string staging, string old, OutputLock outputLock, IOutputFileSystem files)
    {
        OutputDirectory = output;
        StagingDirectory = staging;
        OldDirectory = old;
        _lock = outputLock;
        _files = files;
    }

    public string OutputDirectory { get; }

    public string StagingDirectory { get; }

    private string OldDirectory { get; }

    /// <summary>
    /// True after a commit into a mount point: the site was copied in file by file instead of swapped in whole.
    /// </summary>
    public bool CopiedIn { get; private set; }

    /// <summary>
    /// Prepares the staging folder, or reports why the output cannot be written and returns null. The output is
    /// followed to its real path (a symbolic link to a folder stays a link, and its target gets the new site).
    /// </summary>
    public static OutputWriter? Begin(string output, bool force, string displayOutput, DiagnosticBag diagnostics, IOutputFileSystem? files = null)
    {
        var location = SourceLocation.File(displayOutput);
        if (OutputFolder.DanglingLinkTarget(output) is { } target)
        {
            diagnostics.Error(location, $"the output folder is a symbolic link to '{target}', which does not exist; create that folder or remove the link.");
            return null;
        }

        try
        {
            output = OutputFolder.RealPath(output);
        }
        catch (IOException e)
        {
            diagnostics.Error(location, $"cannot follow the output folder's path ({e.Message}); fix the links or choose another --output.");
            return null;
        }

        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.staging");
        var old = Path.Combine(parent, $".{name}.old");

        // Refusals that need no lock come first, so that a refused build creates nothing at all, not even a lock file.
        files ??= PhysicalOutputFileSystem.Instance;
        if (Refusal(output, force, files) is { } refusal)
        {
            diagnostics.Error(location, refusal);
            return null;
        }

        OutputLock? outputLock;
        try
        {
            Directory.CreateDirectory(parent);
            outputLock = OutputLock.TryAcquire(output, out var busy);
            if (outputLock is null || busy)
            {
                diagnostics.Error(location,
                    "another build is writing to this output folder right now; wait for it to finish and run again (builds of one output run one at a time).");
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, $"cannot write next to the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.");
            return null;
        }

        var writer = new OutputWriter(output, staging, old, outputLock, files);
        try
        {
            OutputRecovery.RecoverLocked(output, staging, old);

            // Again under the lock: another build may have changed the output since the first check.
            if (Refusal(output, force, files) is { } lockedRefusal)
            {
                diagnostics.Error(location, lockedRefusal);
                writer.Dispose();
                return null;
            }

            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, MarkerFile), "Built by the atlas; the next build replaces this folder.\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, OutputErrors.IsDiskFull(e)
                ? OutputErrors.Describe(e, parent, MarkerFile, OutputErrors.OnDisk(1))
                : $"cannot prepare the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.");
            writer.Dispose();
            return null;
        }

        return writer;
    }

    /// <summary>Why the output must not be replaced: it is a file, or a folder of someone else's files.</summary>
    private static string? Refusal(string output, bool force, IOutputFileSystem files)
    {
        if (File.Exists(output))
        {
            return "the output path is a file, not a folder; remove it or choose another --output.";
        }

        try
        {
            // A fresh volume (ext4 and others) holds an empty lost+found at its root: that is an empty output too.
            if (!force && Directory.Exists(output) && !File.Exists(Path.Combine(output, MarkerFile)) &&
                Directory.EnumerateFileSystemEntries(output).Any(e => !MountPointCopy.IsEmptyLostAndFound(e)))
            {
                return "the output folder exists and holds files that no atlas build wrote; the build would replace them. Choose an empty folder, or pass --force to replace it.";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot look into the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.";
        }

        // Swapping a folder that cannot be written would leave its files behind, undeletable, beside the new site.
        if (Directory.Exists(output) && files.WhyNotWritable(output) is { } reason)
        {
            return $"the output folder cannot be written: {reason}. Make it writable (e.g. chmod -R u+w {output}) or choose another --output; nothing was changed.";
        }

        return null;
    }

    /// <summary>
    /// Writes one file of the site (path relative to the output, forward slashes). Thread-safe. A write that fails
    /// (a full disk) does not throw: the rest of the build still runs, without writing, so that every problem is
    /// reported and the space the whole site needs is known; <see cref="ReportFailure"/> tells it.
    /// </summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        Interlocked.Add(ref _bytesNeeded, OutputErrors.OnDisk(content.Length));
        if (Volatile.Read(ref _writeFailed))
        {
            return;
        }

        var full = Path.Combine(StagingDirectory, relativePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            _files.WriteFile(full, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_failureLock)
            {
                _failure ??= (relativePath, e);
            }

            Volatile.Write(ref _writeFailed, true);
            return; // the staging folder, partial file included, is deleted with the writer
        }
    }

    private bool _writeFailed;

    /// <summary>Reports a write that failed (naming the folder and, for a full disk, the space needed); true if one did.</summary>
    public bool ReportFailure(DiagnosticBag diagnostics, SourceLocation location)
    {
        if (_failure is not { } failure)
        {
            return false;
        }

        // The build fails now: the staging folder goes first, so that the space free is told without it.
        var (file, error) = failure;
        DeleteQuietly(StagingDirectory);
        diagnostics.Error(location, OutputErrors.Describe(error, Path.GetDirectoryName(StagingDirectory)!, file, Interlocked.Read(ref _bytesNeeded)));
        return true;
    }

    /// <summary>
    /// Swaps the staged site in; the previous site is then deleted. Into a mount point, copies it in (see the class
    /// remarks). False, with the reason reported, when the output could not be replaced.
    /// </summary>
    public bool Commit(DiagnosticBag diagnostics, SourceLocation location)
    {
        if (Directory.Exists(OutputDirectory) && _files.ExchangeFolders(StagingDirectory, OutputDirectory))
        {
            // The staging path now holds the previous site.
            _committed = true;
            DeleteQuietly(StagingDirectory);
            return true;
        }

        var hadOutput = Directory.Exists(OutputDirectory);
        try
        {
            if (hadOutput)
            {
                _files.MoveFolder(OutputDirectory, OldDirectory);
            }
        }
        catch (IOException e) when (OutputErrors.IsMountPoint(e))
        {
            CopiedIn = true;
            var copied = MountPointCopy.Copy(StagingDirectory, OutputDirectory, _files, diagnostics, location);
            if (copied)
            {
                _committed = true;
                DeleteQuietly(StagingDirectory);
            }

            return copied;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, $"cannot replace the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output. Nothing was changed.");
            return false;
        }

        try
        {
            _files.MoveFolder(StagingDirectory, OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (hadOutput)
            {
                _files.MoveFolder(OldDirectory, OutputDirectory); // the previous site stays published
            }

            diagnostics.Error(location, $"cannot move the new site into place ({e.Message.TrimEnd('.')}); check the folder's permissions or choose another --output. Nothing was changed.");
            return false;
        }

        _committed = true;
        DeleteQuietly(OldDirectory);
        return true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            DeleteQuietly(StagingDirectory);
        }

        _lock.Dispose();
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                OutputFolder.DeleteTree(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next build to remove; the published output is complete either way.
        }
    }
}
