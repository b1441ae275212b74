namespace Atlas.Building;

/// <summary>
/// Writes files of an incremental build straight into the output: only when the bytes differ (so unchanged files
/// keep their dates and CDNs see no change), each through a temporary file and a rename so a reader never sees a
/// half-written page.
/// </summary>
public sealed class InPlaceWriter(string output)
{
    private readonly List<string> _changed = [];
    private int _written;

    public int Written => _written;

    /// <summary>The files written or deleted since the last call, in order: which open pages to reload.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        lock (_changed)
        {
            var changed = _changed.Order(StringComparer.Ordinal).ToList();
            _changed.Clear();
            return changed;
        }
    }

    /// <summary>Writes the file unless it already holds these bytes; true when it was written.</summary>
    public bool Write(string relativePath, byte[] content)
    {
        var full = Path.Combine(output, relativePath);
        if (File.Exists(full) && new FileInfo(full).Length == content.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".atlas-tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, full, overwrite: true);
        Interlocked.Increment(ref _written);
        lock (_changed)
        {
            _changed.Add(relativePath);
        }

        return true;
    }

    public void Delete(string relativePath)
    {
        var full = Path.Combine(output, relativePath);
        if (File.Exists(full))
        {
            File.Delete(full);
            lock (_changed)
            {
                _changed.Add(relativePath);
            }
        }

        // Remove folders left empty (a deleted entity's page folder), up to the output itself.
        var folder = Path.GetDirectoryName(full);
        var root = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        while (folder is not null && folder.Length > root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }
}
