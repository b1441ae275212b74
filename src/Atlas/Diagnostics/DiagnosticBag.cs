namespace Atlas.Diagnostics;

/// <summary>
/// Collects the diagnostics of a run so that every problem is reported at once, not only the first.
/// Thread-safe: rendering runs in parallel and reports into one bag.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            // The same template error can surface on every page that uses the template: report it once.
            if (_seen.Add(diagnostic))
            {
                _items.Add(diagnostic);
            }
        }
    }

    public void Error(SourceLocation location, string message) => Add(Diagnostic.Error(location, message));

    public void Warning(SourceLocation location, string message) => Add(Diagnostic.Warning(location, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    public int ErrorCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Count(d => d.IsError);
            }
        }
    }

    public int WarningCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Count(d => !d.IsError);
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.IsError);
            }
        }
    }

    /// <summary>The diagnostics in a stable order (path, line, column, message) so output is deterministic.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
        {
            return [.. _items
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }
}
