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
/// </summary>
public sealed class OutputWriter : IDisposable
{
    /// <summary>Written into every output folder: marks it as ours to replace.</summary>
    public const string MarkerFile = ".atlas-output";

    /// <summary>
    /// Test-only: makes a build stop at a point of the write and wait to be killed, so that tests can kill a real
    /// build process exactly there. Values: <c>writing</c> (after <see cref="PauseAfterWrites"/> files are staged),
    /// <c>before-swap</c>, and <c>between-renames</c> (which also forces the two-rename swap). On reaching the point
    /// the writer creates <c>.&lt;output&gt;.paused-&lt;point&gt;</c> beside the output, then sleeps. Never set it
    /// outside tests.
    /// </summary>
    public const string TestPauseVariable = "ATLAS_TEST_PAUSE";

    public const int PauseAfterWrites = 20;

    private readonly OutputLock _lock;
    private readonly string? _pause;
    private int _writes;
    private bool _committed;

    private OutputWriter(string output, string staging, string old, OutputLock outputLock)
    {
        OutputDirectory = output;
        StagingDirectory = staging;
        OldDirectory = old;
        _lock = outputLock;
        _pause = Environment.GetEnvironmentVariable(TestPauseVariable);
    }

    public string OutputDirectory { get; }

    public string StagingDirectory { get; }

    private string OldDirectory { get; }

    /// <summary>Prepares the staging folder, or reports why the output cannot be written and returns null.</summary>
    public static OutputWriter? Begin(string output, bool force, string displayOutput, DiagnosticBag diagnostics)
    {
        output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.staging");
        var old = Path.Combine(parent, $".{name}.old");
        var location = SourceLocation.File(displayOutput);

        // Refusals that need no lock come first, so that a refused build creates nothing at all, not even a lock file.
        if (Refusal(output, force) is { } refusal)
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

        var writer = new OutputWriter(output, staging, old, outputLock);
        try
        {
            RecoverLocked(output, staging, old);

            // Again under the lock: another build may have changed the output since the first check.
            if (Refusal(output, force) is { } lockedRefusal)
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
            diagnostics.Error(location, $"cannot prepare the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.");
            writer.Dispose();
            return null;
        }

        return writer;
    }

    /// <summary>
    /// Puts back the previous site if a build was killed between the two renames of a swap, and removes what a killed
    /// build left beside the output. <see cref="Begin"/> does this; a caller may do it earlier (before validating, so
    /// that even a failing build restores the output), unless another build holds the lock.
    /// </summary>
    public static void Recover(string output)
    {
        output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        if (!Directory.Exists(Path.Combine(parent, $".{name}.old")) && !Directory.Exists(Path.Combine(parent, $".{name}.staging")))
        {
            return; // nothing to do, and no lock file to create
        }

        try
        {
            using var outputLock = OutputLock.TryAcquire(output, out var busy);
            if (outputLock is not null && !busy)
            {
                RecoverLocked(output, Path.Combine(parent, $".{name}.staging"), Path.Combine(parent, $".{name}.old"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build reports what is wrong with the folder.
        }
    }

    private static void RecoverLocked(string output, string staging, string old)
    {
        // A build killed between the two renames of a swap leaves the previous site in .old and no output: put it
        // back first. With an output in place, .old and staging are leftovers of a killed build: remove them.
        if (Directory.Exists(old) && !Path.Exists(output))
        {
            Directory.Move(old, output);
        }

        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Why the output must not be replaced: it is a file, or a folder of someone else's files.</summary>
    private static string? Refusal(string output, bool force)
    {
        if (File.Exists(output))
        {
            return "the output path is a file, not a folder; remove it or choose another --output.";
        }

        try
        {
            if (!force && Directory.Exists(output) && !File.Exists(Path.Combine(output, MarkerFile)) &&
                Directory.EnumerateFileSystemEntries(output).Any())
            {
                return "the output folder exists and holds files that no atlas build wrote; the build would replace them. Choose an empty folder, or pass --force to replace it.";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot look into the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.";
        }

        return null;
    }

    /// <summary>Writes one file of the site (path relative to the output, forward slashes). Thread-safe.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Path.Combine(StagingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024))
        {
            stream.Write(content);
        }

        if (_pause is "writing" && Interlocked.Increment(ref _writes) == PauseAfterWrites)
        {
            Pause("writing");
        }
    }

    /// <summary>Swaps the staged site in; the previous site is then deleted.</summary>
    public void Commit()
    {
        Pause("before-swap");
        if (_pause is not "between-renames" && Directory.Exists(OutputDirectory) && Exchange(StagingDirectory, OutputDirectory))
        {
            // The staging path now holds the previous site.
            _committed = true;
            DeleteQuietly(StagingDirectory);
            return;
        }

        var hadOutput = Directory.Exists(OutputDirectory);
        if (hadOutput)
        {
            Directory.Move(OutputDirectory, OldDirectory);
        }

        Pause("between-renames");
        try
        {
            Directory.Move(StagingDirectory, OutputDirectory);
        }
        catch (Exception e) when (hadOutput && e is IOException or UnauthorizedAccessException)
        {
            Directory.Move(OldDirectory, OutputDirectory); // the previous site stays published
            throw;
        }

        _committed = true;
        DeleteQuietly(OldDirectory);
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
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next build to remove; the published output is complete either way.
        }
    }

    private void Pause(string point)
    {
        if (_pause != point)
        {
            return;
        }

        var parent = Path.GetDirectoryName(OutputDirectory)!;
        File.WriteAllText(Path.Combine(parent, $".{Path.GetFileName(OutputDirectory)}.paused-{point}"), $"{Environment.ProcessId}\n");
        Thread.Sleep(TimeSpan.FromMinutes(10)); // the test kills the process long before
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>
    /// Atomically exchanges two folders (Linux 3.15+, glibc 2.28+, most local file systems). False when the system
    /// cannot, and then nothing happened.
    /// </summary>
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
