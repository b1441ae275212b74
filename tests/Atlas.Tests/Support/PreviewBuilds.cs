using Atlas.Building;
using Atlas.Loading;
using Atlas.Preview;

namespace Atlas.Tests.Support;

/// <summary>
/// What the preview server does with a site, without the server: one build cache, each rebuild told which files
/// changed and handed the previous successful result; <see cref="Told"/> collects what open pages were told to reload.
/// </summary>
public sealed class PreviewBuilds(TestSite site)
{
    private readonly SiteCaches _caches = new();
    private BuildResult? _last;

    public string Output { get; } = Path.Combine(site.Directory, "public");

    /// <summary>Each call of <see cref="BuildOptions.PagesWritten"/> in the last rebuild, in order.</summary>
    public List<IReadOnlyList<string>> Told { get; } = [];

    /// <summary>Called with each list of files as it is told, while the rebuild runs (to look at the output then).</summary>
    public Action<IReadOnlyList<string>>? OnTold { get; set; }

    public PreviewBuild Rebuild(params string[]? changed)
    {
        Told.Clear();
        var options = new BuildOptions(site.Directory)
        {
            OutputDirectory = Output, HomeDirectory = "/nonexistent", SaveState = false,
            PagesWritten = files =>
            {
                Told.Add(files);
                OnTold?.Invoke(files);
            },
        };
        var build = PreviewRebuilder.Rebuild(options, _caches, _last, changed);
        var result = build.Report;
        if (result.Succeeded)
        {
            _last = result;
        }
        else if (_last is not null)
        {
            _last = PreviewRebuilder.AfterFailure(_last, result);
        }

        return build;
    }

    /// <summary>Asserts that the preview's output holds exactly the bytes of a full build of the site as it is now.</summary>
    public void AssertSameAsFullBuild()
    {
        var full = Path.Combine(site.Directory, "full-" + Guid.NewGuid().ToString("N")[..6]);
        site.BuildOk(full);
        var expected = TestSite.Snapshot(full);
        var actual = TestSite.Snapshot(Output);
        var differing = expected.Keys.Union(actual.Keys).Where(k => !expected.TryGetValue(k, out var e) || !actual.TryGetValue(k, out var a) || !Equals(e, a)).Order(StringComparer.Ordinal).ToList();
        Assert.True(differing.Count == 0, "differs from a full build: " + string.Join(", ", differing.Take(20))
            + (differing.Count > 0 && differing[0].EndsWith(".json", StringComparison.Ordinal) && File.Exists(Path.Combine(full, differing[0])) && File.Exists(Path.Combine(Output, differing[0]))
                ? "\nfull: " + File.ReadAllText(Path.Combine(full, differing[0])) + "\npreview: " + File.ReadAllText(Path.Combine(Output, differing[0])) : ""));
    }
}
