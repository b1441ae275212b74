using Atlas.Sources;
using Atlas.Tests.Support;

namespace Atlas.Tests.Sources;

/// <summary>
/// The file type behind the policy's "regular files only": through the runtime's native layer, and through the C
/// library's statx that a single-file binary (no native layer of its own to call) uses on Linux. Both must tell a
/// named pipe or a device from a file, or a build would hang opening it.
/// </summary>
public sealed class FileKindTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atlas-kinds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Each_kind_of_path_is_told_apart_both_ways()
    {
        var file = Path.Combine(_folder, "file.yml");
        File.WriteAllText(file, "name: x\n");
        var pipe = Path.Combine(_folder, "pipe.yml");
        Posix.CreateFifo(pipe);
        var link = Path.Combine(_folder, "link.yml");
        File.CreateSymbolicLink(link, file);

        var expected = new Dictionary<string, FileKind>
        {
            [file] = FileKind.Regular, [pipe] = FileKind.NamedPipe, [link] = FileKind.SymbolicLink, [_folder] = FileKind.Folder,
            ["/dev/null"] = FileKind.CharacterDevice, [Path.Combine(_folder, "missing")] = FileKind.Missing,
        };
        foreach (var (path, kind) in expected)
        {
            Assert.Equal(kind, FileKinds.Of(path));
            Assert.Equal(kind, FileKinds.ViaStatx(path));
        }
    }

    [Fact]
    public void An_opened_device_is_not_a_regular_file_either_way()
    {
        using var device = File.OpenHandle("/dev/null");
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.ViaStatx(device.DangerousGetHandle()));
    }
}
