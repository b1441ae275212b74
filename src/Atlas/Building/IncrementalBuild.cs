using System.Collections.Immutable;
using Atlas.Diagnostics;
using Atlas.Generating;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// An incremental build: re-renders only the pages whose inputs changed since the previous build (a snapshot kept in
/// this process, or the state saved beside the output), found in the dependency graph, and rewrites only files whose
/// bytes changed. The result is byte-identical to a full build; without a usable previous state it is one.
/// </summary>
internal static class IncrementalBuild
{
    public static BuildResult Run(BuildRun run, LoadedSite? loaded, BuildSnapshot? snapshot, SiteCaches? caches)
    {
        if (!run.CanWrite(loaded))
        {
            return run.Failed();
        }

        var site = loaded!;
        var output = run.Output;
        var previous = snapshot?.State ?? SiteState.Load(output);
        if (previous is null || !File.Exists(Path.Combine(output, OutputWriter.MarkerFile)))
        {
            return FullBuild.Run(run, site, caches);
        }

        var location = run.OutputLocation(site);
        using var outputLock = LockForIncremental(output, location, run.Diagnostics);
        if (outputLock is null)
        {
            return run.Failed();
        }

        var signatures = SiteState.Sign(site);
        var changed = SiteState.Changed(previous.Signatures, signatures);
        var graph = snapshot?.Graph ?? new DependencyGraph(previous.Pages.Values, ImmutableDictionary<string, ImmutableArray<string>>.Empty);
        var affected = graph.AffectedByKeys(changed);
        var pages = site.Pages.Where(page =>
            !previous.Pages.TryGetValue(page.Path, out var record) || record.OutputFile != page.OutputFile || affected.Contains(page.Path)).ToList();
        run.Stages.Mark("sign inputs, find affected pages");

        // Everything is staged beside its target and put in place only when the whole build succeeded (see
        // InPlaceWriter), so a build that fails anywhere leaves the previous site as it was. With a PagesWritten
        // callback each step is published as soon as it is rendered, and is rolled back the same way.
        var writer = new InPlaceWriter(OutputFolder.RealPath(output), run.Options.OutputFiles, staged: true);
        try
        {
            return Write(run, site, previous, signatures, changed, pages, writer, snapshot, caches);
        }
        catch
        {
            // Cancelled (the caller stops a build that a newer edit replaces), or an error of the atlas itself: the
            // output goes back to the previous build either way. After Complete there is nothing left to undo.
            writer.RollBack();
            throw;
        }
    }

    private static BuildResult Write(BuildRun run, LoadedSite site, SiteState previous, ImmutableSortedDictionary<string, string> signatures,
        ImmutableSortedSet<string> changed, List<PageSpec> pages, InPlaceWriter writer, BuildSnapshot? snapshot, SiteCaches? caches)
    {
        var options = run.Options;
        var diagnostics = run.Diagnostics;
        var location = run.OutputLocation(site);
        var renderer = site.CreateRenderer(options.RenderLimits);
        var slowest = new SlowestPages();

        // The pages of an entity whose own data changed come first, and the caller is told as soon as those are
        // written: the edited page shows the edit without waiting for the lists, maps and tables that show the entity
        // too (on a large site those are most of the rendering time).
        var first = pages.Where(p => p.Entity is { } id && changed.Contains(DependencyKeys.Entity(id))).ToList();
        var steps = first.Count == 0 || first.Count == pages.Count ? [pages] : new[] { first, pages.Except(first).ToList() };
        var rendered = ImmutableDictionary<string, PageRecord>.Empty.WithComparers(StringComparer.Ordinal);
        for (var step = 0; step < steps.Length; step++)
        {
            try
            {
                rendered = rendered.SetItems(renderer.RenderAll(steps[step], (page, bytes) => writer.Write(page.OutputFile, bytes),
                    diagnostics, run.Deadline.Token, options.Progress, slowest));
            }
            catch (RenderStoppedException stopped) when (run.Deadline.Expired)
            {
                run.Deadline.Report(diagnostics, stopped.StoppedAt);
            }

            if (run.Failing || writer.Failed)
            {
                return Failed(run, writer, location);
            }

            if (step == steps.Length - 1)
            {
                // Pages no longer planned (a deleted entity) go now too, so that a caller told of them can show the 404.
                var planned = site.Pages.Select(p => p.OutputFile).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in previous.Pages.Values.Select(r => r.OutputFile).Where(f => !planned.Contains(f)))
                {
                    writer.Delete(gone);
                }
            }

            if (options.PagesWritten is { } told)
            {
                if (!writer.Publish())
                {
                    return Failed(run, writer, location);
                }

                told(writer.TakeChanged());
            }
        }

        run.Stages.Mark("render and write affected pages");

        // The generated files (data, search, feeds, sitemap) show all content, the page list, site.yml and the UI
        // strings; when none of those changed (an edit to one entity's prose changes the search index, so it counts)
        // the files already there are right. Assets are always compared: they are only bytes in memory.
        var plannedPaths = site.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var pagesChanged = !plannedPaths.SetEquals(previous.Pages.Keys);
        var skipped = 0;
        bool Regenerate(IEnumerable<string> inputs)
        {
            var needed = inputs.Any(key => key == GeneratedFiles.PageListKey ? pagesChanged : changed.Contains(key));
            if (!needed)
            {
                Interlocked.Increment(ref skipped);
            }

            return needed;
        }

        var others = GeneratedFiles.Assets(site).Concat(GeneratedFiles.Generate(site, Regenerate, caches, run.Deadline.Caller).Select(f => (f.Path, f.Content))).ToList();
        foreach (var (path, content) in others)
        {
            writer.Write(path, content);
        }

        // A skipped generator's files are as they were: its previous files are kept, those of the generators that ran
        // are what they wrote now (the search index's set of files changes with the content).
        bool Unchanged(IEnumerable<string> inputs) => !inputs.Any(key => key == GeneratedFiles.PageListKey ? pagesChanged : changed.Contains(key));
        var otherPaths = others.Select(o => o.Path)
            .Concat(skipped == 0 ? [] : previous.OtherFiles.Where(f => !f.StartsWith(AssetSet.PublishedFolder, StringComparison.Ordinal)
                && GeneratedFiles.OwnedBySkipped(site, f, inputs => !Unchanged(inputs))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        run.Stages.Mark(skipped == 0 ? "assets, data, search, feeds, sitemap" : "assets and the generated files whose inputs changed");
        var current = site.Pages.Select(p => p.OutputFile).Concat(otherPaths).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in previous.OtherFiles.Where(f => !current.Contains(f)))
        {
            writer.Delete(stale);
        }

        if (writer.Failed)
        {
            return Failed(run, writer, location);
        }

        // While files move into place the output matches neither state: without a state file, a build killed now is
        // followed by a full one.
        SiteState.Delete(run.Output);
        if (!writer.Publish())
        {
            return Failed(run, writer, location);
        }

        writer.Complete();

        // The previous records, edited: pages no longer planned out, re-rendered pages in (not a rebuilt dictionary of
        // every page, which on a large site costs more than rendering the few affected pages).
        var removed = previous.Pages.Values.Where(r => !plannedPaths.Contains(r.Path)).ToList();
        var records = previous.Pages.RemoveRange(removed.Select(r => r.Path)).SetItems(rendered);
        var state = new SiteState(SiteState.CurrentVersion, signatures, records, [.. otherPaths]);
        if (options.SaveState)
        {
            run.TrySave(state);
        }

        run.Stages.Mark("save state");
        // The index is carried over (the records of the pages rendered again replaced) when it was made and the
        // generated files are the same ones; otherwise the next snapshot makes it on first use.
        var graph = snapshot is { HasGraph: true } && previous.OtherFiles.ToHashSet(StringComparer.Ordinal).SetEquals(otherPaths) ? snapshot.Graph : null;
        var next = new BuildSnapshot(site, state, run.Output, renderer, graph is null ? null : () => graph.With(previous.Pages, rendered, removed, site));
        return run.Succeeded(next, writer.Written, slowest) with { PagesRendered = rendered.Count };
    }

    /// <summary>
    /// A failed incremental build: everything it staged or published is taken back. A write that failed (a full disk)
    /// is reported and the state file removed, so the next build is a full one; files that could not be put back are
    /// named, and then the output has changed.
    /// </summary>
    private static BuildResult Failed(BuildRun run, InPlaceWriter writer, SourceLocation location)
    {
        var unrestored = writer.RollBack();
        if (writer.ReportFailure(run.Diagnostics, location) || unrestored.Count > 0)
        {
            SiteState.Delete(run.Output);
        }

        if (unrestored.Count > 0)
        {
            run.Diagnostics.Error(location, $"{unrestored.Count} files could not be given back their previous bytes after the failure and now hold the new ones: " +
                                            $"{string.Join(", ", unrestored.Take(20))}{(unrestored.Count > 20 ? ", ..." : "")}. The next build writes the whole site again.");
        }

        return run.Failed() with { RewrittenFiles = [.. unrestored], OutputChanged = unrestored.Count > 0 };
    }

    /// <summary>An incremental build writes into the output itself: one at a time, like full builds (same lock).</summary>
    private static OutputLock? LockForIncremental(string output, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            var outputLock = OutputLock.TryAcquire(output, out var busy);
            if (outputLock is null || busy)
            {
                diagnostics.Error(location,
                    "another build is writing to this output folder right now; wait for it to finish and run again (builds of one output run one at a time).");
                return null;
            }

            return outputLock;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(location, $"cannot write next to the output folder ({e.Message.TrimEnd('.')}); check its permissions or choose another --output.");
            return null;
        }
    }
}
