namespace Atlas.Diagnostics;

/// <summary>A position in a source file: a path relative to the site folder (forward slashes), 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation File(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
