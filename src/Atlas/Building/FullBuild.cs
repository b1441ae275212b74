using System.Collections.Immutable;
using Atlas.Diagnostics;
using Atlas.Exports;
using Atlas.Generating;
using Atlas.Loading;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// A full build of a loaded site: every page rendered in parallel into a staging folder (the generated files made
/// beside them), then the assets and the generated files written; the staging folder replaces the output only when
/// nothing failed, and the state of what each page read is saved for the next incremental build.
/// </summary>
internal static class FullBuild
{
    public static BuildResult Run(BuildRun run, LoadedSite? loaded, SiteCaches? caches)
    {
        if (!run.CanWrite(loaded))
        {
            return run.Failed();
        }

        var site = loaded!;
        var options = run.Options;
        var diagnostics = run.Diagnostics;
        var location = run.OutputLocation(site);
        using var writer = OutputWriter.Begin(run.Output, options.Force, location.Path, diagnostics, options.OutputFiles);
        if (writer is null)
        {
            return run.Failed();
        }

        // The signatures of the inputs (for the next incremental build) depend only on the loaded site: compute them
        // beside the rendering, which leaves a core idle now and then (page writes, the last pages of the loop).
        var signing = Task.Run(() => SiteState.Sign(site));

        // So do the data, search, feed and sitemap files (the page list is planned): made beside the rendering, they
        // fill its idle moments instead of following it, where the search index kept one core busy and the other idle
        // for seconds on a large site. Written after the pages, in their order, as before; stopped if the build fails.
        using var stopGenerating = new CancellationTokenSource();
        var generating = Task.Run(() => GeneratedFiles.All(site, caches, stopGenerating.Token).ToList(), stopGenerating.Token);
        try
        {
            return RenderAndWrite(run, site, writer, location, signing, generating);
        }
        finally
        {
            stopGenerating.Cancel();
        }
    }

    private static BuildResult RenderAndWrite(BuildRun run, LoadedSite site, OutputWriter writer, SourceLocation location,
        Task<ImmutableSortedDictionary<string, string>> signing, Task<List<GeneratedFile>> generating)
    {
        var options = run.Options;
        var diagnostics = run.Diagnostics;
        var renderer = site.CreateRenderer(options.RenderLimits);
        var written = 0;
        var slowest = new SlowestPages();
        ImmutableDictionary<string, PageRecord> records;
        try
        {
            records = renderer.RenderAll(site.Pages, (page, bytes) =>
            {
                writer.Write(page.OutputFile, bytes);
                Interlocked.Increment(ref written);
            }, diagnostics, run.Deadline.Token, options.Progress, slowest);
        }
        catch (RenderStoppedException stopped) when (run.Deadline.Expired)
        {
            run.Deadline.Report(diagnostics, stopped.StoppedAt);
            return run.Failed();
        }

        run.Stages.Mark("render and write pages");

        var others = GeneratedFiles.Assets(site).Concat(generating.GetAwaiter().GetResult().Select(file => (file.Path, file.Content))).ToList();

        // The state for the next incremental build is complete now: its file's bytes are made while the other files
        // are written and the output swapped, and saved only once the output is in place.
        var stating = Task.Run(() =>
        {
            var state = new SiteState(SiteState.CurrentVersion, signing.GetAwaiter().GetResult(),
                records.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. others.Select(o => o.Path)]);
            return (State: state, Bytes: state.Serialize());
        });
        foreach (var (path, content) in others)
        {
            writer.Write(path, content);
            written++;
        }

        run.Stages.Mark("assets, data, search, feeds, sitemap");
        writer.ReportFailure(diagnostics, location);
        if (run.OutOfTime() || run.Failing)
        {
            return run.Failed();
        }

        if (!writer.Commit(diagnostics, location))
        {
            // Only a copy into a mount point can fail half-way; the state no longer describes what is there.
            if (writer.CopiedIn)
            {
                SiteState.Delete(run.Output);
            }

            return run.Failed() with { OutputChanged = writer.CopiedIn };
        }

        run.Stages.Mark("swap output");
        var (state, bytes) = stating.GetAwaiter().GetResult();
        run.TrySave(state, bytes);
        run.Stages.Mark("save state for incremental builds");
        return run.Succeeded(new BuildSnapshot(site, state, run.Output, renderer), written, slowest) with { CopiedIntoMountPoint = writer.CopiedIn };
    }
}
