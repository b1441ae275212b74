using System.Runtime.InteropServices;

namespace Atlas.Tests.Support;

/// <summary>The few POSIX calls the file-system tests need and .NET does not offer.</summary>
public static class Posix
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    /// <summary>Creates a named pipe: opening it for reading blocks until a writer appears, which no build may wait for.</summary>
    public static void CreateFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (MkFifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sets a file's permission bits (the suite runs on Linux and macOS, where the atlas is built).</summary>
    public static void Chmod(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the file-system tests need POSIX permissions");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>
    /// Whether file permissions stop this process: false when it runs as root (or with CAP_DAC_OVERRIDE, as in many
    /// containers), where a file with mode 000 is still readable. Found out by trying, not by asking for the user name.
    /// </summary>
    public static bool PermissionsApply { get; } = Probe();

    private static bool Probe()
    {
        var directory = Path.Combine(Path.GetTempPath(), "atlas-tests", "probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "probe");
        File.WriteAllText(file, "x");
        try
        {
            Chmod(file, UnixFileMode.None);
            using var _ = File.OpenRead(file);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            Chmod(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.Delete(directory, recursive: true);
        }
    }
}
