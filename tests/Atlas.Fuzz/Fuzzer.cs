using System.Diagnostics;
using Atlas.Building;
using Atlas.Diagnostics;

namespace Atlas.Fuzz;

/// <summary>What one fuzz input led to. Only <see cref="Succeeded"/> and <see cref="Diagnosed"/> are acceptable.</summary>
public enum FuzzOutcome
{
    /// <summary>The mutated site built.</summary>
    Succeeded,

    /// <summary>The build failed with at least one located error diagnostic.</summary>
    Diagnosed,

    /// <summary>An exception escaped the engine.</summary>
    Crashed,

    /// <summary>The build did not finish in time.</summary>
    Hung,

    /// <summary>The build failed without an error, or reported a diagnostic without a file and line.</summary>
    Unexplained,
}

/// <summary>One input that was not acceptable, with everything needed to reproduce it.</summary>
public sealed record FuzzFinding(int Input, string File, string Mutation, FuzzOutcome Outcome, string Detail, byte[] Content);

/// <summary>The tally of a fuzz run.</summary>
public sealed class FuzzReport
{
    private readonly Lock _gate = new();

    public int Inputs { get; private set; }

    public int Succeeded { get; private set; }

    public int Diagnosed { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public List<FuzzFinding> Findings { get; } = [];

    /// <summary>How often each diagnostic message (with its specifics cut off) came up: what the fuzzer reached.</summary>
    public SortedDictionary<string, int> Messages { get; } = new(StringComparer.Ordinal);

    public void Add(FuzzOutcome outcome, IReadOnlyList<Diagnostic> diagnostics, FuzzFinding? finding)
    {
        lock (_gate)
        {
            Inputs++;
            switch (outcome)
            {
                case FuzzOutcome.Succeeded:
                    Succeeded++;
                    break;
                case FuzzOutcome.Diagnosed:
                    Diagnosed++;
                    break;
                default:
                    Findings.Add(finding!);
                    break;
            }

            foreach (var diagnostic in diagnostics.Where(d => d.IsError))
            {
                var key = diagnostic.Message.Length > 40 ? diagnostic.Message[..40] : diagnostic.Message;
                Messages[key] = Messages.GetValueOrDefault(key) + 1;
            }
        }
    }

    public override string ToString() =>
        $"{Inputs} inputs in {Elapsed.TotalSeconds:0} s: {Succeeded} built, {Diagnosed} failed with diagnostics " +
        $"({Messages.Count} distinct messages), {Findings.Count(f => f.Outcome == FuzzOutcome.Crashed)} crashes, " +
        $"{Findings.Count(f => f.Outcome == FuzzOutcome.Hung)} hangs, {Findings.Count(f => f.Outcome == FuzzOutcome.Unexplained)} unexplained failures.";
}

/// <summary>
/// Runs mutated copies of the <see cref="FuzzCorpus"/> through the real engine: a full <see cref="SiteBuilder.Build"/>
/// (load, validate, plan, render, export, swap) into a temporary output, one mutated file per input. Input
/// <c>i</c> of seed <c>s</c> is always the same bytes, so any finding can be replayed from its number.
/// </summary>
public sealed class Fuzzer(FuzzCorpus corpus, string workDirectory)
{
    /// <summary>A build of the corpus takes well under a second; this only catches real hangs.</summary>
    public TimeSpan HangLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Mutate the Scriban templates too (their problems are template authors', not editors').</summary>
    public bool Templates { get; init; }

    /// <summary>Runs inputs <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of seed <paramref name="seed"/>.</summary>
    public FuzzReport Run(int seed, int first, int count, Action<FuzzReport>? progress = null, int workers = 1)
    {
        var report = new FuzzReport();
        var clock = Stopwatch.StartNew();
        var targets = corpus.Targets(Templates);
        var donors = targets.Select(t => corpus.Files[t]).ToList();
        var next = first - 1;
        var end = first + count;

        var threads = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
        {
            var site = NewSite(worker);
            int input;
            while ((input = Interlocked.Increment(ref next)) < end)
            {
                var random = new Random(InputSeed(seed, input));
                var target = targets[random.Next(targets.Count)];
                var original = corpus.Files[target];
                var mutated = Mutator.Mutate(original, random, donors, out var mutation);
                var path = Path.Combine(site, target);
                File.WriteAllBytes(path, mutated);
                var (outcome, diagnostics, detail) = BuildOnce(site);
                report.Add(outcome, diagnostics,
                    outcome is FuzzOutcome.Succeeded or FuzzOutcome.Diagnosed ? null : new FuzzFinding(input, target, mutation, outcome, detail, mutated));
                if (outcome == FuzzOutcome.Hung)
                {
                    site = NewSite(worker); // the hung build may still be using the old folder: leave it to it
                }
                else
                {
                    File.WriteAllBytes(path, original);
                }

                if (progress is not null && report.Inputs % 1000 == 0)
                {
                    report.Elapsed = clock.Elapsed;
                    progress(report);
                }
            }
        }) { IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>
    /// The seed of one input's mutations. Not <see cref="HashCode"/>, which differs from process to process: input
    /// <c>i</c> of seed <c>s</c> must be the same bytes in every run, so that a finding can be replayed.
    /// </summary>
    public static int InputSeed(int seed, int input) => (int)((((long)seed * 1_000_003) + input) & int.MaxValue);

    private string NewSite(int worker)
    {
        var site = Path.Combine(workDirectory, $"worker-{worker}-{Guid.NewGuid():N}"[..24], "site");
        corpus.WriteTo(site);
        return site;
    }

    private (FuzzOutcome, IReadOnlyList<Diagnostic>, string) BuildOnce(string site)
    {
        var options = new BuildOptions(site)
        {
            OutputDirectory = Path.Combine(Path.GetDirectoryName(site)!, "public"),
            HomeDirectory = "/nonexistent-home-for-fuzzing",
        };

        var build = Task.Run(() => SiteBuilder.Build(options));
        try
        {
            if (!build.Wait(HangLimit))
            {
                return (FuzzOutcome.Hung, [], $"no result after {HangLimit.TotalSeconds:0} s");
            }
        }
        catch (AggregateException e)
        {
            return (FuzzOutcome.Crashed, [], e.InnerException?.ToString() ?? e.ToString());
        }

        var result = build.Result;
        if (result.Succeeded)
        {
            return (FuzzOutcome.Succeeded, result.Diagnostics, "");
        }

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            return (FuzzOutcome.Unexplained, result.Diagnostics, "the build failed without an error diagnostic");
        }

        if (errors.FirstOrDefault(d => d.Location.Path.Length == 0 || d.Location.Line < 1 || d.Location.Column < 1) is { } unlocated)
        {
            return (FuzzOutcome.Unexplained, result.Diagnostics, "a diagnostic without a file and line: " + unlocated);
        }

        return (FuzzOutcome.Diagnosed, result.Diagnostics, "");
    }
}
