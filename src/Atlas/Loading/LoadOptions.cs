namespace Atlas.Loading;

/// <summary>What to load: the site folder (relative to the current folder or absolute) and the switches that change the model.</summary>
public sealed record LoadOptions(string SiteDirectory)
{
    /// <summary>Overrides site.yml's base_url (e.g. a deployment under another host or sub-path).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Overrides site.yml's repository owner/name (the edit links' target): a publish workflow passes the
    /// repository it runs in, so a fork's site links to the fork.</summary>
    public string? Repository { get; init; }

    /// <summary>Include entities marked <c>draft: true</c> (left out by default).</summary>
    public bool Drafts { get; init; }

    /// <summary>The git program for the Git dates: a name looked up on PATH or a path (a seam for tests of a slow or missing git).</summary>
    public string Git { get; init; } = "git";

    /// <summary>How long one git command may run before it is stopped.</summary>
    public TimeSpan GitTimeout { get; init; } = GitHistory.DefaultTimeout;
}
