using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// A page to render: its URL path relative to the site root ("zh/parks/gaozhu-new-area/"), what it shows, with which
/// template, and the source files whose change affects it (content and config; templates are added at render time).
/// </summary>
public sealed record PageSpec(
    string Path,
    PageKind Kind,
    string? Language,
    string Template,
    string? Collection,
    EntityId? Entity,
    ImmutableArray<string> Dependencies)
{
    /// <summary>Pages are folders with an index.html so that URLs end in '/' on every static host.</summary>
    public string OutputFile => Path + "index.html";

    /// <summary>The relative prefix from this page back to the site root: "../../../" for zh/parks/x/.</summary>
    public string RootPrefix
    {
        get
        {
            var depth = Path.Count(c => c == '/');
            return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
        }
    }
}
