using Atlas.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/Atlas.Benchmarks -- [--sites shipped,10000] [--quick] [--out-of-process] [BenchmarkDotNet arguments]
//   (default: ShortRun with 1 warm-up, every stage, both sites)
// dotnet run -c Release --project tests/Atlas.Benchmarks -- stages [--site shipped|N] [--runs R] [--probes]
if (args.Length > 0 && args[0] == "stages")
{
    var site = "10000";
    var runs = 2;
    var probes = args.Contains("--probes");
    args = [.. args.Where(a => a != "--probes")];
    for (var i = 1; i < args.Length - 1; i += 2)
    {
        switch (args[i])
        {
            case "--site": site = args[i + 1]; break;
            case "--runs": runs = int.Parse(args[i + 1]); break;
            default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
        }
    }

    return StageTimer.Run(site, runs, probes);
}

// Own options, removed before BenchmarkDotNet sees the rest:
//   --sites shipped,10000   which sites (default both)
//   --quick                 one cold iteration per benchmark (RunStrategy.Monitoring, no warm-up): for big sites on a busy machine
//   --out-of-process        BenchmarkDotNet's default toolchain (a generated project per job, built and run in a child
//                           process) instead of the in-process one; slower to start, better isolated
var rest = new List<string>();
var quick = false;
var outOfProcess = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--sites" && i + 1 < args.Length)
    {
        Environment.SetEnvironmentVariable("ATLAS_BENCH_SITE_PARAMS", args[++i]);
    }
    else if (args[i] == "--quick")
    {
        quick = true;
    }
    else if (args[i] == "--out-of-process")
    {
        outOfProcess = true;
    }
    else
    {
        rest.Add(args[i]);
    }
}

// Generate the sites once here: BenchmarkDotNet's child processes inherit ATLAS_BENCH_SITES and find them.
Environment.SetEnvironmentVariable("ATLAS_BENCH_SITES", Sites.Root);
Environment.SetEnvironmentVariable("ATLAS_REPO", Sites.Repository);
foreach (var site in StageBenchmarks.SiteValues())
{
    Sites.Ensure(site);
}

// In-process by default: no generated project to build (which alone can exceed BenchmarkDotNet's 2-minute build
// timeout on a busy 2-core machine), and the sites generated above are visible as they are.
IConfig config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
Job job;
if (quick)
{
    job = Job.Dry.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(0).WithIterationCount(1).WithId("Quick");
}
else
{
    // ShortRun with one warm-up instead of three: 1 launch, 1 warm-up, 3 measured iterations (each 10k stage takes
    // seconds, so one invocation per iteration).
    job = Job.ShortRun.WithWarmupCount(1).WithId("ShortRun-1warmup");
}

if (!outOfProcess)
{
    job = job.WithToolchain(InProcessEmitToolchain.Instance);
}

if (!rest.Any(a => a.StartsWith("--job", StringComparison.Ordinal) || a == "-j"))
{
    config = config.AddJob(job);
}

if (!rest.Any(a => a is "--filter" or "-f"))
{
    rest.AddRange(["--filter", "*"]);
}

BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run([.. rest], config);
return 0;
