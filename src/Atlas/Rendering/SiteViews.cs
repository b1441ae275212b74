using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Atlas.Charts;
using Atlas.Config;
using Atlas.Maps;
using Atlas.Model;
using Atlas.Text;
using Scriban.Runtime;
using static Atlas.Rendering.ViewFactory;

namespace Atlas.Rendering;

/// <summary>
/// The site-wide views of one language, built once and shared by every page as the global <c>atlas</c>:
/// collections, extra pages, taxonomies, the timeline, the map layers, the charts and the featured figures.
/// </summary>
public sealed class SiteViews(SiteModel model, ViewFactory views, Taxonomies taxonomies, AtlasMap? map, ChartData charts)
{
    private readonly ConcurrentDictionary<string, ScriptObject> _atlas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), ScriptObject> _taxonomyViews = new();

    private SiteConfig Config => model.Config;

    private readonly ConcurrentDictionary<string, ChartViews> _chartViews = new(StringComparer.Ordinal);

    public ScriptObject Atlas(string language) => _atlas.GetOrAdd(language, Build);

    private ChartViews ChartViews(string language) => _chartViews.GetOrAdd(language, l => new ChartViews(model, views, charts, l));

    private ScriptObject Build(string language)
    {
        var collections = new ScriptObject();
        foreach (var collection in Config.Collections)
        {
            collections.Add(collection.Name, views.Collection(collection, language));
        }

        collections.IsReadOnly = true;
        // Reading the timeline, map, charts or featured figures depends on the data of all entities; each taxonomy on its terms.
        var everything = new Dictionary<string, string>
        {
            ["timeline"] = DependencyKeys.AllData,
            ["map"] = DependencyKeys.AllData,
            ["charts"] = DependencyKeys.AllData,
            ["chart_themes"] = DependencyKeys.AllData,
            ["charts_of"] = DependencyKeys.AllData,
            ["featured"] = DependencyKeys.AllData,
        };
        var atlas = new TrackedObject(SiteConfig.FileName, everything)
        {
            ["collections"] = collections,
            ["pages"] = Array(Config.Features.Pages.OrderBy(p => p.Order).Select(p => Obj(
                ("name", p.Name), ("title", p.Title[language]), ("path", $"{language}/{p.Name}/")))),
            ["taxonomies"] = Array(Config.Features.Taxonomies.Select(t => Taxonomy(t, language))),
            ["timeline"] = new LazyView(() => Array(Timeline(language))),
            ["map"] = new LazyView(() => map is null ? null : new MapViews(model, views, map).Main(language)),
            ["charts"] = new LazyView(() => ChartViews(language).All()),
            ["chart_themes"] = new LazyView(() => ChartViews(language).Themes()),
            ["charts_of"] = new LazyView(() => ChartViews(language).ByFigure()),
            ["featured"] = new LazyView(() => Array(Featured(language))),
            ["corrections"] = Array(Corrections(language)),
            ["menu"] = Menu(language),
        };
        atlas.IsReadOnly = true;
        return atlas;
    }

    /// <summary>
    /// The navigation, built once per language (a page only marks where it is): the groups of site.yml menu: with
    /// their collections and pages, then the collections in the menu and the pages no group names.
    /// </summary>
    private ScriptObject Menu(string language)
    {
        var entries = Config.Collections.Where(c => c.InMenu)
            .Select(c => (c.Name, Title: c.Title[language], Path: SiteUrls.CollectionPath(language, c), Page: false))
            .Concat(Config.Features.Pages.OrderBy(p => p.Order).Select(p => (p.Name, Title: p.Title[language], Path: $"{language}/{p.Name}/", Page: true)))
            .ToList();
        ScriptObject Item((string Name, string Title, string Path, bool Page) e) =>
            Obj(("name", e.Name), ("title", e.Title), ("path", e.Path), ("page", e.Page));
        var grouped = Config.Features.Menu.SelectMany(g => g.Items).ToHashSet(StringComparer.Ordinal);
        return Obj(
            ("groups", Array(Config.Features.Menu
                .Select(g => (g.Name, Items: g.Items.Select(name => entries.FirstOrDefault(e => e.Name == name)).Where(e => e.Name is not null).ToList()))
                .Where(g => g.Items.Count > 0)
                .Select(g => Obj(("name", g.Name), ("items", Array(g.Items.Select(Item))))))),
            ("rest", Array(entries.Where(e => !grouped.Contains(e.Name)).Select(Item))));
    }

    /// <summary>A taxonomy with its terms, built once per language.</summary>
    public ScriptObject Taxonomy(TaxonomyConfig taxonomy, string language) =>
        _taxonomyViews.GetOrAdd((taxonomy.Name, language), _ => BuildTaxonomy(taxonomy, language));

    private ScriptObject BuildTaxonomy(TaxonomyConfig taxonomy, string language) => Tracked(DependencyKeys.Taxonomy(taxonomy.Name),
        ("name", taxonomy.Name),
        ("title", taxonomy.Title[language]),
        ("path", $"{language}/{taxonomy.Name}/"),
        ("terms", Array(TermsInOrder(taxonomy, language).Select(term => Term(taxonomy, term, language, withEntities: false)))));

    /// <summary>A taxonomy's terms as its page lists them: terms that are entities (cities) by name in this language, others as declared.</summary>
    private IEnumerable<TaxonomyTerm> TermsInOrder(TaxonomyConfig taxonomy, string language)
    {
        var terms = taxonomies.Terms(taxonomy.Name);
        return terms.All(t => t.Target is not null)
            ? terms.OrderBy(t => Collation.KeyFor(language, model.Get(t.Target!.Value).Name[language]), StringComparer.Ordinal)
            : terms;
    }

    public ScriptObject Term(TaxonomyConfig taxonomy, TaxonomyTerm term, string language, bool withEntities)
    {
        // A term's label and list come from its taxonomy; the term object is tracked under the taxonomy's key.
        var label = term.Target is { } target ? model.Get(target).Name[language]
            : term.EnumField is { } field ? views.BundleFor(language).Get($"enum.{field}.{term.Key}") ?? term.Key
            : term.Key;
        var view = new TrackedObject(DependencyKeys.Taxonomy(taxonomy.Name))
        {
            AlsoKeys = term.Target is { } shown ? [DependencyKeys.Entity(shown)] : [],
        };
        foreach (var (name, value) in new (string, object?)[]
                 {
                     ("key", term.Key),
            ("label", label),
            ("path", $"{language}/{taxonomy.Name}/{term.Key}/"),
            ("count", term.Entities.Length),
                     ("entity", term.Target is { } entity ? views.Summary(model.Get(entity), language) : null),
                     ("entities", withEntities ? Array(term.Entities.Select(e => views.Summary(e, language))) : null),
                     ("groups", withEntities ? Array(TermGroups(term, language)) : null),
                 })
        {
            view.Add(name, value);
        }

        view.IsReadOnly = true;
        return view;
    }

    /// <summary>A term's entities by collection, in site.yml's order of collections, each in its list order in this language.</summary>
    private IEnumerable<ScriptObject> TermGroups(TaxonomyTerm term, string language) =>
        Config.Collections
            .Select(c => (Collection: c, Members: term.Entities.Where(e => e.Collection.Name == c.Name).OrderBy(e => model.Rank(e.Id, language)).ToList()))
            .Where(g => g.Members.Count > 0)
            .Select(g => Obj(
                ("collection", g.Collection.Name),
                ("title", g.Collection.Title[language]),
                ("path", SiteUrls.CollectionPath(language, g.Collection)),
                ("count", g.Members.Count),
                ("items", Array(g.Members.Select(e => views.Summary(e, language))))));

    /// <summary>
    /// Everything with a date, oldest first, grouped by year: what happened when. Only the collections
    /// timeline.collections lists, when it lists any (the sources report events, they are not events); on the same day
    /// in the order listed there, so that a conference comes before the plans it adopted. Each row's date leaves out
    /// the year its heading gives, and it says what kind of entry it is in words, not by its look alone.
    /// </summary>
    private IEnumerable<ScriptObject> Timeline(string language)
    {
        var formatter = views.FormatterFor(language);
        var bundle = views.BundleFor(language);
        var listed = Config.Features.TimelineCollections;
        var order = listed.Select(c => c.Collection).ToList();
        var entries = new List<(PartialDate Date, Entity Entity, string Field, int Rank, string? Kind)>();
        foreach (var entity in model.Entities)
        {
            var rank = listed.IsEmpty ? 0 : order.IndexOf(entity.Collection.Name);
            if (rank < 0)
            {
                continue;
            }

            foreach (var field in Config.Features.TimelineDates)
            {
                if (entity.Field(field) is DateValue date)
                {
                    entries.Add((date.Date, entity, field, rank, listed.IsEmpty ? null : listed[rank].Kind));
                }
            }
        }

        return entries
            .OrderBy(e => e.Date).ThenBy(e => e.Rank).ThenBy(e => model.Position(e.Entity.Id)).ThenBy(e => e.Field, StringComparer.Ordinal)
            .GroupBy(e => e.Date.Year)
            .Select(year => Obj(
                ("year", year.Key),
                ("entries", Array(year.Select(e => Obj(
                    ("date", formatter.DateInYear(e.Date)),
                    ("iso", e.Date.ToString()),
                    ("field", e.Field),
                    ("event", bundle.Get($"timeline.event.{e.Field}")),
                    ("kind", e.Kind),
                    ("kind_label", e.Kind is { } kind ? bundle.Get($"timeline.kind.{kind}") : e.Entity.Collection.Title[language]),
                    ("entity", views.Summary(e.Entity, language))))))));
    }

    private IEnumerable<ScriptObject> Featured(string language)
    {
        if (Config.Features.FeaturedField is not { } field)
        {
            return [];
        }

        return model.Entities.Where(e => e.Field(field) is BooleanValue { Value: true }).Select(e => FeaturedCard(e, language));
    }

    /// <summary>
    /// A featured entity as a card shows it: its summary and, under <c>links</c>, the summaries of what each of its
    /// reference fields points to (a key figure's card links its source article).
    /// </summary>
    private ScriptObject FeaturedCard(Entity entity, string language)
    {
        var links = new ScriptObject();
        foreach (var reference in entity.Collection.Fields.Where(f => f.IsReference))
        {
            links.Add(reference.Name, Array(entity.Field(reference.Name) is ReferencesValue references
                ? references.Targets.Select(t => views.Summary(model.Get(t), language))
                : Enumerable.Empty<ScriptObject>()));
        }

        links.IsReadOnly = true;
        return Obj(("entity", views.Summary(entity, language)), ("links", links));
    }

    /// <summary>The corrections log, newest first (entries of one day in the file's order), dates in the page's language.</summary>
    private IEnumerable<ScriptObject> Corrections(string language)
    {
        var formatter = views.FormatterFor(language);
        return Config.Features.Corrections
            .Select((correction, index) => (Correction: correction, Index: index))
            .OrderByDescending(c => c.Correction.Date, StringComparer.Ordinal).ThenBy(c => c.Index)
            .Select(c => Obj(
                ("iso", c.Correction.Date),
                ("date", PartialDate.TryParse(c.Correction.Date, out var date) ? formatter.Date(date) : c.Correction.Date),
                ("what", c.Correction.What[language])));
    }
}
