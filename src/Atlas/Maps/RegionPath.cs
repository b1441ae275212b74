namespace Atlas.Maps;

/// <summary>A region of the base map as SVG path data in map coordinates.</summary>
public sealed record RegionPath(string Id, string Name, string Province, string Data);
