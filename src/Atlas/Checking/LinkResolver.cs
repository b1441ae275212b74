namespace Atlas.Checking;

/// <summary>Resolves a link found on a page of the built site to a file of the site, as a static host would.</summary>
public static class LinkResolver
{
    public sealed record Target(string File, string? Fragment, bool External);

    /// <summary>Null for links that are not to be checked (mailto:, tel:, data: images...).</summary>
    public static Target? Resolve(string page, string href, string baseUrl, string basePath)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
            href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string path;
        if (href.StartsWith(baseUrl, StringComparison.Ordinal))
        {
            path = href[baseUrl.Length..];
        }
        else if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return new Target(href, null, External: true);
        }
        else if (href.StartsWith("//", StringComparison.Ordinal))
        {
            return new Target(href, null, External: true);
        }
        else if (href.StartsWith('/'))
        {
            if (!href.StartsWith(basePath, StringComparison.Ordinal))
            {
                return new Target(href.TrimStart('/'), null, External: false); // outside the site's base path: will not exist
            }

            path = href[basePath.Length..];
        }
        else
        {
            var resolved = new Uri(new Uri("https://site.invalid/" + page), href);
            path = resolved.AbsolutePath.TrimStart('/') + resolved.Fragment;
        }

        string? fragment = null;
        var hash = path.IndexOf('#');
        if (hash >= 0)
        {
            fragment = path[(hash + 1)..];
            path = path[..hash];
        }

        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        path = Uri.UnescapeDataString(path);
        if (path == "" || path.EndsWith('/'))
        {
            path += "index.html";
        }

        if (fragment is not null && path == "index.html" && href.StartsWith('#'))
        {
            path = page; // a same-page anchor
        }

        return new Target(path, fragment, External: false);
    }
}
