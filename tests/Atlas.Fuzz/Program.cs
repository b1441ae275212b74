using System.Globalization;
using System.Text;
using Atlas.Fuzz;

// The long fuzz campaign (the unit tests run the first few hundred inputs of the same seed):
//   dotnet run -c Release --project tests/Atlas.Fuzz -- --inputs 100000 --seed 1 --workers 2
// Options: --repo DIR (default: found above the current folder), --inputs N, --seed S, --first I (to replay from
// input I), --workers W, --templates yes (mutate the Scriban templates too), --findings DIR (where unacceptable inputs
// are saved; default $TMPDIR/atlas-fuzz-findings/).
// Exit code 0 when every input built or failed with located diagnostics; 1 when any crashed, hung or failed
// without a diagnostic.
//
// The file-system campaign (--mode fs): random links, named pipes, empty, huge and unreadable files in a small copy
// of the atlas, each input a whole `atlas build` through the command line; no canary from outside the site may
// reach the output or the messages:
//   TMPDIR=/dev/shm dotnet run -c Release --project tests/Atlas.Fuzz -- --mode fs --inputs 100000 --seed 1 --workers 2

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

var repository = options.GetValueOrDefault("repo") ?? FindRepository(Environment.CurrentDirectory);
var inputs = Option("inputs", 100_000);
var seed = Option("seed", 1);
var first = Option("first", 0);
var workers = Option("workers", Environment.ProcessorCount);
// Findings go to the temporary folder by default: never into the repository, whose top level is fixed.
var findings = options.GetValueOrDefault("findings") ?? Path.Combine(Path.GetTempPath(), "atlas-fuzz-findings");
var work = Path.Combine(Path.GetTempPath(), "atlas-fuzz-" + Guid.NewGuid().ToString("N")[..8]);

var corpus = FuzzCorpus.Load(repository);
if (options.GetValueOrDefault("mode") == "fs")
{
    Console.WriteLine($"file-system fuzzing: seed {seed}, inputs {first}..{first + inputs - 1}, {workers} workers, work folder {work}");
    var fileSystem = new FileSystemFuzzer(corpus, work).Run(seed, first, inputs, r => Console.WriteLine($"  {r}"), workers);
    Console.WriteLine(fileSystem);
    foreach (var (shape, count) in fileSystem.Shapes)
    {
        Console.WriteLine($"  {count,7} × {shape}");
    }

    foreach (var finding in fileSystem.Findings)
    {
        Console.WriteLine($"FINDING input {finding.Input}: {finding.Problem} after {finding.Shapes}:\n{finding.Detail}");
    }

    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
        // A hung build may still hold files there.
    }

    return fileSystem.Findings.Count == 0 ? 0 : 1;
}

Console.WriteLine($"corpus: {corpus.Files.Count} files ({corpus.Targets(options.GetValueOrDefault("templates") == "yes").Count} mutation targets) from {repository}");
Console.WriteLine($"seed {seed}, inputs {first}..{first + inputs - 1}, {workers} workers, work folder {work}");

var fuzzer = new Fuzzer(corpus, work) { Templates = options.GetValueOrDefault("templates") == "yes" };
var report = fuzzer.Run(seed, first, inputs, r => Console.WriteLine($"  {r}"), workers);
Console.WriteLine(report);

foreach (var (message, count) in report.Messages.OrderByDescending(p => p.Value).Take(40))
{
    Console.WriteLine($"  {count,7} × {message}");
}

if (report.Findings.Count > 0)
{
    Directory.CreateDirectory(findings);
    foreach (var finding in report.Findings)
    {
        var stem = Path.Combine(findings, $"seed{seed}-input{finding.Input}-{finding.Outcome}".ToLowerInvariant());
        File.WriteAllBytes(stem + "-" + Path.GetFileName(finding.File), finding.Content);
        File.WriteAllText(stem + ".txt", $"file: {finding.File}\nmutation: {finding.Mutation}\n\n{finding.Detail}\n", Encoding.UTF8);
        Console.WriteLine($"FINDING input {finding.Input}: {finding.Outcome} in {finding.File} ({finding.Mutation}): {finding.Detail.Split('\n')[0]}");
    }
}

try
{
    Directory.Delete(work, recursive: true);
}
catch (IOException)
{
    // A hung build may still hold files there.
}

return report.Findings.Count == 0 ? 0 : 1;

static string FindRepository(string from)
{
    for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "site.yml")) && Directory.Exists(Path.Combine(directory.FullName, "content")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository or pass --repo DIR");
}
