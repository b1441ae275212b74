using System.Runtime.InteropServices;

namespace Atlas.Sources;

/// <summary>What a path is on disk, as far as the build cares: only <see cref="Regular"/> files are ever read.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Folder,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// The file type of a path or an open handle. .NET has no public API for it (a named pipe, a device and an empty file
/// all look like a file of length 0), so it asks the runtime's own native layer, which every <see cref="File"/>
/// call already uses; its status record starts with the flags and the mode in the same place on every platform.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>Larger than the runtime's status record, so a future field can never write past it.</summary>
    private const int StatusBytes = 512;

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Folder => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    /// <summary>The kind of the path itself (a link is reported as a link, not followed).</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        var status = new byte[StatusBytes];
        try
        {
            return LStat(path, status) == 0 ? FromMode(BitConverter.ToInt32(status, 4)) : FileKind.Missing;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A host without the runtime's native layer as a library of its own (a single-file binary): on Linux the C
            // library's statx, whose record is the same on every architecture; elsewhere what .NET itself can tell.
            if (OperatingSystem.IsLinux() && ViaStatx(path) is { } kind)
            {
                return kind;
            }

            var info = new FileInfo(path);
            return info.LinkTarget is not null ? FileKind.SymbolicLink
                : Directory.Exists(path) ? FileKind.Folder : info.Exists ? FileKind.Regular : FileKind.Missing;
        }
    }

    /// <summary>The kind of an opened file: what was really opened, whatever the path said before.</summary>
    public static FileKind Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return FileKind.Regular;
        }

        var status = new byte[StatusBytes];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return FStat(handle.DangerousGetHandle(), status) == 0 ? FromMode(BitConverter.ToInt32(status, 4)) : FileKind.Other;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // The path was looked at before it was opened; on Linux the opened file is asked too.
            return OperatingSystem.IsLinux() && ViaStatx(handle.DangerousGetHandle()) is { } kind ? kind : FileKind.Regular;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private const int CurrentFolder = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the descriptor itself
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int StatxModeOffset = 28; // stx_mode, after stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid

    /// <summary>The kind of the path itself through the C library's statx; null when the call is not there.</summary>
    internal static FileKind? ViaStatx(string path) => Statx(CurrentFolder, path, NoFollow);

    /// <summary>The kind of an open descriptor through statx; null when the call is not there.</summary>
    internal static FileKind? ViaStatx(IntPtr descriptor) => Statx(descriptor.ToInt32(), "", EmptyPath);

    private static FileKind? Statx(int folder, string path, int flags)
    {
        var record = new byte[StatusBytes];
        try
        {
            return StatX(folder, path, flags, TypeField, record) == 0
                ? FromMode(BitConverter.ToUInt16(record, StatxModeOffset))
                : flags == EmptyPath ? FileKind.Other : FileKind.Missing;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static FileKind FromMode(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Folder,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.NamedPipe,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] record);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static extern int FStat(IntPtr descriptor, [Out] byte[] status);
}
