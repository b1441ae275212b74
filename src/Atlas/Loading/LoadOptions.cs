namespace Atlas.Loading;

/// <summary>What to load: the site folder (relative to the current folder or absolute) and the switches that change the model.</summary>
public sealed record LoadOptions(string SiteDirectory)
{
    /// <summary>Overrides site.yml's base_url (e.g. a deployment under another host or sub-path).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Include entities marked <c>draft: true</c> (left out by default).</summary>
    public bool Drafts { get; init; }
}
