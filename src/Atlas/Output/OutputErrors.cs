using System.Globalization;

namespace Atlas.Output;

/// <summary>What a failed file operation in the output means to the person running the build.</summary>
public static class OutputErrors
{
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int Ebusy = 16;
    private const int Exdev = 18;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsNotSameDevice = unchecked((int)0x80070011);

    /// <summary>No space (or quota) left: .NET keeps the errno (Unix) or the HRESULT (Windows) in HResult.</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException && e.HResult is Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull;

    /// <summary>The folder cannot be renamed because it is a mount point (EBUSY), or is on another file system (EXDEV).</summary>
    public static bool IsMountPoint(Exception e) => e is IOException && e.HResult is Ebusy or Exdev or WindowsNotSameDevice;

    /// <summary>The space a file takes on disk, rounded up to whole 4 KiB blocks (most file systems' block size).</summary>
    public static long OnDisk(long bytes) => (bytes + 4095) / 4096 * 4096;

    /// <summary>A size for people: "12.3 MiB", "540 KiB".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{(bytes + 1023) / 1024} KiB");

    /// <summary>Free space on the file system holding <paramref name="folder"/>, or null when it cannot be told.</summary>
    public static long? FreeSpace(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The sentence for a write that failed: a full disk names the folder, the space the build needs there and the
    /// space free; anything else gives the system's reason.
    /// </summary>
    public static string Describe(Exception e, string folder, string file, long needed)
    {
        if (IsDiskFull(e))
        {
            var free = FreeSpace(folder) is { } bytes ? $", {Size(bytes)} are free now" : "";
            return $"the disk holding {folder} is full: writing {file} failed. The build needs about {Size(needed)} there{free}; " +
                   "free some space or choose another --output.";
        }

        return $"cannot write {file} in {folder} ({e.Message.TrimEnd('.')}); check the folder's permissions and free space, or choose another --output.";
    }
}
