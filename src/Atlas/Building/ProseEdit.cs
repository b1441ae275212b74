using System.Collections.Immutable;
using System.Diagnostics;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Model;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// The preview's fast path for the most common edit: the Markdown body of an entity, saved again. Prose is shown
/// only on the entity's own pages and in the search index, so the previous build's model, map, taxonomies and page
/// plan still hold: the edited files are read again, the entity is validated again (against the ids it may link
/// to), and only the pages that read its prose and the search index are made again. Everything else goes through
/// the ordinary incremental build, which is what this returns null for: a data file, a new or deleted file, front
/// matter that changes a name or summary, any diagnostic, anything outside content/.
/// </summary>
internal static class ProseEdit
{
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

    public static BuildResult? TryApply(BuildOptions options, BuildResult previous, IReadOnlyCollection<string> changedFiles, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageClock();
        var site = previous.Site!;
        var state = previous.State!;
        var cache = options.Cache!;
        var output = previous.OutputDirectory;
        if (previous.Diagnostics.Count > 0 || state.Pages.Count != site.Pages.Length || !File.Exists(Path.Combine(output, OutputWriter.MarkerFile)))
        {
            return null; // warnings of the previous build would have to be worked out again: the ordinary build does that
        }

        if (EditedEntities.Find(site, changedFiles, dataFiles: false) is not { Count: > 0 } edited)
        {
            return null;
        }

        // The edited entities, validated again; each must come out with the same data (names, summaries, values).
        var rebuilt = new List<Entity>(edited.Count);
        foreach (var entity in edited)
        {
            if (EditedEntities.Reread(site, entity, options, cache) is not var (source, again) ||
                SiteState.EntitySignature(again) != SiteState.EntitySignature(entity))
            {
                return null;
            }

            cache.Entities.Set(source, again); // the next ordinary build reuses it
            rebuilt.Add(again);
        }

        stages.Mark("read and validate the edited entities");
        var patched = site with { Model = site.Model.WithTexts(rebuilt) };
        var signatures = SiteState.SignProse(state.Signatures, patched, edited);
        stages.Mark("sign the prose");
        var changed = edited.Select(e => DependencyKeys.Text(e.Id)).Append(DependencyKeys.AllContent)
            .Where(key => state.Signatures.GetValueOrDefault(key) != signatures[key]).ToHashSet(StringComparer.Ordinal);
        var readers = previous.Readers?.Value ?? ProseReaders.From(state.Pages.Values);
        var affected = changed.SelectMany(readers.PagesReading).ToHashSet(StringComparer.Ordinal);
        var pages = patched.Pages.Where(p => affected.Contains(p.Path)).ToList();
        stages.Mark("find affected pages");

        // Staged and published like an incremental build's files: a fast path that gives up (a template failing on the
        // new prose, a full disk) leaves the output as it was for the ordinary build that follows.
        var diagnostics = new DiagnosticBag();
        var writer = new InPlaceWriter(output, options.OutputFiles, staged: true);
        var renderer = previous.Renderer?.WithProseOf(patched.Model) ?? SiteBuilder.Renderer(patched, options.RenderLimits);
        stages.Mark("renderer");
        var slowest = new SlowestPages();
        if (!TryWrite(writer, () =>
            {
                var pagesDone = renderer.RenderAll(pages, (page, bytes) => writer.Write(page.OutputFile, bytes), diagnostics, cancellation, slowest: slowest);
                if (diagnostics.HasErrors || diagnostics.WarningCount > 0 || writer.Failed || !writer.Publish())
                {
                    return null; // a template that fails on the new prose: let the ordinary build report it
                }

                stages.Mark("render and write affected pages");
                options.PagesWritten?.Invoke(writer.TakeChanged());
                foreach (var file in SiteBuilder.Generate(patched, inputs => inputs.Any(changed.Contains), cache))
                {
                    writer.Write(file.Path, file.Content);
                }

                return writer.Failed || !writer.Publish() ? null : pagesDone;
            }, out var rendered))
        {
            return null;
        }

        stages.Mark("generated files that show prose");
        var next = new SiteState(SiteState.CurrentVersion, signatures, state.Pages.SetItems(rendered), state.OtherFiles);
        readers = readers.With(state.Pages, rendered);
        if (options.SaveState)
        {
            next.Save(output);
        }

        return SiteBuilder.Succeeded(patched, diagnostics, writer.Written, clock, output, next) with
        {
            Renderer = renderer,
            Readers = new Lazy<ProseReaders>(readers),
            PagesRendered = rendered.Count,
            ProseOnly = true,
            Timings = stages.Stages,
            SlowestPages = slowest.ToImmutableArray(),
        };
    }
}
