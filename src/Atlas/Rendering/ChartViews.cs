using System.Collections.Concurrent;
using System.Globalization;
using Atlas.Charts;
using Atlas.Model;
using Scriban.Runtime;
using static Atlas.Rendering.ViewFactory;

namespace Atlas.Rendering;

/// <summary>
/// The charts and figures as templates see them, in one language: each chart with its title, unit, sources and
/// marks placed by <see cref="ChartLayout"/>; the figures page's themes; the charts each figure is drawn in. What
/// makes a chart is decided in <see cref="ChartSeries.Group"/>; here it is only named and placed.
/// </summary>
/// <remarks>
/// Themes are the collections of the figures' subjects (figures about clusters, about corridors, about plans…):
/// every figure already names its subject, so every chart and figure has a theme without a second list to keep in
/// step with the content, and the theme's name is the collection's title. A comparison whose subjects come from
/// several collections goes to the one most of them belong to (the first in site order on a tie).
/// </remarks>
public sealed class ChartViews(SiteModel model, ViewFactory views, ChartData charts, string language)
{
    // Shared by the figures page, its themes and every indicator page; built once, from whichever page asks first.
    private readonly ConcurrentDictionary<Chart, ScriptObject> _charts = new();

    /// <summary>Every chart, series by series.</summary>
    public ScriptArray All() => Array(charts.Charts.Select(View));

    /// <summary>Charts and single figures grouped by theme, themes in site order.</summary>
    public ScriptArray Themes()
    {
        var entries = charts.Charts.Select(c => (Theme: Theme(c.Points.Select(p => p.SubjectOrSelf)), Chart: (Chart?)c, Figure: (ChartPoint?)null))
            .Concat(charts.Uncharted.Select(p => (Theme: p.SubjectOrSelf.Collection, Chart: (Chart?)null, Figure: (ChartPoint?)p)));
        var bundle = views.BundleFor(language);
        return Array(entries
            .GroupBy(e => e.Theme)
            .OrderBy(g => CollectionOrder(g.Key))
            .Select(theme => Obj(
                ("key", theme.Key),
                ("title", model.Config.Collections.First(c => c.Name == theme.Key).Title[language]),
                ("context", bundle.Get($"charts.theme.{theme.Key}") ?? ""),
                ("charts", Array(theme.Where(e => e.Chart is not null).Select(e => View(e.Chart!)))),
                ("figures", Array(theme.Where(e => e.Figure is not null).Select(e => e.Figure!)
                    .OrderBy(p => model.Position(p.Figure)).Select(Figure))))));
    }

    /// <summary>The charts each figure is drawn in, by figure id (collection/slug); a figure of its own has none.</summary>
    public ScriptObject ByFigure()
    {
        var index = new ScriptObject();
        foreach (var series in charts.Series)
        {
            foreach (var point in series.Points)
            {
                index.Add(point.Figure.ToString(), Array(charts.ChartsOf(point.Figure).Select(View)));
            }
        }

        index.IsReadOnly = true;
        return index;
    }

    private ScriptObject View(Chart chart) => _charts.GetOrAdd(chart, Build);

    private ScriptObject Build(Chart chart)
    {
        var bundle = views.BundleFor(language);
        var formatter = views.FormatterFor(language);
        var first = model.Get(chart.Points[0].Figure);
        var named = bundle.Get($"series.{chart.Measure}") ?? first.Name[language];
        var title = chart.Shape == ChartShape.TimeSeries && charts.HasSeveralCharts(chart.Measure) && chart.Subject is { } subject
            ? $"{named} · {model.Get(subject).Name[language]}"
            : named;
        var lowest = chart.Points.Min(p => p.Value);
        var highest = chart.Points.Max(p => p.Value);
        var largest = chart.Points.Max(p => Math.Abs(p.Value));
        var firstYear = chart.Points.Min(p => p.Year);
        var lastYear = chart.Points.Max(p => p.Year);
        var shape = chart.Shape == ChartShape.TimeSeries ? "line" : "bars";
        // Unique on a page: a measure's comparison and its subjects' time series; the unit only where a measure has several.
        var id = $"chart-{chart.Measure}-{(chart.Subject is { } s ? s.Slug : "compare")}" +
                 (charts.Series.Count(x => x.Measure == chart.Measure) > 1 ? "-" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(chart.Unit.Text)) : "");

        var values = chart.Points.Select(p => p.Value).ToList();
        var points = chart.Points.Select((p, i) =>
        {
            var figure = model.Get(p.Figure);
            var label = p.Subject is { } target ? model.Get(target).Name[language] : figure.Name[language];
            return Obj(
                ("entity", views.Summary(figure, language)),
                ("subject", p.Subject is { } about ? views.Summary(model.Get(about), language) : null),
                ("label", label),
                ("year", p.Year),
                ("year_text", formatter.Date(new PartialDate(p.Year, null, null))),
                ("value", p.Value.ToString(CultureInfo.InvariantCulture)),
                ("width", ChartLayout.BarWidth(p.Value, largest)),
                ("negative", p.Value < 0),
                ("x", ChartLayout.X(p.Year, firstYear, lastYear)),
                ("y", ChartLayout.Y(p.Value, lowest, highest)),
                ("label_y", ChartLayout.LabelY(values, i)),
                ("anchor", ChartLayout.Anchor(i, chart.Points.Length)));
        });

        return Obj(
            ("id", id),
            ("measure", chart.Measure),
            ("unit", chart.Unit.Text),
            ("unit_name", formatter.UnitName(chart.Unit)),
            ("shape", shape),
            ("title", title),
            ("mixes_years", chart.MixesYears),
            ("subject", chart.Subject is { } of ? views.Summary(model.Get(of), language) : null),
            ("sources", Array(Sources(chart.Points.Select(p => p.Figure)))),
            ("height", ChartLayout.LineHeight),
            ("baseline", ChartLayout.Baseline(lowest, highest)),
            ("year_y", ChartLayout.YearLabelY),
            ("points", Array(points)));
    }

    /// <summary>A figure shown on its own: its entity, year and sources.</summary>
    private ScriptObject Figure(ChartPoint point)
    {
        var figure = model.Get(point.Figure);
        return Obj(
            ("entity", views.Summary(figure, language)),
            ("year", point.Year),
            ("year_text", views.FormatterFor(language).Date(new PartialDate(point.Year, null, null))),
            ("sources", Array(Sources([point.Figure]))));
    }

    /// <summary>The sources the figures cite (charts.sources), each once, in site order.</summary>
    private IEnumerable<ScriptObject> Sources(IEnumerable<EntityId> figures)
    {
        if (model.Config.Features.ChartSourcesField is not { } field)
        {
            return [];
        }

        return figures
            .SelectMany(f => model.Get(f).Field(field) is ReferencesValue references ? references.Targets : [])
            .Distinct()
            .Where(t => model.Find(t) is not null)
            .OrderBy(model.Position)
            .Select(t => views.Summary(model.Get(t), language));
    }

    private string Theme(IEnumerable<EntityId> subjects) => subjects
        .GroupBy(s => s.Collection)
        .OrderByDescending(g => g.Count()).ThenBy(g => CollectionOrder(g.Key))
        .First().Key;

    private int CollectionOrder(string collection)
    {
        var index = model.Config.Collections.ToList().FindIndex(c => c.Name == collection);
        return index < 0 ? int.MaxValue : index;
    }
}
