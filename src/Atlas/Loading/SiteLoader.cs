using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Localization;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Model.Fields;
using Atlas.Rendering;

namespace Atlas.Loading;

/// <summary>
/// Loading, the first stage of every command that reads a site (build, check, status): site.yml → i18n, templates,
/// assets, the base map and the Git dates beside content → the validated model → unit words → map, taxonomies and
/// the page plan. Every problem found is reported in one run; null when there was any error.
/// </summary>
public static class SiteLoader
{
    public static LoadedSite? Load(LoadOptions options, DiagnosticBag diagnostics, SiteCaches? caches = null, StageClock? stages = null)
    {
        caches?.BeginLoad(Path.Combine(options.SiteDirectory, SiteConfig.FileName));
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

        if (options.Repository is { } repository)
        {
            if (RepositoryConfigLoader.OwnerAndName(repository) is not { } ownerAndName)
            {
                diagnostics.Error(SourceLocation.File("--repository"),
                    $"--repository '{repository}' must be owner/name as in the repository's address (github.com/owner/name), such as example-org/atlas.");
                return null;
            }

            config = config with
            {
                Repository = (config.Repository ?? new RepositoryConfig(RepositoryHost.GitHub, "", "", "main", ""))
                    with { Owner = ownerAndName.Owner, Name = ownerAndName.Name },
            };
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
        var riversTask = baseMapTask.ContinueWith(loaded => config.Features.MapRivers is { } rivers && loaded.Result is { } projected
            ? RiverMap.Load(config.SiteDirectory, rivers, projected.Projection, diagnostics, config.Features.MapRiversLocation)
            : null, TaskScheduler.Default);
        // The base map's own drawing needs no content either.
        var baseMapSvgTask = baseMapTask.ContinueWith(loaded => loaded.Result?.ToSvg(), TaskScheduler.Default);
        var historyTask = config.GitDates
            ? Task.Run(() => GitHistory.Read(config.SiteDirectory, SiteConfig.ContentFolder, options.Git, options.GitTimeout))
            : Task.FromResult(GitDates.Off);

        var sources = Drafts.Apply(ContentLoader.Load(config, diagnostics, caches?.Files), options.Drafts, diagnostics);
        stages?.Mark("read content");
        // Bodies show labels made from the UI strings (dates, the background block's label), so those come first.
        var (bundles, templates, assets) = siteFiles.GetAwaiter().GetResult();
        var labels = Labels(config, sources, bundles);
        var model = ModelBuilder.Build(config, sources, diagnostics, caches?.Entities, labels);
        stages?.Mark("validate content, render Markdown");
        var baseMap = baseMapTask.GetAwaiter().GetResult();
        var riverMap = riversTask.GetAwaiter().GetResult();
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

        // The maps (placing every entity, the thematic counts, the corridors' layout the main map and the home page
        // draw) and the page plan need only the model: they run side by side rather than leave a core idle.
        var mapTask = config.Features.MapBase is not null && baseMap is not null
            ? Task.Run<(AtlasMap Map, byte[]? ThematicSvg)?>(() => PrepareMap(model, baseMap, riverMap))
            : Task.FromResult<(AtlasMap Map, byte[]? ThematicSvg)?>(null);
        var taxonomies = new Taxonomies(model);
        var pages = SitePlanner.Plan(model, taxonomies, path => templates.Get(path) is not null);
        stages?.Mark("taxonomies and page plan");
        AtlasMap? map = null;
        if (mapTask.GetAwaiter().GetResult() is { } prepared && config.Features.MapBase is { } mapPath)
        {
            map = prepared.Map;
            assets = assets.With("basemap.svg", mapPath, baseMapSvgTask.GetAwaiter().GetResult()!);
            if (prepared.ThematicSvg is { } thematicSvg)
            {
                assets = assets.With("thematic.svg", mapPath, thematicSvg);
            }
        }

        stages?.Mark("maps (the rest beside the page plan)");
        var gitDates = historyTask.GetAwaiter().GetResult();
        if (gitDates.Problem is { } gitProblem)
        {
            // Once per load, at the setting that asked for the dates: dates that are missing or wrong are never silent.
            diagnostics.Warning(config.GitDatesLocation, "git_dates: " + gitProblem);
        }

        var history = gitDates.LastChanged;
        var updated = LastUpdated(history, model);
        stages?.Mark("dates from Git");
        return new LoadedSite(config, bundles, templates, assets, model, taxonomies, map, pages) { Updated = updated, History = history, GitDates = gitDates };
    }

    /// <summary>The map of the model and its thematic drawing; the main map's corridors are laid out beside them.</summary>
    private static (AtlasMap Map, byte[]? ThematicSvg) PrepareMap(SiteModel model, BaseMap baseMap, RiverMap? riverMap)
    {
        var map = new AtlasMap(model, baseMap, riverMap);
        byte[]? thematic = null;
        Parallel.Invoke(
            () => thematic = map.Counts is { } counts ? ThematicMap.ToSvg(baseMap, counts, map.Frame) : null,
            () => _ = map.Corridors);
        return (map, thematic);
    }

    /// <summary>
    /// One entity of <paramref name="site"/> read from its files again (through <paramref name="caches"/>, which keep
    /// the parse and the entity for the next load) and validated against the ids of all entities; null when it is
    /// gone, became a draft that is left out, gained or lost a file, or gives any diagnostic: a full load reports it.
    /// </summary>
    public static Entity? ReloadEntity(LoadedSite site, Entity entity, LoadOptions options, SiteCaches caches)
    {
        var source = ContentLoader.Reload(site.Config, entity.Collection, entity.Slug, entity.SourceFiles, caches.Files);
        var bag = new DiagnosticBag();
        source = source is null ? null : Drafts.Apply([source], options.Drafts, bag) is [var kept] ? kept : null;
        var again = source is null ? null : ModelBuilder.BuildEntity(site.Config, source, site.Model.Ids, bag, site.Model.Labels);
        if (source is null || again is null || bag.ErrorCount + bag.WarningCount > 0 || !again.SourceFiles.SequenceEqual(entity.SourceFiles))
        {
            return null;
        }

        caches.Entities.Set(source, again); // the next load reuses it
        return again;
    }

    /// <summary>
    /// The labels bodies are rendered with: each citable entity's citation label in each language (its short label and
    /// date, <see cref="Formatter.TryCitation"/>) and the background block's label (UI string <c>background.label</c>).
    /// A language whose strings are missing gets no labels: the citations that need them are reported.
    /// </summary>
    private static ProseLabels Labels(SiteConfig config, ImmutableArray<EntitySource> sources, ImmutableDictionary<string, I18nBundle> bundles)
    {
        var formatters = bundles.ToImmutableDictionary(b => b.Key, b => new Formatter(b.Value));
        return ProseLabels.Make(config, ProseLabels.ReadCitable(config, sources),
            (language, shortLabel, date) => formatters.TryGetValue(language, out var formatter) ? formatter.TryCitation(shortLabel, date) : null,
            language => bundles.TryGetValue(language, out var bundle) ? bundle.Get("background.label") ?? "" : "");
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
}
