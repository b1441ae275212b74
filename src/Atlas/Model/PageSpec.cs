using System.Collections.Immutable;

namespace Atlas.Model;

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
    /// <summary>The name of the extra page, taxonomy, or the taxonomy term this page shows.</summary>
    public string? Name { get; init; }

    public string? Term { get; init; }

    /// <summary>Pages are folders with an index.html so that URLs end in '/' on every static host; 404 pages are files.</summary>
    public string OutputFile => Path.EndsWith(".html", StringComparison.Ordinal) ? Path : Path + "index.html";

    /// <summary>
    /// How links from this page reach the site root: "../../../" for zh/parks/x/. A 404 page is served at any
    /// missing address, so its links must start from the site's base path instead (set by the planner).
    /// </summary>
    public string RootPrefix => AbsoluteRoot ?? Relative(Path.Count(c => c == '/'));

    private static string Relative(int depth) => depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));

    /// <summary>The base path ("/atlas/") for pages whose address is not known in advance (404).</summary>
    public string? AbsoluteRoot { get; init; }

    /// <summary>The same page in another language: pages differ only in their first path segment.</summary>
    public string PathIn(string language)
    {
        if (Kind == PageKind.NotFound && Path == "404.html")
        {
            return $"{language}/404.html";
        }

        return Language is null ? Path : language + Path[Language.Length..];
    }
}
