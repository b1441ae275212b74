using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>Where an entity is on the map: marker positions (with the entity each marks) and optionally a line.</summary>
public sealed record MapGeometry(ImmutableArray<MapPoint> Points, string? Line);

/// <summary>A marker position in map coordinates and the entity whose place it is.</summary>
public sealed record MapPoint(EntityId Place, double X, double Y);
