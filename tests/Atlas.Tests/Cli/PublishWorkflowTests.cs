using Atlas.Diagnostics;
using Atlas.Tests.Support;
using Atlas.Yaml;

namespace Atlas.Tests.Cli;

/// <summary>The publishing workflow is YAML that CI reads; check its shape here, where a mistake is cheap.</summary>
public sealed class PublishWorkflowTests
{
    [Fact]
    public void The_workflow_tests_builds_strictly_checks_and_deploys_main_to_pages_and_uploads_pull_requests()
    {
        var workflow = Workflow();
        var triggers = Assert.IsType<YamlMapping>(workflow["on"]);
        Assert.NotNull(triggers["push"]);
        Assert.NotNull(triggers["pull_request"]);

        var jobs = Assert.IsType<YamlMapping>(workflow["jobs"]);
        var steps = Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(jobs["build"])["steps"]).Items.Cast<YamlMapping>().ToList();
        string Text(YamlMapping step, string key) => (step[key] as YamlScalar)?.Value ?? "";
        var runs = steps.Select(s => Text(s, "run")).ToList();
        var uses = steps.Select(s => Text(s, "uses")).Concat(
            Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(jobs["deploy"])["steps"]).Items.Cast<YamlMapping>().Select(s => Text(s, "uses"))).ToList();

        Assert.Contains(runs, r => r.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("build --strict", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains(" check ", StringComparison.Ordinal) || r.Contains("check --output", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/deploy-pages", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-artifact", StringComparison.Ordinal));
    }

    /// <summary>
    /// A pull request runs its own code in the build job (tests, templates, content): nothing there may be worth
    /// stealing. Every checkout leaves no token in .git/config, every job that can run for a pull request has
    /// read-only permissions and names no secret or token, and only jobs that never run for one may write.
    /// </summary>
    [Fact]
    public void Pull_request_jobs_get_no_secrets_no_write_permissions_and_no_persisted_checkout_token()
    {
        var workflow = Workflow();
        var triggers = Assert.IsType<YamlMapping>(workflow["on"]);
        Assert.Null(triggers["pull_request_target"]); // runs with the base repository's secrets and a write token
        AssertReadOnly(workflow["permissions"], "the workflow");

        var jobs = Assert.IsType<YamlMapping>(workflow["jobs"]);
        var checkouts = 0;
        var pullRequestJobs = 0;
        foreach (var (key, value) in jobs.Entries)
        {
            var name = key.Value;
            var job = Assert.IsType<YamlMapping>(value);
            foreach (var step in (job["steps"] as YamlSequence)?.Items.Cast<YamlMapping>() ?? [])
            {
                if ((step["uses"] as YamlScalar)?.Value.StartsWith("actions/checkout", StringComparison.Ordinal) == true)
                {
                    checkouts++;
                    var persist = (step["with"] as YamlMapping)?["persist-credentials"] as YamlScalar;
                    Assert.True(persist?.Value == "false", $"job {name}: actions/checkout without persist-credentials: false leaves the token in .git/config");
                }
            }

            if (NeverRunsForPullRequests(job))
            {
                continue;
            }

            pullRequestJobs++;
            AssertReadOnly(job["permissions"], $"job {name} (runs for pull requests)");
            foreach (var text in Scalars(job))
            {
                Assert.False(text.Contains("secrets.", StringComparison.Ordinal) || text.Contains("github.token", StringComparison.Ordinal) ||
                             text.Contains("GITHUB_TOKEN", StringComparison.Ordinal),
                    $"job {name} runs for pull requests and names a secret or the token: {text}");
            }
        }

        Assert.True(checkouts > 0, "no checkout step found: the test no longer reads the workflow it guards");
        Assert.True(pullRequestJobs > 0, "no job runs for pull requests: the test no longer reads the workflow it guards");
        Assert.False(NeverRunsForPullRequests(Assert.IsType<YamlMapping>(jobs["build"])));
        Assert.True(NeverRunsForPullRequests(Assert.IsType<YamlMapping>(jobs["deploy"])));
    }

    /// <summary>
    /// A push to main that a newer push cancels half-way leaves Pages with a half-finished deployment: only a pull
    /// request's superseded runs are cancelled. Every job has a time limit.
    /// </summary>
    [Fact]
    public void Deployments_of_main_are_never_cancelled_and_every_job_has_a_time_limit()
    {
        foreach (var file in new[] { "publish.yml", "release.yml" })
        {
            var workflow = Workflow(file);
            var cancel = (Assert.IsType<YamlMapping>(workflow["concurrency"])["cancel-in-progress"] as YamlScalar)?.Value ?? "false";
            Assert.True(cancel == "false" || cancel == "${{ github.event_name == 'pull_request' }}",
                $"{file}: cancel-in-progress '{cancel}' would cancel a deployment of main half-way");
            foreach (var (name, job) in Assert.IsType<YamlMapping>(workflow["jobs"]).Entries)
            {
                Assert.True(Assert.IsType<YamlMapping>(job)["timeout-minutes"] is YamlScalar { Value.Length: > 0 },
                    $"{file}: job {name.Value} has no timeout-minutes");
            }
        }
    }

    /// <summary>
    /// Compiled once: one Release build, which the tests and the atlas's own commands reuse (no second compilation
    /// by a bare dotnet run or test); restored in locked mode; the address from configure-pages, which knows custom
    /// domains and user sites.
    /// </summary>
    [Fact]
    public void The_build_job_restores_locked_compiles_once_and_takes_the_address_from_configure_pages()
    {
        var steps = Steps(Workflow("publish.yml"), "build");
        var runs = steps.Select(s => (s["run"] as YamlScalar)?.Value ?? "").Where(r => r.Length > 0).ToList();
        Assert.Contains(runs, r => r.StartsWith("dotnet restore", StringComparison.Ordinal) && r.Contains("--locked-mode", StringComparison.Ordinal));
        Assert.Single(runs, r => r.StartsWith("dotnet build", StringComparison.Ordinal) && r.Contains("-c Release", StringComparison.Ordinal));
        Assert.All(runs.Where(r => r.StartsWith("dotnet test", StringComparison.Ordinal)), r => Assert.Contains("--no-build", r));
        Assert.DoesNotContain(runs, r => r.Contains("dotnet run", StringComparison.Ordinal));
        Assert.Contains(steps, s => (s["uses"] as YamlScalar)?.Value.StartsWith("actions/configure-pages", StringComparison.Ordinal) == true);
        var buildStep = steps.Single(s => (s["run"] as YamlScalar)?.Value.Contains("build --strict", StringComparison.Ordinal) == true);
        var baseUrl = Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(buildStep["env"])["BASE_URL"]).Value;
        Assert.Contains("steps.pages.outputs.base_url", baseUrl);
    }

    /// <summary>
    /// The addresses configure-pages gives (no trailing slash) for a project site, a user site and a custom domain,
    /// as the workflow passes them (with a slash added): each builds a site whose absolute links start there.
    /// </summary>
    [Theory]
    [InlineData("https://owner.github.io/atlas")]
    [InlineData("https://owner.github.io")]
    [InlineData("https://atlas.example.cn")]
    public void Each_address_configure_pages_gives_builds_a_site_linked_at_that_address(string pagesBaseUrl)
    {
        using var site = TestSite.Minimal();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, Atlas.Cli.AtlasCommand.Run(["build", "--site", site.Directory, "--strict", "--base-url", pagesBaseUrl + "/"], stdout, stderr));
        Assert.Contains($"href=\"{pagesBaseUrl}/en/parks/gaozhu/\"", site.Read("zh/parks/gaozhu/index.html"));
        Assert.Contains($"<loc>{pagesBaseUrl}/zh/</loc>", site.Read("sitemap.xml"));
    }

    /// <summary>The actions at their current majors (those on a retired Node version stop working on the hosted runners).</summary>
    [Fact]
    public void Every_action_is_at_least_at_its_current_major_version()
    {
        var minimum = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["actions/checkout"] = 6, ["actions/setup-dotnet"] = 5, ["actions/configure-pages"] = 6,
            ["actions/upload-pages-artifact"] = 5, ["actions/deploy-pages"] = 5, ["actions/upload-artifact"] = 7,
            ["actions/download-artifact"] = 8,
        };
        var seen = 0;
        foreach (var file in new[] { "publish.yml", "release.yml" })
        {
            var workflow = Workflow(file);
            foreach (var (name, _) in Assert.IsType<YamlMapping>(workflow["jobs"]).Entries)
            {
                foreach (var uses in Steps(workflow, name.Value).Select(s => (s["uses"] as YamlScalar)?.Value).OfType<string>())
                {
                    var at = uses.IndexOf("@v", StringComparison.Ordinal);
                    Assert.True(at > 0 && minimum.ContainsKey(uses[..at]), $"{file}: {uses} is not a known action at a major version");
                    Assert.True(int.Parse(uses[(at + 2)..].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) >= minimum[uses[..at]],
                        $"{file}: {uses} is older than v{minimum[uses[..at]]}");
                    seen++;
                }
            }
        }

        Assert.True(seen >= 10, "too few actions found: the test no longer reads the workflows it guards");
    }

    private static List<YamlMapping> Steps(YamlMapping workflow, string job) =>
        Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(Assert.IsType<YamlMapping>(workflow["jobs"])[job])["steps"])
            .Items.Cast<YamlMapping>().ToList();

    private static YamlMapping Workflow(string file = "publish.yml")
    {
        var path = Path.Combine(Repository.Root, ".github/workflows", file);
        var diagnostics = new DiagnosticBag();
        Assert.True(YamlReader.TryRead(File.ReadAllText(path), file, diagnostics, out var root), string.Join("\n", diagnostics.ToSortedList()));
        return Assert.IsType<YamlMapping>(root);
    }

    /// <summary>A job guarded by <c>if: github.event_name != 'pull_request' ...</c> (an "and", never an "or").</summary>
    private static bool NeverRunsForPullRequests(YamlMapping job) =>
        job["if"] is YamlScalar condition && !condition.Value.Contains("||", StringComparison.Ordinal) &&
        condition.Value.Contains("github.event_name != 'pull_request'", StringComparison.Ordinal);

    /// <summary>No permissions block (the workflow's apply), <c>read-all</c>, or every scope <c>read</c> or <c>none</c>.</summary>
    private static void AssertReadOnly(YamlNode? permissions, string what)
    {
        switch (permissions)
        {
            case null:
                return;
            case YamlScalar scalar:
                Assert.True(scalar.Value is "read-all" or "{}", $"{what}: permissions '{scalar.Value}' are not read-only");
                return;
            case YamlMapping scopes:
                foreach (var (scope, level) in scopes.Entries)
                {
                    var value = Assert.IsType<YamlScalar>(level).Value;
                    Assert.True(value is "read" or "none", $"{what}: permission {scope.Value}: {value} is not read-only");
                }

                return;
            default:
                Assert.Fail($"{what}: permissions must be a map or read-all");
                return;
        }
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalar scalar => [scalar.Value],
        YamlSequence sequence => sequence.Items.SelectMany(Scalars),
        YamlMapping mapping => mapping.Entries.SelectMany(e => Scalars(e.Key).Concat(Scalars(e.Value))),
        _ => [],
    };
}
