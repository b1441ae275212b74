using System.Collections.Immutable;
using Atlas.Generating;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// The cheapest rebuild: some entities' prose changed and nothing else. Prose is shown only on the entity's own
/// pages and in the search index, so the snapshot's model, map, taxonomies and page plan still hold: the entities
/// are replaced in the model (<see cref="SiteModel.WithEntities"/>), and only the pages that read their prose
/// (found in the snapshot's dependency graph) and the generated files that show prose are made again, with the
/// snapshot's renderer and its views. The output is a full build's.
/// </summary>
internal static class ProseRebuild
{
    /// <summary>Null when this is not such a change (or it cannot be done so): then an incremental build is the way.</summary>
    public static BuildResult? Run(BuildRun run, BuildSnapshot previous, IReadOnlyCollection<Entity> replaced, SiteCaches? caches, CancellationToken cancellation)
    {
        var site = previous.Site;
        var state = previous.State;
        var output = previous.OutputDirectory;
        run.Output = output;
        if (replaced.Count == 0 || state.Pages.Count != site.Pages.Length || !File.Exists(Path.Combine(output, OutputWriter.MarkerFile)) ||
            replaced.Any(e => site.Model.Find(e.Id) is not { } before || !before.SourceFiles.SequenceEqual(e.SourceFiles) ||
                              SiteState.EntitySignature(before) != SiteState.EntitySignature(e)))
        {
            return null; // records missing (after a failure), or the data changed too
        }

        var patched = site with { Model = site.Model.WithEntities(replaced) };
        var signatures = SiteState.SignProse(state.Signatures, patched, replaced);
        run.Stages.Mark("sign the prose");
        var changed = replaced.Select(e => DependencyKeys.Text(e.Id)).Append(DependencyKeys.AllContent)
            .Where(key => state.Signatures.GetValueOrDefault(key) != signatures[key]).ToHashSet(StringComparer.Ordinal);
        var graph = previous.Graph;
        var affected = graph.AffectedByKeys(changed);
        var pages = patched.Pages.Where(p => affected.Contains(p.Path)).ToList();
        run.Stages.Mark("find affected pages");

        // Staged and published like an incremental build's files: a rebuild that gives up (a template failing on the
        // new prose, a full disk) leaves the output as it was for the incremental build that follows.
        var writer = new InPlaceWriter(output, run.Options.OutputFiles, staged: true);
        var otherFiles = state.OtherFiles;
        var renderer = previous.Renderer.WithReplaced(patched.Model, replaced.Select(e => e.Id).ToHashSet());
        run.Stages.Mark("renderer");
        var slowest = new SlowestPages();
        if (!TryWrite(writer, () =>
            {
                var pagesDone = renderer.RenderAll(pages, (page, bytes) => writer.Write(page.OutputFile, bytes), run.Diagnostics, cancellation, slowest: slowest);
                if (run.Diagnostics.HasErrors || run.Diagnostics.WarningCount > 0 || writer.Failed || !writer.Publish())
                {
                    return null; // a template that fails on the new prose: let the incremental build report it
                }

                run.Stages.Mark("render and write affected pages");
                run.Options.PagesWritten?.Invoke(writer.TakeChanged());
                var generated = GeneratedFiles.Generate(patched, inputs => inputs.Any(changed.Contains), caches, cancellation).ToList();
                foreach (var file in generated)
                {
                    writer.Write(file.Path, file.Content);
                }

                // The search index's files follow the content: what it no longer has goes.
                var written = generated.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
                foreach (var stale in state.OtherFiles.Where(f => GeneratedFiles.IsSearchFile(f) && !written.Contains(f)))
                {
                    writer.Delete(stale);
                }

                otherFiles = state.OtherFiles.Where(f => !GeneratedFiles.IsSearchFile(f)).Concat(written.Where(GeneratedFiles.IsSearchFile)).ToImmutableSortedSet(StringComparer.Ordinal);

                return writer.Failed || !writer.Publish() ? null : pagesDone;
            }, out var rendered))
        {
            return null;
        }

        run.Stages.Mark("generated files that show prose");
        var next = new SiteState(SiteState.CurrentVersion, signatures, state.Pages.SetItems(rendered), otherFiles);
        if (run.Options.SaveState)
        {
            next.Save(output);
        }

        // The graph carries over while the generated files are the same ones (the search index's may change with prose);
        // otherwise the next snapshot makes it on first use, as after an incremental build.
        var sameFiles = otherFiles.SetEquals(state.OtherFiles);
        var snapshot = new BuildSnapshot(patched, next, output, renderer, sameFiles ? () => graph.With(state.Pages, rendered, [], null) : null);
        return run.Succeeded(snapshot, writer.Written, slowest) with { PagesRendered = rendered.Count };
    }

    /// <summary>
    /// Runs <paramref name="write"/>; when it gives up (null) or throws (cancelled), everything it staged or published
    /// is taken back, so the output stays the previous build's. Otherwise its files are kept.
    /// </summary>
    private static bool TryWrite(InPlaceWriter writer, Func<ImmutableDictionary<string, PageRecord>?> write,
        out ImmutableDictionary<string, PageRecord> rendered)
    {
        ImmutableDictionary<string, PageRecord>? result;
        try
        {
            result = write();
        }
        catch
        {
            writer.RollBack();
            throw;
        }

        if (result is null)
        {
            writer.RollBack();
            rendered = ImmutableDictionary<string, PageRecord>.Empty;
            return false;
        }

        writer.Complete();
        rendered = result;
        return true;
    }
}
