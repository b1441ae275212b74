using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Atlas.Tests.Support;

/// <summary>A built site on disk, parsed page by page with AngleSharp, with link resolution like a static host.</summary>
public sealed class BuiltSite(string output, string baseUrl)
{
    private readonly Dictionary<string, IDocument> _documents = new(StringComparer.Ordinal);

    public string Output { get; } = output;

    private string BasePath { get; } = new Uri(baseUrl).AbsolutePath;

    public IEnumerable<string> Pages =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public IDocument Document(string page)
    {
        if (!_documents.TryGetValue(page, out var document))
        {
            document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, page)));
            _documents[page] = document;
        }

        return document;
    }

    /// <summary>
    /// Resolves a link found on <paramref name="page"/> to a file of the site ("en/parks/x/index.html") and a fragment,
    /// or null for an external link. Absolute links under the base URL count as internal.
    /// </summary>
    public (string File, string? Fragment)? Resolve(string page, string href)
    {
        string path;
        if (href.StartsWith(baseUrl, StringComparison.Ordinal))
        {
            path = href[baseUrl.Length..];
        }
        else if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
        {
            return null;
        }
        else if (href.StartsWith(BasePath, StringComparison.Ordinal))
        {
            path = Uri.UnescapeDataString(href[BasePath.Length..]); // root-relative, as on 404 pages
        }
        else
        {
            var pageUri = new Uri("https://site.invalid/" + page);
            var resolved = new Uri(pageUri, href);
            path = resolved.AbsolutePath.TrimStart('/') + resolved.Fragment;
            path = Uri.UnescapeDataString(path);
        }

        string? fragment = null;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            fragment = path[(hash + 1)..];
            path = path[..hash];
        }

        if (path == "" || path.EndsWith('/'))
        {
            path += "index.html";
        }

        return (path, fragment);
    }
}
