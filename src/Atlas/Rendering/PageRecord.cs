using System.Collections.Immutable;

namespace Atlas.Rendering;

/// <summary>What one page's render depended on: files (site.yml, its bundle, templates) and dependency keys.</summary>
public sealed record PageRecord(string Path, string OutputFile, ImmutableSortedSet<string> Keys);
