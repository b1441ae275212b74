namespace Atlas.Output;

/// <summary>
/// One writer at a time per output folder, across processes: an exclusive lock (flock on Unix, a share lock on
/// Windows) on <c>.&lt;name&gt;.lock</c> beside the output. The kernel drops the lock when its holder exits, however
/// it exits (a killed build never leaves a stale lock behind).
/// <para>
/// The lock file is never deleted. Deleting it on release would let a build that opened the old file just before
/// the delete lock that unlinked file while a third build creates and locks a new one: two writers at once.
/// </para>
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// The lock file of an output folder, beside its real path (symbolic links resolved): builds into two names of
    /// one folder (a link and its target) take the same lock, so they run one at a time too.
    /// </summary>
    public static string PathFor(string output)
    {
        var real = OutputFolder.RealPath(output);
        return Path.Combine(Path.GetDirectoryName(real)!, $".{Path.GetFileName(real)}.lock");
    }

    /// <summary>
    /// Takes the lock of <paramref name="output"/>, or returns null with <paramref name="busy"/> true when another
    /// process (or another build in this one) holds it. Other failures, such as a folder that cannot be written, are
    /// thrown as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static OutputLock? TryAcquire(string output, out bool busy)
    {
        var path = PathFor(output);
        busy = false;
        try
        {
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException) when (File.Exists(path))
        {
            busy = true;
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
