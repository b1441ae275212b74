using System.Collections.Immutable;

namespace Atlas.Maps;

/// <summary>An administrative area of the base map: its polygons as rings of [lon, lat].</summary>
public sealed record GeoRegion(string Id, string Name, string Province, ImmutableArray<ImmutableArray<GeoPoint>> Rings);
