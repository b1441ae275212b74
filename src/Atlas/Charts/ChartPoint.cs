using Atlas.Model;

namespace Atlas.Charts;

/// <summary>One figure in a chart: the entity it comes from, its year and its value in the series' unit.</summary>
public sealed record ChartPoint(Entity Source, int Year, decimal Value);
