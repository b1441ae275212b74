using Atlas.Diagnostics;

namespace Atlas.Output;

/// <summary>
/// Writes a build into a staging folder next to the output and swaps it in only when the whole build succeeded,
/// so a failed or killed build leaves the last good site as it was. One build at a time per output folder (a lock
/// file); an existing folder that a build did not make is never replaced unless forced.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    /// <summary>Written into every output folder: marks it as ours to replace.</summary>
    public const string MarkerFile = ".atlas-output";

    private readonly FileStream _lock;
    private bool _committed;

    private OutputWriter(string output, string staging, string old, FileStream lockStream)
    {
        OutputDirectory = output;
        StagingDirectory = staging;
        OldDirectory = old;
        _lock = lockStream;
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

        FileStream lockStream;
        try
        {
            Directory.CreateDirectory(parent);
            lockStream = new FileStream(Path.Combine(parent, $".{name}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(Path.Combine(parent, $".{name}.lock")))
        {
            diagnostics.Error(location, "another build is writing to this output folder right now; wait for it to finish and run again.");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, $"cannot write next to the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.");
            return null;
        }

        var writer = new OutputWriter(output, staging, old, lockStream);
        try
        {
            // A build killed during the swap leaves the previous site in .old and no output: put it back first.
            if (Directory.Exists(old) && !Directory.Exists(output))
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

            if (!force && Directory.Exists(output) && !File.Exists(Path.Combine(output, MarkerFile)) &&
                Directory.EnumerateFileSystemEntries(output).Any())
            {
                diagnostics.Error(location,
                    "the output folder exists and holds files that no atlas build wrote; the build would replace them. Choose an empty folder, or pass --force to replace it.");
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

    /// <summary>Writes one file of the site (path relative to the output, forward slashes). Thread-safe.</summary>
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Path.Combine(StagingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024);
        stream.Write(content);
    }

    /// <summary>Swaps the staged site in: output → .old, staging → output, then .old is deleted.</summary>
    public void Commit()
    {
        if (Directory.Exists(OutputDirectory))
        {
            Directory.Move(OutputDirectory, OldDirectory);
        }

        Directory.Move(StagingDirectory, OutputDirectory);
        _committed = true;
        if (Directory.Exists(OldDirectory))
        {
            Directory.Delete(OldDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory))
        {
            try
            {
                Directory.Delete(StagingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next build to remove; the output itself is untouched either way.
            }
        }

        _lock.Dispose();
    }
}
