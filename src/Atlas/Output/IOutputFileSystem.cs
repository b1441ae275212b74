using System.Runtime.InteropServices;

namespace Atlas.Output;

/// <summary>
/// The operations by which a build puts bytes and folders in and beside its output folder. Builds use
/// <see cref="PhysicalOutputFileSystem"/>; another implementation lets tests make the disk fill up, or the output
/// refuse to be renamed as a mount point does, on machines where a real small or mounted file system cannot be made.
/// </summary>
public interface IOutputFileSystem
{
    /// <summary>Creates (or truncates) the file and writes the bytes; fails with an IOException when the disk is full.</summary>
    void WriteFile(string path, ReadOnlySpan<byte> content);

    /// <summary>Renames a file over another (atomic within one file system).</summary>
    void MoveFile(string source, string destination);

    /// <summary>Atomically exchanges two folders; false when the system cannot, and then nothing happened.</summary>
    bool ExchangeFolders(string first, string second);

    /// <summary>Renames a folder (fails with EBUSY or EXDEV when it is a mount point).</summary>
    void MoveFolder(string source, string destination);

    /// <summary>Why the existing folder cannot be written (its mode, a read-only mount), or null when it can.</summary>
    string? WhyNotWritable(string folder);
}

/// <summary>The real file system.</summary>
public sealed class PhysicalOutputFileSystem : IOutputFileSystem
{
    public static PhysicalOutputFileSystem Instance { get; } = new();

    private PhysicalOutputFileSystem()
    {
    }

    public void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024);
        stream.Write(content);
    }

    public void MoveFile(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void MoveFolder(string source, string destination) => Directory.Move(source, destination);

    public string? WhyNotWritable(string folder) => OutputFolder.WhyNotWritable(folder);

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>Linux 3.15+, glibc 2.28+, most local file systems; false elsewhere and for a mount point.</summary>
    public bool ExchangeFolders(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtFdCwd, first, AtFdCwd, second, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
