using Atlas.Building;
using Atlas.Diagnostics;
using Atlas.Loading;
using Atlas.Model;
using Atlas.Output;

namespace Atlas.Preview;

/// <summary>
/// The preview's first look at an edit to existing entities' data (a .yml file, or front matter): before the model is
/// rebuilt for every entity, the edited entities are read and validated again on their own, their own pages are
/// rendered from the previous model with them put in (<see cref="SiteModel.WithEntities"/>), written, and open pages
/// told to reload. The ordinary incremental build follows at once and writes what the edit changes everywhere,
/// these pages included when the first look differs (a collection re-sorted by a changed value, a moved point on
/// their small map): its output is a full build's. Should that build fail, the first look's pages get their previous
/// bytes back (<see cref="Undo"/>), so the output stays the last good build's.
/// </summary>
internal sealed class DataEditFirstLook
{
    private readonly string _output;
    private readonly List<(string File, byte[]? Before)> _replaced;

    private DataEditFirstLook(string output, List<(string File, byte[]? Before)> replaced)
    {
        _output = output;
        _replaced = replaced;
    }

    /// <summary>Writes the edited entities' pages; null when the change is not (only) that or they could not be rendered.</summary>
    public static DataEditFirstLook? TryWrite(BuildOptions options, SiteCaches caches, BuildResult previous, IReadOnlyCollection<string> changedFiles,
        CancellationToken cancellation)
    {
        if (CarriedWarnings.Of(previous) is null || previous.Snapshot is not { } snapshot)
        {
            return null;
        }

        var site = snapshot.Site;
        var output = snapshot.OutputDirectory;
        if (snapshot.State.Pages.Count != site.Pages.Length || !File.Exists(Path.Combine(output, OutputWriter.MarkerFile)) ||
            EditedEntities.Find(site, changedFiles, dataFiles: true) is not { Count: > 0 } edited)
        {
            return null;
        }

        var rebuilt = new List<Entity>(edited.Count);
        foreach (var entity in edited)
        {
            if (SiteLoader.ReloadEntity(site, entity, options.Load, caches) is not { } again)
            {
                return null;
            }

            rebuilt.Add(again); // the ordinary build that follows reuses it (kept in the caches)
        }

        var ids = rebuilt.Select(e => e.Id).ToHashSet();
        var model = site.Model.WithEntities(rebuilt);
        var pages = site.Pages.Where(p => p.Entity is { } id && ids.Contains(id)).ToList();
        var renderer = snapshot.Renderer.WithReplaced(model, ids);
        var rendered = new List<(string File, byte[] Content)>();
        var diagnostics = new DiagnosticBag();
        renderer.RenderAll(pages, (page, bytes) =>
        {
            lock (rendered)
            {
                rendered.Add((page.OutputFile, bytes));
            }
        }, diagnostics, cancellation);
        if (diagnostics.HasErrors || diagnostics.WarningCount > 0)
        {
            return null; // the ordinary build reports it
        }

        // Written one by one, keeping what was there for Undo (and skipping what would not change).
        var writer = new InPlaceWriter(output, options.OutputFiles);
        var replaced = new List<(string File, byte[]? Before)>();
        foreach (var (file, content) in rendered.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            var full = Path.Combine(output, file);
            var before = File.Exists(full) ? File.ReadAllBytes(full) : null;
            if (writer.Write(file, content))
            {
                replaced.Add((file, before));
            }
        }

        if (writer.Failed)
        {
            new DataEditFirstLook(output, replaced).Undo(); // a full disk: the ordinary build reports it
            return null;
        }

        options.PagesWritten?.Invoke(writer.TakeChanged());
        return new DataEditFirstLook(output, replaced);
    }

    /// <summary>How many pages the first look wrote (those whose bytes it changed).</summary>
    public int PagesWritten => _replaced.Count;

    /// <summary>Puts back the bytes the first look replaced (the ordinary build failed: the output stays the last good one).</summary>
    public void Undo()
    {
        var writer = new InPlaceWriter(_output);
        foreach (var (file, before) in _replaced)
        {
            if (before is null)
            {
                writer.Delete(file);
            }
            else
            {
                writer.Write(file, before);
            }
        }
    }
}
