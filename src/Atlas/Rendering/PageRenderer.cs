using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Rendering;

/// <summary>
/// Renders pages through their template and the layout, in parallel across cores. Each page gets its own Scriban
/// context; the parsed templates, the builtins, the functions and the entity summaries are shared read-only.
/// A template error is reported once per place in the template, with how many pages hit it.
/// </summary>
public sealed class PageRenderer
{
    private readonly SiteModel _model;
    private readonly TemplateSet _templates;
    private readonly ViewFactory _views;
    private readonly ScriptObject _builtins;
    private readonly ScriptObject _functions;

    private readonly SiteViews _site;
    private readonly ImmutableArray<string> _assetSources;
    private readonly Taxonomies _taxonomies;
    private readonly RenderLimits _limits;

    public PageRenderer(SiteModel model, TemplateSet templates, ViewFactory views, SiteViews site, Taxonomies taxonomies, AssetSet assets,
        RenderLimits? limits = null)
    {
        _limits = limits ?? RenderLimits.Default;
        _model = model;
        _templates = templates;
        _views = views;
        _site = site;
        _taxonomies = taxonomies;
        _functions = TemplateFunctions.Create(assets, model.Config.BaseUrl,
            language => model.Config.Language(language) is null ? null : views.BundleFor(language));
        _assetSources = [.. assets.SourcePaths];
        _builtins = CreateBuiltins();
    }

    private PageRenderer(PageRenderer renderer, SiteModel model, IReadOnlySet<EntityId> replaced)
    {
        _model = model;
        _templates = renderer._templates;
        _views = renderer._views.WithReplaced(model, replaced);
        _site = renderer._site; // the site-wide views (atlas, map, charts) are this renderer's
        _taxonomies = renderer._taxonomies;
        _limits = renderer._limits;
        _functions = renderer._functions;
        _assetSources = renderer._assetSources;
        _builtins = renderer._builtins;
    }

    /// <summary>
    /// Builds now the views that every page of a language reads (the site, the site-wide atlas, the collections),
    /// which are otherwise built by the first page that needs them. A caller that re-renders a few pages later (see
    /// <see cref="WithReplaced"/>) can do this ahead of time, so that those pages do not pay for them.
    /// </summary>
    public void Prepare()
    {
        foreach (var language in _model.Config.Languages.Select(l => l.Code))
        {
            _views.Site(language);
            _site.Atlas(language);
            foreach (var collection in _model.Config.Collections)
            {
                _views.Collection(collection, language);
            }
        }
    }

    /// <summary>
    /// This renderer, with everything it built and shares between pages, over <see cref="SiteModel.WithEntities"/>
    /// with <paramref name="replaced"/>: to re-render a set of pages after some entities changed. The replaced
    /// entities' views are built again; the site-wide ones (map, charts, the site) are this renderer's, so the pages
    /// are exact when only prose changed, and exact for the replaced entities' own pages otherwise.
    /// </summary>
    public PageRenderer WithReplaced(SiteModel model, IReadOnlySet<EntityId> replaced) => new(this, model, replaced);

    /// <summary>
    /// Renders the pages and hands each result to <paramref name="write"/> (called from several threads).
    /// Returns, per page path, what the page depended on: its declared dependencies, the templates it used and
    /// what it read, plus the assets (their fingerprints are in every page's links).
    /// </summary>
    public ImmutableDictionary<string, PageRecord> RenderAll(
        IReadOnlyList<PageSpec> pages, Action<PageSpec, byte[]> write, DiagnosticBag diagnostics, CancellationToken cancellation = default,
        Action<int, int>? progress = null, SlowestPages? slowest = null)
    {
        var done = 0;
        var stopped = new ConcurrentBag<(string Page, SourceLocation Where)>();
        var failures = new ConcurrentDictionary<(SourceLocation, string), List<string>>();
        var used = new ConcurrentDictionary<string, PageRecord>(StringComparer.Ordinal);
        // A page that reaches a render limit stops the others: the same template would run away on every page that
        // uses it (a layout on all of them), and a thousand pages each running to the limit is the long build the
        // limits are there to prevent. Other template errors let every page render, so that all are reported at once.
        using var limitReached = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var limitPages = 0;
        var options = new ParallelOptions { CancellationToken = limitReached.Token, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.ForEach(pages, options, page =>
            {
                var state = new PageState(page, page.Language is null ? null : _views.BundleFor(page.Language),
                    page.Language is null ? null : _views.FormatterFor(page.Language));
                try
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var html = Render(state, limitReached.Token);
                    slowest?.Add(page.Path, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                    write(page, html);
                }
                catch (ScriptAbortException e) when (limitReached.IsCancellationRequested)
                {
                    // Not the template's fault by itself: the build ran out of time (or its caller stopped it).
                    stopped.Add((page.Path, TemplateSet.Locate(e.Span)));
                    return;
                }
                catch (ScriptRuntimeException e) when (IsLimit(e))
                {
                    // Pages running side by side can reach the limit at once (at another step of the same runaway): the
                    // first one reports it, the others were stopped like the pages not rendered after it.
                    if (Interlocked.Exchange(ref limitPages, 1) != 0)
                    {
                        stopped.Add((page.Path, TemplateSet.Locate(e.Span)));
                        return;
                    }

                    Record(failures, TemplateSet.Locate(e.Span), LimitMessage(e.OriginalMessage), page.Path);
                    limitReached.Cancel();
                }
                catch (ScriptRuntimeException e)
                {
                    Record(failures, TemplateSet.Locate(e.Span), LimitMessage(e.OriginalMessage), page.Path);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NullReferenceException or InvalidCastException)
                {
                    // Scriban surfaces some template mistakes as plain .NET exceptions; still a template problem, not a crash.
                    Record(failures, SourceLocation.File(state.UsedTemplates.Keys.LastOrDefault() ?? page.Template), e.Message, page.Path);
                }

                var keys = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
                keys.UnionWith(page.Dependencies);
                keys.UnionWith(state.UsedTemplates.Keys);
                keys.UnionWith(state.Touched);
                keys.UnionWith(_assetSources);
                used[page.Path] = new PageRecord(page.Path, page.OutputFile, keys.ToImmutable());
                progress?.Invoke(Interlocked.Increment(ref done), pages.Count);
            });
        }
        catch (OperationCanceledException) when (limitReached.IsCancellationRequested)
        {
        }

        if (cancellation.IsCancellationRequested)
        {
            var first = stopped.OrderBy(s => s.Page, StringComparer.Ordinal).FirstOrDefault();
            throw new RenderStoppedException(first.Page is null ? null : $"{first.Where} (page {first.Page})", cancellation);
        }

        foreach (var ((location, message), paths) in failures)
        {
            var first = paths.Min(StringComparer.Ordinal);
            var where = paths.Count == 1 ? $"while rendering {first}" : $"on {paths.Count} pages, first {first}";
            if (limitReached.IsCancellationRequested && paths.Count < pages.Count)
            {
                where += "; the other pages were not rendered after a page reached a limit";
            }

            diagnostics.Error(location, $"{message.TrimEnd('.')} ({where}).");
        }

        return used.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether a render stopped at one of <see cref="RenderLimits"/> rather than at a mistake in the template.</summary>
    private static bool IsLimit(ScriptRuntimeException e) =>
        e is RenderLimitException ||
        e.OriginalMessage.Contains("LimitToString", StringComparison.Ordinal) ||
        e.OriginalMessage.Contains("OutputLimit", StringComparison.Ordinal) ||
        e.OriginalMessage.Contains("LoopLimit", StringComparison.Ordinal) ||
        e.OriginalMessage.StartsWith("Exceeding", StringComparison.Ordinal);

    /// <summary>Scriban's messages for its size limits name its own settings; an editor needs what happened.</summary>
    private string LimitMessage(string message) =>
        message.Contains("LimitToString", StringComparison.Ordinal)
            ? $"a text value in this template grew past {VisibleText.Number(_limits.StringCharacters)} characters; a string that is joined, appended or repeated without end (s = s + s) is stopped there"
            : message.Contains("OutputLimit", StringComparison.Ordinal)
                ? $"this page grew past {VisibleText.Number(_limits.OutputCharacters)} characters of HTML; a template that writes without end is stopped there"
                : message;

    private static void Record(ConcurrentDictionary<(SourceLocation, string), List<string>> failures, SourceLocation location, string message, string page)
    {
        var list = failures.GetOrAdd((location, message), _ => []);
        lock (list)
        {
            list.Add(page);
        }
    }

    /// <summary>
    /// Renders the page's template, then the layout with the result as <c>content</c>, in one Scriban context.
    /// Variables the page template sets live in a scope of their own that is dropped before the layout runs.
    /// </summary>
    private byte[] Render(PageState state, CancellationToken cancellation)
    {
        var page = state.Spec;
        var context = new AtlasTemplateContext(_templates, state, _builtins, _limits, cancellation);
        var output = PageBuilder();
        context.PushOutput(new StringBuilderOutput(output));
        context.PushGlobal(_functions);
        context.PushGlobal(Globals(page));

        context.PushGlobal(new ScriptObject());
        var body = Template(page.Template, context).Render(context);
        context.PopGlobal();
        if (page.Kind is PageKind.Root or PageKind.NotFound)
        {
            // The root page is a complete document of its own: it has no language for the layout's texts. So is the
            // 404 page: served at any address, it cannot use the layout's relative links to the stylesheet and script.
            return Encoding.UTF8.GetBytes(body);
        }

        context.PushGlobal(new ScriptObject { ["content"] = new SafeHtml(body) });
        context.WriteTemplate(Template(TemplateSet.LayoutPath, context));
        return Utf8(output);
    }

    /// <summary>A builder's text in UTF-8, encoded from the builder rather than from a string copied out of it first
    /// (the usual one-piece builder; a page that outgrew it is copied, as a character pair may straddle two pieces).</summary>
    private static byte[] Utf8(StringBuilder text)
    {
        var chunks = text.GetChunks().GetEnumerator();
        if (!chunks.MoveNext())
        {
            return [];
        }

        var first = chunks.Current.Span;
        if (chunks.MoveNext())
        {
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(first)];
        Encoding.UTF8.GetBytes(first, bytes);
        return bytes;
    }

    /// <summary>Each rendering thread's text of the page being rendered, emptied for each page. Scriban's own is new
    /// for every page and grows in pieces, and emptying a builder of several pieces (as Scriban does after each of a
    /// page's two renders) allocates one more buffer of their whole size: one builder of one piece, kept, does neither.
    /// A builder grown past <see cref="KeptPageCharacters"/> by a huge page is not kept.</summary>
    private static StringBuilder PageBuilder()
    {
        var builder = _pageBuilder is { Capacity: <= KeptPageCharacters } kept ? kept : new StringBuilder(InitialPageCharacters);
        _pageBuilder = builder;
        return builder.Clear();
    }

    [ThreadStatic]
    private static StringBuilder? _pageBuilder;

    private const int InitialPageCharacters = 1 << 16;
    private const int KeptPageCharacters = 1 << 22;

    private Template Template(string path, AtlasTemplateContext context)
    {
        context.MarkUsed(path);
        return _templates.Get(path) ?? throw new InvalidOperationException($"template {path} is missing");
    }

    private ScriptObject Globals(PageSpec page)
    {
        var config = _model.Config;
        var language = page.Language ?? config.DefaultLanguage;
        var globals = new ScriptObject
        {
            ["site"] = _views.Site(language),
            ["lang"] = page.Language,
            // Every page has the same globals, null where they do not apply, so a shared layout can test them.
            ["entity"] = null,
            ["collection"] = null,
            ["taxonomy"] = null,
            ["term"] = null,
            ["atlas"] = _site.Atlas(language),
        };

        string title;
        string description;
        var bundle = _views.BundleFor(language);
        switch (page.Kind)
        {
            case PageKind.Entity:
            case PageKind.Compare:
                var entity = _model.Get(page.Entity!.Value);
                var collection = config.Collection(page.Collection!)!;
                globals["entity"] = page.Kind == PageKind.Compare ? _views.Compare(entity, language) : _views.Entity(entity, language);
                globals["collection"] = _views.Collection(collection, language);
                title = entity.Name[language];
                description = entity.Summary[language];
                break;
            case PageKind.Page:
                title = config.Features.Page(page.Name!)!.Title[language];
                description = config.Description[language];
                break;
            case PageKind.TaxonomyIndex:
            case PageKind.TaxonomyTerm:
                var taxonomy = config.Features.Taxonomies.First(t => t.Name == page.Name);
                globals["taxonomy"] = _site.Taxonomy(taxonomy, language);
                title = taxonomy.Title[language];
                description = config.Description[language];
                if (page.Term is { } key)
                {
                    var term = _site.Term(taxonomy, _taxonomies.Term(taxonomy.Name, key), language, withEntities: true);
                    globals["term"] = term;
                    title = $"{term["label"]} · {title}";
                }

                break;
            case PageKind.NotFound:
                title = bundle.Get("notfound.title") ?? config.Title[language];
                description = config.Description[language];
                break;
            case PageKind.Collection:
                var indexed = config.Collection(page.Collection!)!;
                globals["collection"] = _views.Collection(indexed, language);
                title = indexed.Title[language];
                description = config.Description[language];
                break;
            default:
                title = config.Title[language];
                description = config.Description[language];
                break;
        }

        globals["page"] = PageView.Of(_model.Config, page, title, description);
        return globals;
    }

    /// <summary>
    /// Scriban's builtins, made once per build, minus what would break determinism (date.now) and with an include
    /// that does not double-escape. Object evaluation of strings is removed: content must never become code.
    /// </summary>
    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("date");
        builtins.Remove("include_join");
        builtins.Remove("include");
        builtins.SetValue("include", new SafeIncludeFunction(), readOnly: true);
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        return builtins;
    }
}
