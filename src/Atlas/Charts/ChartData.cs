using System.Collections.Immutable;
using Atlas.Model;
using Atlas.Model.Fields;

namespace Atlas.Charts;

/// <summary>
/// Finds the chartable figures of the site: entities of a collection with a unit field, a number and a year,
/// grouped into series by the field site.yml names (charts: series:), split by unit so a chart never mixes units,
/// each series grouped into charts by the subject field (charts: subject:) as <see cref="ChartSeries.Group"/> says.
/// </summary>
public sealed class ChartData
{
    public ChartData(SiteModel model)
    {
        var features = model.Config.Features;
        var series = new List<ChartSeries>();
        foreach (var collection in model.Config.Collections)
        {
            var unitField = collection.Fields.FirstOrDefault(f => f.Type == FieldTypes.Unit);
            var numberField = collection.Fields.FirstOrDefault(f => f.Type == FieldTypes.Number);
            var yearField = collection.Fields.FirstOrDefault(f => f.Type == FieldTypes.Year);
            if (unitField is null || numberField is null || yearField is null)
            {
                continue;
            }

            var points = new List<(string Key, Unit Unit, ChartPoint Point)>();
            foreach (var entity in model.Collections[collection.Name])
            {
                if (entity.Field(unitField.Name) is not UnitValue unit || entity.Field(numberField.Name) is not NumberValue number ||
                    entity.Field(yearField.Name) is not YearValue year)
                {
                    continue;
                }

                EntityId? subject = features.ChartSubjectField is { } subjectField && entity.Field(subjectField) is ReferencesValue { Targets: [var target, ..] }
                    ? target
                    : null;
                var key = features.ChartSeriesField is { } seriesField && entity.Field(seriesField) is TextValue text ? text.Text : entity.Slug;
                points.Add((key, unit.Unit, new ChartPoint(entity.Id, subject, year.Year, number.Number)));
            }

            foreach (var group in points.GroupBy(p => (p.Key, p.Unit.Text)).OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Text, StringComparer.Ordinal))
            {
                series.Add(ChartSeries.Group(group.Key.Key, group.First().Unit, group.Select(g => g.Point)));
            }
        }

        Series = [.. series];

        // Which charts draw each figure, found once: every indicator page asks for its own, and asking each chart in
        // turn took time that grew with the square of the figures (half a second per language at 10,000 entities).
        var chartsOf = new Dictionary<EntityId, List<Chart>>();
        foreach (var chart in Charts)
        {
            foreach (var figure in chart.Points.Select(p => p.Figure).Distinct())
            {
                if (!chartsOf.TryGetValue(figure, out var list))
                {
                    chartsOf[figure] = list = [];
                }

                list.Add(chart);
            }
        }

        _chartsOf = chartsOf.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray());
    }

    private readonly ImmutableDictionary<EntityId, ImmutableArray<Chart>> _chartsOf;

    /// <summary>Every series, including those of a single figure.</summary>
    public ImmutableArray<ChartSeries> Series { get; }

    /// <summary>Every chart, series by series.</summary>
    public IEnumerable<Chart> Charts => Series.SelectMany(s => s.Charts);

    /// <summary>The figures shown on their own: in no chart.</summary>
    public IEnumerable<ChartPoint> Uncharted => Series.SelectMany(s => s.Uncharted);

    /// <summary>The charts a figure is drawn in, in the order of <see cref="Charts"/> (none for a figure of its own).</summary>
    public IEnumerable<Chart> ChartsOf(EntityId figure) => _chartsOf.TryGetValue(figure, out var charts) ? charts : [];

    /// <summary>Whether the measure has more than one chart or more than one unit: its charts' titles then name what tells them apart.</summary>
    public bool HasSeveralCharts(string measure) => Series.Where(s => s.Measure == measure).Sum(s => s.Charts.Length) > 1;
}
