using System.Diagnostics;
using Atlas.Output;

namespace Atlas.Tests.Support;

/// <summary>
/// A folder on its own small file system, for the tests of a full disk and of an output that is a mount point: a
/// real tmpfs mounted there where this process may mount one (root in most containers and CI runners), otherwise an
/// ordinary folder and <see cref="Files"/>, an <see cref="IOutputFileSystem"/> that fails the way that file system
/// would (ENOSPC once the space is used up, EBUSY on renaming the mount point, EROFS once "remounted" read-only). Either way the build runs the same
/// code paths of the engine; <see cref="Real"/> tells which one a test got.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const long Size = 64L * 1024 * 1024;
    private readonly SimulatedFileSystem? _simulated;

    private SmallDisk(string folder, bool real)
    {
        Folder = folder;
        Real = real;
        _simulated = real ? null : new SimulatedFileSystem(folder);
    }

    /// <summary>
    /// Whether a tmpfs can be mounted here (tried once, on a scratch folder). ATLAS_TESTS_SIMULATE_DISKS=1 uses the
    /// simulated disk even where mounting works, to run that side of the tests too.
    /// </summary>
    public static bool CanMount { get; } = Environment.GetEnvironmentVariable("ATLAS_TESTS_SIMULATE_DISKS") != "1" && Probe();

    public string Folder { get; }

    /// <summary>True for a real tmpfs, false for the simulated one.</summary>
    public bool Real { get; }

    /// <summary>What builds pass as <c>BuildOptions.OutputFiles</c>: null (the real file system) on a real tmpfs.</summary>
    public IOutputFileSystem? Files => _simulated;

    /// <summary>Mounts (or simulates) a 64 MiB file system at <paramref name="folder"/>, which is created empty.</summary>
    public static SmallDisk At(string folder)
    {
        Directory.CreateDirectory(folder);
        if (CanMount && Run("mount", "-t", "tmpfs", "-o", $"size={Size}", "tmpfs", folder) == 0)
        {
            return new SmallDisk(folder, real: true);
        }

        return new SmallDisk(folder, real: false);
    }

    /// <summary>Uses up all but <paramref name="bytes"/> of the space (a filler file at <paramref name="filler"/>, on the disk).</summary>
    public void LeaveFree(long bytes, string filler)
    {
        if (_simulated is not null)
        {
            _simulated.SpaceLeft = bytes;
            return;
        }

        var free = new DriveInfo(Folder).AvailableFreeSpace;
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write);
        stream.SetLength(0);
        var block = new byte[1024 * 1024];
        for (var left = free - bytes; left > 0; left -= block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, left));
        }
    }

    /// <summary>Gives the space back.</summary>
    public void FreeAll(string filler)
    {
        if (_simulated is not null)
        {
            _simulated.SpaceLeft = null;
        }

        File.Delete(filler);
    }

    /// <summary>Remounts it read-only (or writable again); false when the mount command fails.</summary>
    public bool RemountReadOnly(bool readOnly)
    {
        if (_simulated is not null)
        {
            _simulated.ReadOnly = readOnly;
            return true;
        }

        return Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Folder) == 0;
    }

    public void Dispose()
    {
        if (Real)
        {
            Run("umount", "-l", Folder);
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var folder = Path.Combine(Path.GetTempPath(), "atlas-tests", "mount-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            return Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder) == 0 && Run("umount", folder) == 0;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static int Run(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no mount command
        }
    }

    /// <summary>
    /// The real file system, except under the disk's folder: writes fail with ENOSPC (after writing what fits, as a
    /// real write does) once <see cref="SpaceLeft"/> is used up, and the folder itself cannot be renamed (EBUSY).
    /// </summary>
    private sealed class SimulatedFileSystem(string folder) : IOutputFileSystem
    {
        private readonly object _gate = new();
        private readonly string _folder = Path.GetFullPath(folder).TrimEnd('/');

        public long? SpaceLeft { get; set; }

        public bool ReadOnly { get; set; }

        public void WriteFile(string path, ReadOnlySpan<byte> content)
        {
            if (!Path.GetFullPath(path).StartsWith(_folder + "/", StringComparison.Ordinal))
            {
                PhysicalOutputFileSystem.Instance.WriteFile(path, content);
                return;
            }

            if (ReadOnly)
            {
                throw new IOException($"Read-only file system : '{path}'", 30);
            }

            int fits;
            lock (_gate)
            {
                fits = SpaceLeft is { } left ? (int)Math.Min(left, content.Length) : content.Length;
                SpaceLeft -= fits;
            }

            PhysicalOutputFileSystem.Instance.WriteFile(path, content[..fits]);
            if (fits < content.Length)
            {
                throw new IOException($"No space left on device : '{path}'", 28);
            }
        }

        public void MoveFile(string source, string destination) => PhysicalOutputFileSystem.Instance.MoveFile(source, destination);

        public bool ExchangeFolders(string first, string second) =>
            !IsMount(first) && !IsMount(second) && PhysicalOutputFileSystem.Instance.ExchangeFolders(first, second);

        public void MoveFolder(string source, string destination)
        {
            if (IsMount(source) || IsMount(destination))
            {
                throw new IOException($"Device or resource busy : '{source}'", 16);
            }

            PhysicalOutputFileSystem.Instance.MoveFolder(source, destination);
        }

        public string? WhyNotWritable(string folder) =>
            ReadOnly && (IsMount(folder) || Path.GetFullPath(folder).StartsWith(_folder + "/", StringComparison.Ordinal))
                ? "it is on a read-only file system"
                : PhysicalOutputFileSystem.Instance.WhyNotWritable(folder);

        private bool IsMount(string path) => Path.GetFullPath(path).TrimEnd('/') == _folder;
    }
}
