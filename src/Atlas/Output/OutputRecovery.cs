namespace Atlas.Output;

/// <summary>What a killed build left beside the output: the previous site in .old (put back) and staging (removed).</summary>
public static class OutputRecovery
{
    /// <summary>
    /// Puts back the previous site if a build was killed between the two renames of a swap, and removes what a killed
    /// build left beside the output. <see cref="OutputWriter.Begin"/> does this; a caller may do it earlier (before validating, so
    /// that even a failing build restores the output), unless another build holds the lock.
    /// </summary>
    public static void Recover(string output)
    {
        try
        {
            output = OutputFolder.RealPath(output);
        }
        catch (IOException)
        {
            return; // the next build reports the broken path
        }

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

    internal static void RecoverLocked(string output, string staging, string old)
    {
        // A build killed between the two renames of a swap leaves the previous site in .old and no output: put it
        // back first. With an output in place, .old and staging are leftovers of a killed build: remove them.
        if (Directory.Exists(old) && !Path.Exists(output))
        {
            Directory.Move(old, output);
        }

        if (Directory.Exists(old))
        {
            OutputFolder.DeleteTree(old);
        }

        if (Directory.Exists(staging))
        {
            OutputFolder.DeleteTree(staging);
        }
    }
}
