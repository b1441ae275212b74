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
        var path = Path.Combine(Repository.Root, ".github/workflows/publish.yml");
        var diagnostics = new DiagnosticBag();
        Assert.True(YamlReader.TryRead(File.ReadAllText(path), "publish.yml", diagnostics, out var root), string.Join("\n", diagnostics.ToSortedList()));
        var workflow = Assert.IsType<YamlMapping>(root);
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
}
