using Atlas.Scale;

namespace Atlas.Benchmarks;

/// <summary>
/// The sites benchmarked: "shipped" is the repository's atlas as is; a number is a site of that many entities made
/// by tests/Atlas.Scale into $ATLAS_BENCH_SITES (default /dev/shm/atlas-benchmarks, tmpfs), generated once by the host
/// process before BenchmarkDotNet starts its child processes, which inherit the variable.
/// </summary>
public static class Sites
{
    public const string Shipped = "shipped";

    public static string Root =>
        Environment.GetEnvironmentVariable("ATLAS_BENCH_SITES") is { Length: > 0 } root
            ? root
            : Directory.Exists("/dev/shm") ? "/dev/shm/atlas-benchmarks" : Path.Combine(Path.GetTempPath(), "atlas-benchmarks");

    /// <summary>The repository: the first folder up from here (or from the current folder) with site.yml and Atlas.slnx.</summary>
    public static string Repository
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ATLAS_REPO") is { Length: > 0 } repo)
            {
                return repo;
            }

            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "site.yml")) && File.Exists(Path.Combine(dir.FullName, "Atlas.slnx")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("cannot find the repository (site.yml next to Atlas.slnx); set ATLAS_REPO");
        }
    }

    public static string PathOf(string site) => site == Shipped ? Repository : Path.Combine(Root, $"site-{site}");

    /// <summary>Generates the site of <paramref name="site"/> entities unless it is already there (same marker).</summary>
    public static void Ensure(string site)
    {
        if (site == Shipped)
        {
            return;
        }

        var path = PathOf(site);
        var marker = Path.Combine(path, OutputFolder.Marker);
        var expected = $"written by tests/Atlas.Scale: atlas site, {int.Parse(site)} entities\n";
        if (File.Exists(marker) && File.ReadAllText(marker) == expected && Directory.Exists(Path.Combine(path, "content")))
        {
            return;
        }

        var real = RealAtlas.Load(Repository);
        AtlasSiteWriter.Write(real, new ScalePlan(real, int.Parse(site)), path);
        Console.WriteLine($"// generated {site} entities into {path}");
    }
}
