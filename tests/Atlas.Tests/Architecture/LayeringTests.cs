using System.Reflection;
using Atlas.Model;

namespace Atlas.Tests.Architecture;

/// <summary>
/// The engine's stages depend on each other one way: each namespace may use only the namespaces listed for it here
/// (read from the compiled assembly, see <see cref="TypeReferences"/>). A new dependency fails this test until the
/// table says it is intended, and the table itself must have no cycle.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Engine = typeof(SiteModel).Assembly;

    /// <summary>Which engine namespaces each one may use (Diagnostics and the namespace itself always).</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Diagnostics"] = [],
        ["Sources"] = [],
        ["Text"] = [],
        ["Yaml"] = ["Sources"],
        ["Reporting"] = ["Sources", "Yaml"],
        ["Config"] = ["Sources", "Yaml"],
        ["Content"] = ["Sources", "Yaml", "Config"],
        ["Markdown"] = ["Config"],
        ["Model"] = ["Sources", "Yaml", "Config", "Content", "Markdown", "Text"],
        ["Localization"] = ["Sources", "Yaml", "Config", "Model"],
        ["Maps"] = ["Sources", "Config", "Model"],
        ["Charts"] = ["Config", "Model"],
        ["Exports"] = ["Config", "Model", "Localization", "Maps", "Text"],
        ["Rendering"] = ["Sources", "Yaml", "Config", "Markdown", "Model", "Localization", "Maps", "Charts", "Text"],
        ["Output"] = [],
        ["Checking"] = [],
        ["Editing"] = ["Sources", "Config", "Model", "Exports"],
        ["Loading"] = ["Yaml", "Config", "Content", "Model", "Localization", "Maps", "Charts", "Exports", "Rendering"],
        ["Generating"] = ["Config", "Model", "Localization", "Exports", "Rendering", "Loading", "Editing"],
        ["Building"] = ["Sources", "Config", "Model", "Exports", "Rendering", "Output", "Loading", "Generating"],
    };

    [Fact]
    public void Every_engine_namespace_uses_only_the_namespaces_below_it()
    {
        var problems = new List<string>();
        foreach (var type in Engine.GetTypes().Where(t => !t.IsNested))
        {
            var from = Stage(type);
            if (from is null)
            {
                continue;
            }

            if (!MayUse.TryGetValue(from, out var allowed))
            {
                problems.Add($"{type.FullName}: namespace Atlas.{from} is not in the layering table; add it with the namespaces it may use");
                continue;
            }

            foreach (var used in TypeReferences.Of(type).Where(t => t.Assembly == Engine).Select(Stage).OfType<string>().Distinct())
            {
                if (used != from && used != "Diagnostics" && !allowed.Contains(used))
                {
                    problems.Add($"{type.FullName} (Atlas.{from}) uses Atlas.{used}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_layering_table_has_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Visit(string stage, string path)
        {
            Assert.True(visiting.Add(stage), $"cycle: {path}");
            foreach (var used in MayUse.GetValueOrDefault(stage, []))
            {
                if (!done.Contains(used))
                {
                    Visit(used, $"{path} -> {used}");
                }
            }

            visiting.Remove(stage);
            done.Add(stage);
        }

        foreach (var stage in MayUse.Keys)
        {
            if (!done.Contains(stage))
            {
                Visit(stage, stage);
            }
        }
    }

    /// <summary>The test itself must see a dependency that exists, or it would pass on anything.</summary>
    [Fact]
    public void The_reference_reader_sees_uses_in_signatures_and_in_method_bodies()
    {
        var used = TypeReferences.Of(typeof(Atlas.Rendering.SitePlanner)).ToHashSet();
        Assert.Contains(typeof(SiteUrls), used); // only called inside a method body
        Assert.Contains(typeof(PageSpec), used); // in a signature
    }

    private static string? Stage(Type type) =>
        type.Namespace is { } name && name.StartsWith("Atlas.", StringComparison.Ordinal) ? name["Atlas.".Length..].Split('.')[0] : null;
}
