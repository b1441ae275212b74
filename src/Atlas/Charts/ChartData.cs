using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Model;
using Atlas.Model.Fields;

namespace Atlas.Charts;

/// <summary>
/// Finds the chartable figures of the site: entities of a collection with a unit field, a number and a year,
/// grouped into series by the field site.yml names (charts: series:), split by unit so a chart never mixes units.
/// </summary>
public sealed class ChartData
{
    public ChartData(SiteModel model)
    {
        var seriesField = model.Config.Features.ChartSeriesField;
        var series = new List<ChartSeries>();
        var bySubject = new Dictionary<EntityId, List<ChartPoint>>();
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

                var point = new ChartPoint(entity, year.Year, number.Number);
                var key = seriesField is not null && entity.Field(seriesField) is TextValue text ? text.Text : entity.Slug;
                points.Add((key, unit.Unit, point));
            }

            foreach (var group in points.GroupBy(p => (p.Key, p.Unit.Text)).OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Text, StringComparer.Ordinal))
            {
                var ordered = group.Select(g => g.Point).OrderBy(p => p.Year).ThenBy(p => p.Source.Slug, StringComparer.Ordinal);
                series.Add(new ChartSeries(group.Key.Key, group.First().Unit, [.. ordered]));
            }
        }

        Series = [.. series];
    }

    /// <summary>Every series, including single figures.</summary>
    public ImmutableArray<ChartSeries> Series { get; }

    /// <summary>Series with at least two figures: worth a chart.</summary>
    public IEnumerable<ChartSeries> Charts => Series.Where(s => s.Points.Length >= 2);
}
