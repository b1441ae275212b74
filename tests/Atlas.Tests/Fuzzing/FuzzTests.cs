using Atlas.Building;
using Atlas.Fuzz;
using Atlas.Tests.Support;

namespace Atlas.Tests.Fuzzing;

/// <summary>
/// The first few hundred inputs of the fuzz campaign (tests/Atlas.Fuzz runs 100,000 of the same seed): random
/// mutations of the shipped content, site.yml and UI strings, each one a full build of a small copy of the atlas.
/// Every input must build or fail with located diagnostics: never an exception, never a hang.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    public const int Seed = 1;
    public const int Inputs = 240;

    // Each input is a full build that writes a hundred files: in RAM, so that a few hundred fit in the unit tests.
    private readonly string _work = ScratchSpace.NewFolder("fuzz");

    [Fact]
    public void The_corpus_is_a_small_copy_of_the_atlas_that_builds_without_a_single_diagnostic()
    {
        var corpus = FuzzCorpus.Load(Repository.Root);
        var site = Path.Combine(_work, "clean", "site");
        corpus.WriteTo(site);
        var result = SiteBuilder.Build(new BuildOptions(site) { OutputDirectory = Path.Combine(_work, "clean", "public"), HomeDirectory = "/nonexistent" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);

        // Every collection of the real site.yml is there, so every entity template and list is exercised.
        var collections = corpus.Targets(templates: false).Where(t => t.StartsWith("content/", StringComparison.Ordinal))
            .Select(t => t.Split('/')[1]).ToHashSet();
        Assert.Equal(Directory.GetDirectories(Path.Combine(Repository.Root, "content")).Select(d => Path.GetFileName(d)).ToHashSet(), collections);
        Assert.True(result.PageCount > 50);
    }

    [Fact]
    public void Mutations_are_deterministic_so_any_input_can_be_replayed_from_its_number()
    {
        // The seed of an input is plain arithmetic, the same in every process (HashCode.Combine would not be).
        Assert.Equal(1_000_003 + 7, Fuzzer.InputSeed(1, 7));
        var input = "name: {zh: 成都, en: Chengdu}\nsummary: x\n"u8.ToArray();
        for (var i = 0; i < 50; i++)
        {
            var a = Mutator.Mutate(input, new Random(Fuzzer.InputSeed(Seed, i)), [input], out var first);
            var b = Mutator.Mutate(input, new Random(Fuzzer.InputSeed(Seed, i)), [input], out var second);
            Assert.Equal(a, b);
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void A_few_hundred_mutated_inputs_only_ever_build_or_fail_with_located_diagnostics()
    {
        var corpus = FuzzCorpus.Load(Repository.Root);
        var report = new Fuzzer(corpus, _work).Run(Seed, first: 0, Inputs, workers: 2);

        var findings = string.Join("\n\n", report.Findings.Select(f =>
            $"input {f.Input}: {f.Outcome} in {f.File} after {f.Mutation}:\n{f.Detail}"));
        Assert.True(report.Findings.Count == 0, $"{report}\n{findings}\nReplay with: dotnet run --project tests/Atlas.Fuzz -- --seed {Seed} --first N --inputs 1");
        Assert.Equal(Inputs, report.Inputs);

        // Both outcomes occur: the mutations reach the renderer, and they reach the validators.
        Assert.True(report.Succeeded >= Inputs / 10, report.ToString());
        Assert.True(report.Diagnosed >= Inputs / 10, report.ToString());
    }

    [Fact]
    public void A_few_hundred_random_file_system_shapes_never_leak_a_byte_from_outside_the_site()
    {
        // Links (to /, /proc/self/environ, /dev/zero, /etc/passwd, canary files and folders outside the site; chains,
        // loops, hidden hops, whole folders), named pipes, empty, huge and unreadable files: tests/Atlas.Fuzz --mode fs
        // runs the long campaign of the same seed.
        var corpus = FuzzCorpus.Load(Repository.Root);
        var report = new FileSystemFuzzer(corpus, _work).Run(Seed, first: 0, FileSystemInputs, workers: 2);

        var findings = string.Join("\n\n", report.Findings.Select(f => $"input {f.Input}: {f.Problem} after {f.Shapes}:\n{f.Detail}"));
        Assert.True(report.Findings.Count == 0, $"{report}\n{findings}\nReplay with: dotnet run --project tests/Atlas.Fuzz -- --mode fs --seed {Seed} --first N --inputs 1");
        Assert.Equal(FileSystemInputs, report.Inputs);

        // The shapes reach both outcomes: some inputs still build (a link that stays inside, an empty Markdown
        // file), most are refused; and every kind of shape was tried.
        Assert.True(report.Built > 0, report.ToString());
        Assert.True(report.Refused >= FileSystemInputs / 2, report.ToString());
        foreach (var kind in new[] { "link", "folder-link", "chain", "fifo", "empty", "huge", "unreadable", "inside-link" })
        {
            Assert.True(report.Shapes.GetValueOrDefault(kind) > 0, $"no '{kind}' shape in {FileSystemInputs} inputs");
        }
    }

    public const int FileSystemInputs = 200;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
