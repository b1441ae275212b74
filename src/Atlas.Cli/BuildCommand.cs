using System.CommandLine;
using System.Globalization;
using Atlas.Building;

namespace Atlas.Cli;

/// <summary><c>atlas build</c>: builds the site and prints every diagnostic and a one-line summary.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var site = CommonOptions.Site();
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (default: site.yml's output, usually public/)." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Override site.yml's base_url, e.g. https://host/atlas/." };
        var repository = new Option<string?>("--repository")
        {
            Description = "Override site.yml's repository owner/name (the edit links' target), e.g. example-org/atlas.",
        };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var force = new Option<bool>("--force") { Description = "Replace an existing output folder that no atlas build wrote." };
        var drafts = new Option<bool>("--drafts") { Description = "Include entities marked draft: true." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each stage of the build took." };
        var timeout = CommonOptions.Timeout();
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Re-render only the pages affected by what changed since the last build (same bytes as a full build).",
        };

        var command = new Command("build", "Build the site into the output folder. The previous output stays untouched if the build fails.")
        {
            site, output, baseUrl, repository, strict, force, incremental, drafts, timings, timeout,
        };

        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(site)!)
            {
                OutputDirectory = parse.GetValue(output),
                BaseUrl = parse.GetValue(baseUrl),
                Repository = parse.GetValue(repository),
                Strict = parse.GetValue(strict),
                Force = parse.GetValue(force),
                Drafts = parse.GetValue(drafts),
                Timeout = CommonOptions.Seconds(parse.GetValue(timeout)),
                Progress = Progress.For(stderr),
            };

            var result = parse.GetValue(incremental) ? SiteBuilder.BuildIncremental(options) : SiteBuilder.Build(options);
            Progress.Clear(stderr);
            DiagnosticPrinter.Print(result.Diagnostics, options.SiteDirectory, stderr);
            var display = result.OutputDirectory == "" ? "" : Path.GetRelativePath(Environment.CurrentDirectory, result.OutputDirectory) + "/";
            if (!result.Succeeded)
            {
                var where = display == "" ? "the previous output" : $"the previous output in {display}";
                var outcome = result.OutputChanged
                    ? $"{display} was partly changed (the errors above say how); the next build that succeeds writes all of it"
                    : $"nothing was written and {where} is untouched";
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"build failed: {Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")}; {outcome}."));
                return AtlasCommand.ContentErrors;
            }

            var languages = string.Join(", ", result.PagesPerLanguage.Where(p => p.Key != "").Select(p => $"{p.Key} {p.Value}"));
            var summary = result.PagesRendered < result.PageCount
                ? $"rendered {result.PagesRendered} affected pages and wrote {Plural(result.FilesWritten, "changed file")}"
                : $"wrote {Plural(result.FilesWritten - result.PageCount, "other file")}";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"built {Plural(result.PageCount, "page")} ({languages}, root {result.PagesPerLanguage.GetValueOrDefault("")}); {summary} into {display} in {result.Elapsed.TotalMilliseconds:0} ms; {Plural(result.WarningCount, "warning")}."));
            if (result.CopiedIntoMountPoint)
            {
                // The one weaker guarantee, said where it applies.
                stdout.WriteLine($"note: {display} is a mount point, which cannot be swapped whole: the new site was copied into it file by file, " +
                                 "each file replaced atomically. A build that fails while copying there can leave a mix of old and new files.");
            }

            if (parse.GetValue(timings))
            {
                TimingsPrinter.Print(result, stdout);
                // As the preview says for each rebuild: a build is one process, so these are its pauses since it started.
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{GC.GetTotalPauseDuration().TotalMilliseconds,8:0} ms  of it paused by the garbage collector ({GC.CollectionCount(0)} collections, {GC.CollectionCount(2)} of the whole heap)"));
                PrintHeaviestPages(result.OutputDirectory, stdout);
            }

            return AtlasCommand.Ok;
        });

        return command;
    }

    /// <summary>
    /// The pages that weigh most as a browser gets them (gzip, with the CSS, scripts and images they load): the page
    /// budgets (tests/Atlas.Tests/Building/PageWeightTests.cs) are about these.
    /// </summary>
    private static void PrintHeaviestPages(string outputDirectory, TextWriter stdout)
    {
        foreach (var weight in Atlas.Checking.PageWeights.Heaviest(Atlas.Checking.PageWeights.Measure(outputDirectory), 5))
        {
            var page = weight.Page.EndsWith("index.html", StringComparison.Ordinal) ? weight.Page[..^"index.html".Length] : weight.Page;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{weight.Total / 1024.0,8:0.0} KB  /{page} (one of the heaviest pages, gzip: {weight.Html / 1024.0:0.0} KB of HTML, {weight.Scripts / 1024.0:0.0} KB of scripts, {(weight.Total - weight.Html - weight.Scripts) / 1024.0:0.0} KB of styles and images)"));
        }
    }

    /// <summary>"1 error", "2 errors": the CLI speaks English, and an English noun takes -s beyond one (and at zero).</summary>
    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
