using Atlas.Model;

namespace Atlas.Charts;

/// <summary>
/// One figure of a series: the entity it comes from, whose figure it is (null when site.yml names no subject field
/// or the figure has none: then the figure stands for itself), its year and its value in the series' unit.
/// </summary>
public sealed record ChartPoint(EntityId Figure, EntityId? Subject, int Year, decimal Value)
{
    /// <summary>What the figure is about, for grouping: its subject, or the figure itself when it names none.</summary>
    public EntityId SubjectOrSelf => Subject ?? Figure;
}
