using Atlas.Tests.Support;

namespace Atlas.Tests.Config;

/// <summary>site.yml <c>repository:</c>: each mistake is an error on its own line that says what to write instead.</summary>
public sealed class RepositoryConfigTests
{
    private static TestSite WithRepository(string repository)
    {
        var site = TestSite.Minimal();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Directory, "site.yml")).TrimEnd() + "\n" + repository);
        return site;
    }

    private static int LineOf(TestSite site, string text) =>
        File.ReadAllLines(Path.Combine(site.Directory, "site.yml")).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Theory]
    [InlineData("repo: cc-atlas", "repo: cc-atlas", "must be owner/name as in the repository's address")]
    [InlineData("repo: https://github.com/example-org/cc-atlas", "repo: https", "must be owner/name")]
    [InlineData("repo: example-org/..", "repo: example-org", "must be owner/name")]
    [InlineData("repo: -org/cc-atlas", "repo: -org", "must be owner/name")]
    [InlineData("repo: example-org/cc-atlas\n  host: gitlab", "host: gitlab", "repository host 'gitlab' is not supported")]
    [InlineData("repo: example-org/cc-atlas\n  branch: my branch", "branch: my branch", "is not a branch name Git accepts")]
    [InlineData("repo: example-org/cc-atlas\n  branch: a..b", "branch: a..b", "is not a branch name Git accepts")]
    [InlineData("repo: example-org/cc-atlas\n  path: ../elsewhere", "path: ../elsewhere", "must be the site's folder within the repository")]
    [InlineData("repo: example-org/cc-atlas\n  path: 'a\\b'", "path: 'a", "must be the site's folder within the repository")]
    [InlineData("repo: example-org/cc-atlas\n  owner: example-org", "owner: example-org", "unknown key 'owner' in repository; expected one of: host, repo, branch, path, editor_auth")]
    [InlineData("repo: example-org/cc-atlas\n  editor_auth: http://auth.example.org", "editor_auth: http:", "must be the https:// address of the OAuth proxy")]
    [InlineData("repo: example-org/cc-atlas\n  editor_auth: auth.example.org", "editor_auth: auth", "must be the https:// address of the OAuth proxy")]
    public void A_mistake_is_reported_on_its_line(string body, string lineText, string fragment)
    {
        using var site = WithRepository("repository:\n  " + body + "\n");
        DiagnosticAssert.HasError(site.Build(), "site.yml", LineOf(site, lineText), fragment);
    }

    [Fact]
    public void The_repository_needs_its_owner_and_name()
    {
        using var site = WithRepository("repository:\n  branch: main\n");
        DiagnosticAssert.HasError(site.Build(), "site.yml", LineOf(site, "branch: main"), "repository needs 'repo'");
    }

    [Fact]
    public void Host_and_branch_default_to_github_and_main_and_the_path_to_the_root()
    {
        using var site = WithRepository("repository:\n  repo: example-org/cc-atlas\n");
        var diagnostics = new Atlas.Diagnostics.DiagnosticBag();
        var config = Atlas.Config.SiteConfigLoader.Load(site.Directory, Atlas.Model.Fields.FieldTypes.Catalog, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        Assert.Equal(new Atlas.Config.RepositoryConfig(Atlas.Config.RepositoryHost.GitHub, "example-org", "cc-atlas", "main", ""), config!.Repository);
    }
}
