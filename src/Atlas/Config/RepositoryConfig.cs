using System.Text.RegularExpressions;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Config;

/// <summary>The Git hosts whose web editor and history pages the edit links can point at.</summary>
public enum RepositoryHost
{
    // GitLab (…/-/edit/…, …/-/commits/…) and Gitea (…/_edit/…, …/commits/branch/…) differ only in the URL forms of
    // Atlas.Rendering.EditLinks and in a `url:` for a self-hosted instance; add them there.
    GitHub,
}

/// <summary>
/// site.yml <c>repository:</c>, where the site's files live: every entity page then links to the Git host's web
/// editor for its files and to their history. <paramref name="Path"/> is the site's folder within the repository
/// ("" when site.yml is at its root), without leading or trailing '/'. Absent: no edit links.
/// <see cref="EditorAuth"/>: the address of the OAuth proxy through which the web editor at /admin/ logs editors in
/// to the Git host (a static host has no OAuth endpoint of its own; Decap's <c>base_url</c>); absent, Decap's default.
/// </summary>
public sealed record RepositoryConfig(RepositoryHost Host, string Owner, string Name, string Branch, string Path)
{
    public string? EditorAuth { get; init; }

    public const string Key = "repository";

    /// <summary>The path of a site file (relative to the site folder, '/'-separated) within the repository.</summary>
    public string PathOf(string siteFile) => Path.Length == 0 ? siteFile : $"{Path}/{siteFile}";
}

/// <summary>
/// Reads <c>repository: {host: github, repo: owner/name, branch: main, path: site}</c>; host defaults to github,
/// branch to main, path to the repository's root.
/// </summary>
internal static partial class RepositoryConfigLoader
{
    // GitHub's rules: an owner is 1–39 letters, digits or single hyphens; a repository name letters, digits, '.', '-', '_'.
    [GeneratedRegex("^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})/(?<name>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerAndNameRule();

    // A subset of git-check-ref-format: no spaces, control characters, '~^:?*[\', '..', '@{', no leading or trailing '/' or '.'.
    [GeneratedRegex(@"^(?!/|\.)(?!.*(\.\.|//|@\{|/\.|\.lock$|\.lock/|/$|\.$))[^\x00-\x20\x7f~^:?*\[\\]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BranchName();

    /// <summary>owner/name split, or null when it is not one (also for <c>--repository</c>).</summary>
    public static (string Owner, string Name)? OwnerAndName(string repo) =>
        OwnerAndNameRule().Match(repo) is { Success: true } match && match.Groups["name"].Value is not ("." or "..")
            ? (match.Groups["owner"].Value, match.Groups["name"].Value)
            : null;

    public static RepositoryConfig? Load(MappingReader site, DiagnosticBag diagnostics)
    {
        if (site.Node<YamlMapping>(RepositoryConfig.Key, required: false) is not { } mapping)
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var reader = new MappingReader(mapping, RepositoryConfig.Key, diagnostics);
        reader.RejectUnknownKeys("host", "repo", "branch", "path", "editor_auth");

        var host = RepositoryHost.GitHub;
        var hostText = reader.String("host", required: false, fallback: "github")!;
        if (hostText != "github")
        {
            diagnostics.Error(mapping["host"]!.Location,
                $"repository host '{hostText}' is not supported; the edit links know github (GitLab and Gitea are not built yet).");
        }

        var repo = reader.String("repo", required: true);
        var ownerAndName = repo is null ? null : OwnerAndName(repo);
        if (repo is not null && ownerAndName is null)
        {
            diagnostics.Error(mapping["repo"]!.Location,
                $"repository repo '{repo}' must be owner/name as in the repository's address (github.com/owner/name), such as example-org/atlas.");
        }

        var branch = reader.String("branch", required: false, fallback: "main")!;
        if (!BranchName().IsMatch(branch))
        {
            diagnostics.Error(mapping["branch"]!.Location,
                $"repository branch '{branch}' is not a branch name Git accepts (no spaces, '..', '~', '^', ':', '?', '*', '[' or '\\'); give the branch the site is published from, such as main.");
        }

        var path = reader.String("path", required: false, fallback: "")!.Trim('/');
        if (path.Split('/').Any(part => part is "." or "..") || path.Contains('\\') || path.Contains("//", StringComparison.Ordinal) ||
            path.Any(char.IsControl))
        {
            diagnostics.Error(mapping["path"]!.Location,
                $"repository path '{path}' must be the site's folder within the repository, as a/b with '/' and without '.' or '..' parts; leave it out when site.yml is at the repository's root.");
        }

        var editorAuth = reader.String("editor_auth", required: false);
        if (editorAuth is not null && (!Uri.TryCreate(editorAuth, UriKind.Absolute, out var auth) || auth.Scheme != Uri.UriSchemeHttps ||
            auth.Query.Length > 0 || auth.Fragment.Length > 0))
        {
            diagnostics.Error(mapping["editor_auth"]!.Location,
                $"repository editor_auth '{editorAuth}' must be the https:// address of the OAuth proxy that logs editors in to the web editor, such as https://auth.example.org; leave it out to use the editor's default.");
        }

        if (diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new RepositoryConfig(host, ownerAndName!.Value.Owner, ownerAndName.Value.Name, branch, path) { EditorAuth = editorAuth };
    }
}
