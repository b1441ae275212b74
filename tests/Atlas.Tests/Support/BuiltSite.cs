using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Atlas.Checking;

namespace Atlas.Tests.Support;

/// <summary>A built site on disk, parsed page by page with AngleSharp, with link resolution like a static host.</summary>
public sealed class BuiltSite(string output, string baseUrl)
{
    private readonly string _baseUrl = baseUrl;

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
    /// or null for an external link. The same resolution as <c>atlas check</c>.
    /// </summary>
    public (string File, string? Fragment)? Resolve(string page, string href) =>
        LinkResolver.Resolve(page, href, _baseUrl, BasePath) is { External: false } target ? (target.File, target.Fragment) : null;
}
