using System.Collections.Immutable;
using System.Diagnostics;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Exports;
using Atlas.Charts;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Output;
using Atlas.Rendering;

namespace Atlas.Building;

/// <summary>
/// The build, as a fixed flow: load site.yml → load i18n, templates, assets and content → validate into the model →
/// plan pages → render in parallel into a staging folder → swap it in. Each stage reports every problem it finds;
/// the flow stops before writing anything if any stage found an error.
/// </summary>
public static class SiteBuilder
{
    /// <summary>A full build: everything is rendered into a staging folder that replaces the output on success.</summary>
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageClock();
        var diagnostics = new DiagnosticBag();
        using var deadline = new BuildDeadline(options.Timeout, cancellation);
        var site = Load(options, diagnostics, stages);
        var output = site is null ? "" : ResolveOutput(options, site.Config);
        if (OutOfTime(site, deadline, diagnostics) || !Writable(site, options, output, diagnostics))
        {
            return Failed(diagnostics, clock, output);
        }

        var location = OutputLocation(options, site!);
        using var writer = OutputWriter.Begin(output, options.Force, location.Path, diagnostics, options.OutputFiles);
        if (writer is null)
        {
            return Failed(diagnostics, clock, output);
        }

        // The signatures of the inputs (for the next incremental build) depend only on the loaded site: compute them
        // beside the rendering, which leaves a core idle now and then (page writes, the last pages of the loop).
        var signing = Task.Run(() => SiteState.Sign(site!));
        var renderer = Renderer(site!, options.RenderLimits);
        var written = 0;
        var slowest = new SlowestPages();
        ImmutableDictionary<string, PageRecord> records;
        try
        {
            records = renderer.RenderAll(site!.Pages, (page, bytes) =>
            {
                writer.Write(page.OutputFile, bytes);
                Interlocked.Increment(ref written);
            }, diagnostics, deadline.Token, options.Progress, slowest);
        }
        catch (RenderStoppedException stopped) when (deadline.Expired)
        {
            deadline.Report(diagnostics, stopped.StoppedAt);
            return Failed(diagnostics, clock, output);
        }

        stages.Mark("render and write pages");

        var others = OtherFiles(site, options.Cache).ToList();
        foreach (var (path, content) in others)
        {
            writer.Write(path, content);
            written++;
        }

        stages.Mark("assets, data, search, feeds, sitemap");
        writer.ReportFailure(diagnostics, location);
        if (OutOfTime(site, deadline, diagnostics) || diagnostics.HasErrors || (options.Strict && diagnostics.WarningCount > 0))
        {
            return Failed(diagnostics, clock, output);
        }

        if (!writer.Commit(diagnostics, location))
        {
            // Only a copy into a mount point can fail half-way; the state no longer describes what is there.
            if (writer.CopiedIn)
            {
                SiteState.Delete(output);
            }

            return Failed(diagnostics, clock, output) with { OutputChanged = writer.CopiedIn };
        }

        stages.Mark("swap output");
        var state = new SiteState(SiteState.CurrentVersion, signing.GetAwaiter().GetResult(),
            records.ToImmutableSortedDictionary(StringComparer.Ordinal), [.. others.Select(o => o.Path)]);
        TrySave(state, output);
        stages.Mark("save state for incremental builds");
        var result = Succeeded(site, diagnostics, written, clock, output, state) with
        {
            Timings = stages.Stages, SlowestPages = slowest.ToImmutableArray(), CopiedIntoMountPoint = writer.CopiedIn,
        };
        return KeptForPreview(result, options, renderer);
    }

    /// <summary>
    /// An incremental build: re-renders only the pages whose inputs changed since <paramref name="previous"/> (or the
    /// state saved beside the output) and rewrites only files whose bytes changed. The result is byte-identical to a
    /// full build. Falls back to a full build when there is no usable previous state.
    /// </summary>
    public static BuildResult BuildIncremental(BuildOptions options, SiteState? previous = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageClock();
        var diagnostics = new DiagnosticBag();
        using var deadline = new BuildDeadline(options.Timeout, cancellation);
        var site = Load(options, diagnostics, stages);
        var output = site is null ? "" : ResolveOutput(options, site.Config);
        if (OutOfTime(site, deadline, diagnostics) || !Writable(site, options, output, diagnostics))
        {
            return Failed(diagnostics, clock, output);
        }

        previous ??= SiteState.Load(output);
        if (previous is null || !File.Exists(Path.Combine(output, OutputWriter.MarkerFile)))
        {
            return Build(options, cancellation);
        }

        var location = OutputLocation(options, site!);
        using var outputLock = LockForIncremental(output, location, diagnostics);
        if (outputLock is null)
        {
            return Failed(diagnostics, clock, output);
        }

        var signatures = SiteState.Sign(site!);
        var changed = SiteState.Changed(previous.Signatures, signatures);
        var pages = site!.Pages.Where(page =>
            !previous.Pages.TryGetValue(page.Path, out var record) || record.OutputFile != page.OutputFile || record.Keys.Overlaps(changed)).ToList();
        stages.Mark("sign inputs, find affected pages");

        // Everything is staged beside its target and put in place only when the whole build succeeded (see
        // InPlaceWriter), so a build that fails anywhere leaves the previous site as it was. The preview publishes
        // each step as soon as it is rendered (its open pages reload sooner) and is rolled back the same way.
        var writer = new InPlaceWriter(OutputFolder.RealPath(output), options.OutputFiles, staged: true);
        var publishEachStep = options.PagesWritten is not null;
        try
        {
            var renderer = Renderer(site, options.RenderLimits);
            var slowest = new SlowestPages();

            // The pages of an entity whose own data changed come first, and open pages are told as soon as those are
            // written: the edited page shows the edit without waiting for the lists, maps and tables that show the entity
            // too (at 10,000 entities those are most of the rendering time).
            var first = pages.Where(p => p.Entity is { } id && changed.Contains(DependencyKeys.Entity(id))).ToList();
            var steps = first.Count == 0 || first.Count == pages.Count ? [pages] : new[] { first, pages.Except(first).ToList() };
            var rendered = ImmutableDictionary<string, PageRecord>.Empty.WithComparers(StringComparer.Ordinal);
            for (var step = 0; step < steps.Length; step++)
            {
                try
                {
                    rendered = rendered.SetItems(renderer.RenderAll(steps[step], (page, bytes) => writer.Write(page.OutputFile, bytes),
                        diagnostics, deadline.Token, options.Progress, slowest));
                }
                catch (RenderStoppedException stopped) when (deadline.Expired)
                {
                    deadline.Report(diagnostics, stopped.StoppedAt);
                }

                if (diagnostics.HasErrors || (options.Strict && diagnostics.WarningCount > 0) || writer.Failed)
                {
                    return FailedIncremental(writer, diagnostics, clock, output, location);
                }

                if (step == steps.Length - 1)
                {
                    // Pages no longer planned (a deleted entity) go now too, so that their open pages reload to the 404.
                    var planned = site.Pages.Select(p => p.OutputFile).ToHashSet(StringComparer.Ordinal);
                    foreach (var gone in previous.Pages.Values.Select(r => r.OutputFile).Where(f => !planned.Contains(f)))
                    {
                        writer.Delete(gone);
                    }
                }

                if (publishEachStep)
                {
                    if (!writer.Publish())
                    {
                        return FailedIncremental(writer, diagnostics, clock, output, location);
                    }

                    options.PagesWritten!(writer.TakeChanged());
                }
            }

            stages.Mark("render and write affected pages");

            // The generated files (data, search, feeds, sitemap) show all content, the page list, site.yml and the UI
            // strings; when none of those changed (an edit to one entity's prose changes the search index, so it counts)
            // the files already there are right. Assets are always compared: they are only bytes in memory.
            var plannedPaths = site.Pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            var pagesChanged = !plannedPaths.SetEquals(previous.Pages.Keys);
            var skipped = 0;
            bool Regenerate(IEnumerable<string> inputs)
            {
                var needed = inputs.Any(key => key == PageListKey ? pagesChanged : changed.Contains(key));
                if (!needed)
                {
                    Interlocked.Increment(ref skipped);
                }

                return needed;
            }

            var others = Assets(site).Concat(Generate(site, Regenerate, options.Cache).Select(f => (f.Path, f.Content))).ToList();
            foreach (var (path, content) in others)
            {
                writer.Write(path, content);
            }

            // A skipped generator's files are as they were. Which files a generator makes depends only on site.yml, and a
            // change to it regenerates everything: so when anything was skipped, the previous list of files still holds.
            var otherPaths = others.Select(o => o.Path)
                .Concat(skipped == 0 ? [] : previous.OtherFiles.Where(f => !f.StartsWith(AssetSet.PublishedFolder, StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            stages.Mark(skipped == 0 ? "assets, data, search, feeds, sitemap" : "assets and the generated files whose inputs changed");
            var current = site.Pages.Select(p => p.OutputFile).Concat(otherPaths).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in previous.OtherFiles.Where(f => !current.Contains(f)))
            {
                writer.Delete(stale);
            }

            if (writer.Failed)
            {
                return FailedIncremental(writer, diagnostics, clock, output, location);
            }

            // While files move into place the output matches neither state: without a state file, a build killed now is
            // followed by a full one.
            SiteState.Delete(output);
            if (!writer.Publish())
            {
                return FailedIncremental(writer, diagnostics, clock, output, location);
            }

            writer.Complete();

            // The previous records, edited: pages no longer planned out, re-rendered pages in (not a rebuilt dictionary of
            // every page, which at 10,000 entities costs more than rendering the few affected pages).
            var records = previous.Pages.RemoveRange(previous.Pages.Keys.Where(path => !plannedPaths.Contains(path))).SetItems(rendered);
            var state = new SiteState(SiteState.CurrentVersion, signatures, records, [.. otherPaths]);
            if (options.SaveState)
            {
                TrySave(state, output);
            }

            stages.Mark("save state");
            var result = Succeeded(site, diagnostics, writer.Written, clock, output, state) with
            {
                PagesRendered = rendered.Count,
                Timings = stages.Stages,
                SlowestPages = slowest.ToImmutableArray(),
            };
            return KeptForPreview(result, options, renderer);
        }
        catch
        {
            // Cancelled (the preview stops a rebuild that a newer edit replaces), or an error of the atlas itself:
            // the output goes back to the previous build either way. After Complete there is nothing left to undo.
            writer.RollBack();
            throw;
        }
    }

    /// <summary>
    /// A failed incremental build: everything it staged or published is taken back. A write that failed (a full disk)
    /// is reported and the state file removed, so the next build is a full one; files that could not be put back are
    /// named, and then the output has changed.
    /// </summary>
    private static BuildResult FailedIncremental(InPlaceWriter writer, DiagnosticBag diagnostics, Stopwatch clock, string output, SourceLocation location)
    {
        var unrestored = writer.RollBack();
        if (writer.ReportFailure(diagnostics, location) || unrestored.Count > 0)
        {
            SiteState.Delete(output);
        }

        if (unrestored.Count > 0)
        {
            diagnostics.Error(location, $"{unrestored.Count} files could not be given back their previous bytes after the failure and now hold the new ones: " +
                                        $"{string.Join(", ", unrestored.Take(20))}{(unrestored.Count > 20 ? ", ..." : "")}. The next build writes the whole site again.");
        }

        return Failed(diagnostics, clock, output) with { RewrittenFiles = [.. unrestored], OutputChanged = unrestored.Count > 0 };
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

    private static SourceLocation OutputLocation(BuildOptions options, LoadedSite site) =>
        SourceLocation.File(options.OutputDirectory ?? site.Config.Output);

    /// <summary>
    /// A preview (a build with a cache) keeps the renderer, with its shared views, and which pages show whose prose:
    /// its next prose edit needs both. The index is made on first use, or by <see cref="Rebuild"/> after the build.
    /// </summary>
    private static BuildResult KeptForPreview(BuildResult result, BuildOptions options, PageRenderer renderer) =>
        options.Cache is null || result.State is not { } state
            ? result
            : result with { Renderer = renderer, Readers = new Lazy<ProseReaders>(() => ProseReaders.From(state.Pages.Values)) };

    /// <summary>
    /// The preview's rebuild after <paramref name="changedFiles"/> (relative to the site folder; null when not known,
    /// e.g. the file watcher lost events). An edit that changes only the prose of existing entities (their Markdown
    /// bodies) takes the fast path of <see cref="ProseEdit"/>: the model, maps, taxonomies and page plan of the
    /// previous build stay, only the entity's pages and the search index are made again. Anything else is an
    /// ordinary incremental build. Either way the output equals a full build of the same input.
    /// </summary>
    public static BuildResult Rebuild(BuildOptions options, BuildResult? previous, IReadOnlyCollection<string>? changedFiles, CancellationToken cancellation = default)
    {
        if (previous is { Succeeded: true, Site: not null, State: not null } && changedFiles is { Count: > 0 } && options.Cache is not null &&
            ProseEdit.TryApply(options, previous, changedFiles, cancellation) is { } result)
        {
            return result;
        }

        // An edit to entities' data: their own pages first, from the previous model (see DataEditFirstLook).
        var firstLook = previous is { Succeeded: true, Site: not null, State: not null } && changedFiles is { Count: > 0 } && options.Cache is not null
            ? DataEditFirstLook.TryWrite(options, previous, changedFiles, cancellation)
            : null;
        BuildResult built;
        try
        {
            built = BuildIncremental(options, previous?.State, cancellation);
        }
        catch
        {
            firstLook?.Undo();
            throw;
        }

        if (!built.Succeeded)
        {
            firstLook?.Undo();
        }
        else if (firstLook is not null)
        {
            built = built with { FirstLookPages = firstLook.PagesWritten };
        }

        if (built is { Readers: { } readers, Renderer: { } renderer })
        {
            // Off the rebuild's path: the next prose edit needs these (and waits for the index if it comes sooner).
            ThreadPool.QueueUserWorkItem(_ =>
            {
                _ = readers.Value;
                renderer.Prepare();
            });
        }

        return built;
    }

    /// <summary>
    /// What a preview keeps after <paramref name="failed"/>: the last good build, without the records of the pages
    /// the failed build had already rewritten, so the next rebuild renders those again whatever it changes (reverting
    /// the edit that failed included). A state missing records also keeps the next rebuild off the fast paths.
    /// </summary>
    public static BuildResult AfterFailure(BuildResult previous, BuildResult failed)
    {
        if (failed.RewrittenFiles.IsEmpty || previous.State is not { } state)
        {
            return previous;
        }

        var files = failed.RewrittenFiles.ToHashSet(StringComparer.Ordinal);
        return previous with { State = state with { Pages = state.Pages.RemoveRange(state.Pages.Values.Where(r => files.Contains(r.OutputFile)).Select(r => r.Path)) } };
    }

    /// <summary>True (with the error) when the deadline passed during a stage that could not be interrupted.</summary>
    private static bool OutOfTime(LoadedSite? site, BuildDeadline deadline, DiagnosticBag diagnostics)
    {
        if (site is null || !deadline.Check())
        {
            return false;
        }

        deadline.Report(diagnostics, null);
        return true;
    }

    private static bool Writable(LoadedSite? site, BuildOptions options, string output, DiagnosticBag diagnostics)
    {
        if (site is null || diagnostics.HasErrors || (options.Strict && diagnostics.WarningCount > 0))
        {
            return false;
        }

        // The path as named and where it really leads: a link named public/ that points to /etc or the home folder is
        // refused like /etc or the home folder.
        var refusal = OutputPathPolicy.Check(site.Config.SiteDirectory, output, options.HomeDirectory);
        try
        {
            refusal ??= OutputPathPolicy.Check(OutputFolder.RealPath(site.Config.SiteDirectory), OutputFolder.RealPath(output),
                options.HomeDirectory is { Length: > 0 } home ? OutputFolder.RealPath(home) : null);
        }
        catch (IOException e)
        {
            refusal ??= $"cannot follow the output folder's path ({e.Message}); fix the links or choose another --output.";
        }

        if (refusal is not null)
        {
            diagnostics.Error(OutputLocation(options, site), refusal);
            return false;
        }

        return true;
    }

    internal static PageRenderer Renderer(LoadedSite site, RenderLimits? limits = null)
    {
        var views = new ViewFactory(site.Model, site.Bundles, site.Map, site.Updated);
        var siteViews = new SiteViews(site.Model, views, site.Taxonomies, site.Map, new ChartData(site.Model));
        return new PageRenderer(site.Model, site.Templates, views, siteViews, site.Taxonomies, site.Assets, limits);
    }

    /// <summary>Everything besides pages: the assets and the generated files (data, search, feeds, sitemap).</summary>
    private static IEnumerable<(string Path, byte[] Content)> OtherFiles(LoadedSite site, BuildCache? cache) =>
        Assets(site).Concat(Generate(site, _ => true, cache).Select(file => (file.Path, file.Content)));

    private static IEnumerable<(string Path, byte[] Content)> Assets(LoadedSite site) =>
        site.Assets.Assets.Values.Select(asset => (asset.PublishedPath, asset.Content));

    private static void TrySave(SiteState state, string output)
    {
        try
        {
            state.Save(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a saved state the next incremental build is simply a full one.
        }
    }

    internal static BuildResult Succeeded(LoadedSite site, DiagnosticBag diagnostics, int written, Stopwatch clock, string output, SiteState state)
    {
        // Files at the top (the root page, the root 404) belong to no language.
        var perLanguage = site.Pages.GroupBy(p => p.Path.Contains('/') ? p.Language ?? "" : "")
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BuildResult(true, diagnostics.ToSortedList(), perLanguage, written, clock.Elapsed, output)
        {
            GraphFactory = () => Graph(site, state),
            State = state,
            Site = site,
            PagesRendered = site.Pages.Length,
        };
    }

    /// <summary>Load and validate without rendering: the <c>check</c> command and tests use this.</summary>
    public static LoadedSite? Load(BuildOptions options, DiagnosticBag diagnostics, StageClock? stages = null)
    {
        options.Cache?.BeginBuild(Path.Combine(options.SiteDirectory, SiteConfig.FileName));
        var config = SiteConfigLoader.Load(options.SiteDirectory, FieldTypes.Catalog, diagnostics);
        if (config is null)
        {
            return null;
        }

        if (options.BaseUrl is { } baseUrl)
        {
            if (BaseUrlRule.Normalize(baseUrl, "--base-url", out var problem) is not { } normalized)
            {
                diagnostics.Error(SourceLocation.File("--base-url"), problem);
                return null;
            }

            config = config with { BaseUrl = normalized };
        }

        // These stages are independent of each other: run them all so that every problem is reported in one run.
        // The ones that do not need the content (UI strings, templates, assets, the base map, Git history) run beside
        // reading and validating it: on a small site most of each is start-up cost (JIT, a git process) that would
        // otherwise leave a core idle. The diagnostic bag is thread-safe and sorted at the end, so the output and the
        // list of problems are the same whatever finishes first.
        stages?.Mark("load site.yml");
        var siteFiles = Task.Run(() => (
            Bundles: I18nLoader.Load(config, diagnostics),
            Templates: TemplateSet.Load(config, diagnostics),
            Assets: AssetSet.Load(config, diagnostics)));
        var baseMapTask = config.Features.MapBase is { } mapBase
            ? Task.Run(() => BaseMap.Load(config.SiteDirectory, mapBase, diagnostics, config.Features.MapBaseLocation))
            : Task.FromResult<BaseMap?>(null);
        var historyTask = Task.Run(() => Editing.GitHistory.LastChanged(config.SiteDirectory, SiteConfig.ContentFolder));

        var sources = Drafts.Apply(ContentLoader.Load(config, diagnostics, options.Cache?.Files), options.Drafts, diagnostics);
        stages?.Mark("read content");
        var model = ModelBuilder.Build(config, sources, diagnostics, options.Cache?.Entities);
        stages?.Mark("validate content, render Markdown");
        var (bundles, templates, assets) = siteFiles.GetAwaiter().GetResult();
        var baseMap = baseMapTask.GetAwaiter().GetResult();
        stages?.Mark("wait for i18n, templates, assets, base map");
        if (model is null || diagnostics.HasErrors)
        {
            return null;
        }

        CheckUnits(model, bundles, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        AtlasMap? map = null;
        if (config.Features.MapBase is { } basePath && baseMap is not null)
        {
            map = new AtlasMap(model, baseMap);
            assets = assets.With("basemap.svg", basePath, baseMap.ToSvg());
        }

        stages?.Mark("maps");
        var taxonomies = new Taxonomies(model);
        var pages = SitePlanner.Plan(model, taxonomies, path => templates.Get(path) is not null);
        stages?.Mark("taxonomies and page plan");
        var updated = LastUpdated(historyTask.GetAwaiter().GetResult(), model);
        stages?.Mark("dates from Git");
        return new LoadedSite(config, bundles, templates, assets, model, taxonomies, map, pages) { Updated = updated };
    }

    /// <summary>Every unit used in content must have words in every language, or its pages could not be written.</summary>
    private static void CheckUnits(SiteModel model, ImmutableDictionary<string, I18nBundle> bundles, DiagnosticBag diagnostics)
    {
        foreach (var entity in model.Entities)
        {
            foreach (var unit in entity.Fields.Values.OfType<UnitValue>())
            {
                foreach (var bundle in bundles.Values.Where(b => b.Get(Formatter.UnitKey(unit.Unit)) is null))
                {
                    diagnostics.Error(unit.Location,
                        $"unit '{unit.Unit.Text}' has no words in {bundle.Path}; add '{Formatter.UnitKey(unit.Unit)}' there (e.g. \"{{n}} ...\").");
                }
            }
        }
    }

    /// <summary>The date of the newest commit touching any of an entity's files.</summary>
    private static ImmutableDictionary<EntityId, PartialDate> LastUpdated(IReadOnlyDictionary<string, DateTimeOffset> history, SiteModel model)
    {
        if (history.Count == 0)
        {
            return ImmutableDictionary<EntityId, PartialDate>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<EntityId, PartialDate>();
        foreach (var entity in model.Entities)
        {
            var latest = entity.SourceFiles.Select(f => history.TryGetValue(f, out var time) ? time : (DateTimeOffset?)null).Max();
            if (latest is { } time)
            {
                var utc = time.UtcDateTime;
                result[entity.Id] = new PartialDate(utc.Year, utc.Month, utc.Day);
            }
        }

        return result.ToImmutable();
    }

    private static string ResolveOutput(BuildOptions options, SiteConfig config) =>
        options.OutputDirectory is { } output
            ? Path.GetFullPath(output)
            : Path.GetFullPath(Path.Combine(config.SiteDirectory, config.Output));

    /// <summary>
    /// The generated files whose inputs pass <paramref name="regenerate"/>, each generator with the dependency keys
    /// (and files) it reads. All of them also read site.yml; the page list matters only to the sitemap.
    /// </summary>
    internal static IEnumerable<GeneratedFile> Generate(LoadedSite site, Func<IEnumerable<string>, bool> regenerate, BuildCache? cache)
    {
        string[] bundles = [.. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code))];
        (Func<IEnumerable<GeneratedFile>> Make, string[] Inputs)[] generators =
        [
            (() => DataExporter.Export(site.Model), [SiteConfig.FileName, DependencyKeys.AllData]),
            (() => SearchIndexWriter.Indexes(site.Model, cache?.Search), [SiteConfig.FileName, DependencyKeys.AllContent]), // bodies too
            (() => FeedWriter.Feeds(site.Model, language => site.Bundles[language]), [SiteConfig.FileName, DependencyKeys.AllData, .. bundles]),
            (() => [SitemapWriter.Sitemap(site.Config, site.Pages), SitemapWriter.Robots(site.Config)], [SiteConfig.FileName, PageListKey]),
        ];

        // Independent of each other and each single-threaded: made side by side, listed in a fixed order.
        var files = new List<GeneratedFile>[generators.Length];
        Parallel.For(0, generators.Length, i => files[i] = regenerate(generators[i].Inputs) ? [.. generators[i].Make()] : []);
        return files.SelectMany(f => f);
    }

    /// <summary>Stands for the set of pages (not a signature: an incremental build compares the planned pages itself).</summary>
    internal const string PageListKey = "pages:*";

    /// <summary>
    /// The graph of what each page read, with, for every content file, the keys a change to it can change:
    /// its entity, its collection's list, the backlinks of everything it points to, every taxonomy, all content.
    /// </summary>
    private static DependencyGraph Graph(LoadedSite site, SiteState state)
    {
        var keysByFile = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entity in site.Model.Entities)
        {
            ImmutableArray<string> keys =
            [
                DependencyKeys.Entity(entity.Id),
                DependencyKeys.Collection(entity.Collection.Name),
                DependencyKeys.AllContent,
                DependencyKeys.AllData,
                .. site.Config.Features.Taxonomies.Select(t => DependencyKeys.Taxonomy(t.Name)),
                .. entity.Fields.Values.OfType<ReferencesValue>().SelectMany(r => r.Targets).Select(DependencyKeys.Backlinks),
            ];
            foreach (var file in entity.SourceFiles)
            {
                keysByFile[file] = keys;
            }
        }

        var generated = state.OtherFiles.Where(file => !file.StartsWith(AssetSet.PublishedFolder, StringComparison.Ordinal)).Select(file => new PageRecord(file, file,
            [SiteConfig.FileName, DependencyKeys.AllContent, .. site.Config.Languages.Select(l => SitePlanner.BundlePath(l.Code))]));
        return new DependencyGraph(state.Pages.Values.Concat(generated), keysByFile);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, string output) =>
        new(false, diagnostics.ToSortedList(), ImmutableSortedDictionary<string, int>.Empty, 0, clock.Elapsed, output);
}
