using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Atlas.Charts;
using Atlas.Config;
using Atlas.Maps;
using Atlas.Model;
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

    public ScriptObject Atlas(string language) => _atlas.GetOrAdd(language, Build);

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
            ["charts"] = new LazyView(() => Array(Charts(language))),
            ["featured"] = new LazyView(() => Array(Featured(language))),
            ["corrections"] = Array(Corrections(language)),
        };
        atlas.IsReadOnly = true;
        return atlas;
    }

    /// <summary>A taxonomy with its terms, built once per language.</summary>
    public ScriptObject Taxonomy(TaxonomyConfig taxonomy, string language) =>
        _taxonomyViews.GetOrAdd((taxonomy.Name, language), _ => BuildTaxonomy(taxonomy, language));

    private ScriptObject BuildTaxonomy(TaxonomyConfig taxonomy, string language) => Tracked(DependencyKeys.Taxonomy(taxonomy.Name),
        ("name", taxonomy.Name),
        ("title", taxonomy.Title[language]),
        ("path", $"{language}/{taxonomy.Name}/"),
        ("terms", Array(taxonomies.Terms(taxonomy.Name).Select(term => Term(taxonomy, term, language, withEntities: false)))));

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
                 })
        {
            view.Add(name, value);
        }

        view.IsReadOnly = true;
        return view;
    }

    /// <summary>Everything with a date, oldest first, grouped by year: what happened when.</summary>
    private IEnumerable<ScriptObject> Timeline(string language)
    {
        var formatter = views.FormatterFor(language);
        var entries = new List<(PartialDate Date, Entity Entity, string Field)>();
        foreach (var entity in model.Entities)
        {
            foreach (var field in Config.Features.TimelineDates)
            {
                if (entity.Field(field) is DateValue date)
                {
                    entries.Add((date.Date, entity, field));
                }
            }
        }

        return entries
            .OrderBy(e => e.Date).ThenBy(e => model.Position(e.Entity.Id)).ThenBy(e => e.Field, StringComparer.Ordinal)
            .GroupBy(e => e.Date.Year)
            .Select(year => Obj(
                ("year", year.Key),
                ("entries", Array(year.Select(e => Obj(
                    ("date", formatter.Date(e.Date)),
                    ("iso", e.Date.ToString()),
                    ("field", e.Field),
                    ("label", views.BundleFor(language).Get($"field.{e.Field}") ?? e.Field),
                    ("entity", views.Summary(e.Entity, language))))))));
    }

    private IEnumerable<ScriptObject> Charts(string language)
    {
        var formatter = views.FormatterFor(language);
        var bundle = views.BundleFor(language);
        foreach (var series in charts.Charts)
        {
            var latest = series.Points[^1].Source;
            var title = bundle.Get($"series.{series.Key}") is { } named
                ? charts.Series.Count(s => s.Key == series.Key) > 1 ? $"{named} · {latest.Name[language]}" : named // one chart per unit
                : latest.Name[language];
            var bars = series.Points.Select(p => new SvgChart.Bar(
                series.IsLine ? p.Year.ToString(CultureInfo.InvariantCulture) : p.Source.Name[language],
                p.Value, formatter.Quantity(p.Value, series.Unit))).ToList();
            var id = $"chart-{series.Key}-{Slugify(series.Unit.Text)}";
            yield return Obj(
                ("id", id),
                ("key", series.Key),
                ("title", title),
                ("kind", series.IsLine ? "line" : "bar"),
                ("svg", new SafeHtml(SvgChart.Render(id, title, bars, series.IsLine))),
                ("rows", Array(series.Points.Select((p, i) => Obj(
                    ("label", bars[i].Label),
                    ("year", p.Year),
                    ("value", bars[i].ValueText),
                    ("entity", views.Summary(p.Source, language)))))));
        }
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

    private static string Slugify(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-') is { Length: > 0 } slug
            ? slug
            : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];
}
