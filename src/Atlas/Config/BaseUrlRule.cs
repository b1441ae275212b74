namespace Atlas.Config;

/// <summary>
/// The rules for <c>base_url</c> (site.yml) and <c>--base-url</c>. Every absolute link of the site (canonical,
/// hreflang, sitemap, feeds, the 404 page's links) is the base URL followed by a path, so it must be a URL that a path
/// can follow: http or https, a host, no user name or password, no query and no fragment (".../atlas/?v=1" + "en/"
/// would put the page's path in the query).
/// </summary>
public static class BaseUrlRule
{
    /// <summary>The base URL ending in '/', or null with <paramref name="problem"/> saying what is wrong and how to fix it.</summary>
    /// <param name="text">As written.</param>
    /// <param name="what">How to name it in the message: "base_url" or "--base-url".</param>
    public static string? Normalize(string text, string what, out string problem)
    {
        problem = "";
        var example = "such as https://example.org/atlas/";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            problem = $"{what} '{text}' must be an absolute http(s) URL {example}.";
        }
        else if (!Uri.IsWellFormedUriString(text, UriKind.Absolute))
        {
            // Spaces, backslashes, unescaped brackets: the parser would fix them, but the text is used as written.
            problem = $"{what} '{text}' is not a well-formed URL (spaces, backslashes and such must be escaped, e.g. %20) {example}.";
        }
        else if (uri.UserInfo.Length > 0)
        {
            // Not echoed: a password would end up in the build log.
            problem = $"{what} holds a user name or password before '@{uri.Host}'; remove it: the base URL is published in every page.";
        }
        else if (text.Contains('?'))
        {
            problem = $"{what} '{text}' has a query ('{uri.Query}'); remove it: each page's path is added to the base URL, and after a query it would not be a path.";
        }
        else if (text.Contains('#'))
        {
            problem = $"{what} '{text}' has a fragment ('{uri.Fragment}'); remove it: each page's path is added to the base URL, and after a fragment it would not be a path.";
        }
        else
        {
            return text.EndsWith('/') ? text : text + "/";
        }

        return null;
    }
}
