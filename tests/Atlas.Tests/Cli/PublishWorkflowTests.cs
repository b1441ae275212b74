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

    private static YamlMapping Workflow()
    {
        var path = Path.Combine(Repository.Root, ".github/workflows/publish.yml");
        var diagnostics = new DiagnosticBag();
        Assert.True(YamlReader.TryRead(File.ReadAllText(path), "publish.yml", diagnostics, out var root), string.Join("\n", diagnostics.ToSortedList()));
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
