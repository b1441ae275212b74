using System.Collections.Immutable;
using Atlas.Model;

namespace Atlas.Maps;

/// <summary>Where an entity is on the map: marker positions (with the entity each marks) and optionally a line.</summary>
public sealed record MapGeometry(ImmutableArray<MapPoint> Points, string? Line);

/// <summary>A marker position in map coordinates and the entity whose place it is.</summary>
/// <param name="Placement">Whose position this is: the entity's own, a host's standing in for it, or a place it is at.</param>
public sealed record MapPoint(EntityId Place, double X, double Y, MapPlacement Placement = MapPlacement.Own)
{
    /// <summary>The position is a host city's, not the entity's own: maps draw it as approximate (hollow).</summary>
    public bool IsApproximate => Placement == MapPlacement.Host;
}

/// <summary>How a point of an entity's geometry was found.</summary>
public enum MapPlacement
{
    /// <summary>The entity's own coordinates.</summary>
    Own,

    /// <summary>A point entity (a park, a zone) without coordinates, shown at a host city's position: approximate.</summary>
    Host,

    /// <summary>A place the entity is at or runs through (a cluster's cities, a corridor's route, a plan's cities):
    /// the entity has no single position, so this is no approximation of one.</summary>
    Place,
}
