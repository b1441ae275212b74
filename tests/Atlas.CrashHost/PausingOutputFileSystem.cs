using Atlas.Output;

namespace Atlas.CrashHost;

/// <summary>
/// The real file system, except that it stops the process at one point of the build's write: <c>writing</c> (after
/// <see cref="PauseAfterWrites"/> files are written), <c>before-swap</c> (before the first folder is exchanged or
/// renamed) or <c>between-renames</c> (it refuses the atomic exchange, so the swap takes two renames, and stops
/// between them). On reaching the point it creates <c>.&lt;output&gt;.paused-&lt;point&gt;</c> beside the output
/// and sleeps until the test kills it.
/// </summary>
public sealed class PausingOutputFileSystem(string output, string point) : IOutputFileSystem
{
    public const int PauseAfterWrites = 20;

    private readonly IOutputFileSystem _files = PhysicalOutputFileSystem.Instance;
    private int _writes;
    private int _folderMoves;

    public void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        _files.WriteFile(path, content);
        if (point == "writing" && Interlocked.Increment(ref _writes) == PauseAfterWrites)
        {
            Pause();
        }
    }

    public void MoveFile(string source, string destination) => _files.MoveFile(source, destination);

    public bool ExchangeFolders(string first, string second)
    {
        if (point == "between-renames")
        {
            return false;
        }

        PauseAt("before-swap");
        return _files.ExchangeFolders(first, second);
    }

    public void MoveFolder(string source, string destination)
    {
        var move = Interlocked.Increment(ref _folderMoves);
        PauseAt(move == 1 ? "before-swap" : "between-renames");
        _files.MoveFolder(source, destination);
    }

    public string? WhyNotWritable(string folder) => _files.WhyNotWritable(folder);

    private void PauseAt(string here)
    {
        if (point == here)
        {
            Pause();
        }
    }

    private void Pause()
    {
        var parent = Path.GetDirectoryName(output)!;
        File.WriteAllText(Path.Combine(parent, $".{Path.GetFileName(output)}.paused-{point}"), $"{Environment.ProcessId}\n");
        Thread.Sleep(TimeSpan.FromMinutes(10)); // the test kills the process long before
    }
}
