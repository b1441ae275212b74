namespace Atlas.Tests.Support;

/// <summary>
/// Where tests that build a site many times over put it: a RAM file system (/dev/shm on Linux) when there is a
/// writable one, where writing and deleting a hundred files per build costs a third of what it does on disk; the
/// temp folder otherwise. Tests about the disk itself (crash safety, permissions) keep to the temp folder.
/// </summary>
public static class ScratchSpace
{
    public static string Root { get; } = Pick();

    public static string NewFolder(string prefix) => Path.Combine(Root, prefix + "-" + Guid.NewGuid().ToString("N")[..8]);

    private static string Pick()
    {
        var memory = Path.Combine("/dev/shm", "atlas-tests");
        try
        {
            if (Directory.Exists("/dev/shm"))
            {
                Directory.CreateDirectory(memory);
                var probe = Path.Combine(memory, "probe-" + Guid.NewGuid().ToString("N"));
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return memory;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not writable here: use the temp folder.
        }

        return Path.Combine(Path.GetTempPath(), "atlas-tests");
    }
}
