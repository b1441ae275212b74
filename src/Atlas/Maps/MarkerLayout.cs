using System.Collections.Immutable;

namespace Atlas.Maps;

/// <summary>An axis-aligned rectangle in map units (a placed label), something a marker must not be moved under.</summary>
public readonly record struct MapBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;

    public bool Overlaps(MapBox other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Overlaps(MapCircle circle)
    {
        var nearestX = Math.Clamp(circle.X, X, Right);
        var nearestY = Math.Clamp(circle.Y, Y, Bottom);
        double dx = circle.X - nearestX, dy = circle.Y - nearestY;
        return dx * dx + dy * dy < circle.Radius * circle.Radius;
    }

    public bool Inside(MapBox frame) => X >= frame.X && Y >= frame.Y && Right <= frame.Right && Bottom <= frame.Bottom;
}

/// <summary>A circle in map units: a marker's hit area.</summary>
public readonly record struct MapCircle(double X, double Y, double Radius)
{
    public bool Overlaps(MapCircle other)
    {
        double dx = X - other.X, dy = Y - other.Y, reach = Radius + other.Radius;
        return dx * dx + dy * dy < reach * reach;
    }
}

/// <summary>A marker to place: where its place is, in order of importance (the first keeps its place first).</summary>
public sealed record MarkerRequest(string Id, double X, double Y);

/// <summary>Where a marker is drawn; <see cref="Displaced"/> when it was moved off its place (a leader line joins them).</summary>
public sealed record PlacedMarker(string Id, double AnchorX, double AnchorY, double X, double Y)
{
    public bool Displaced => X != AnchorX || Y != AnchorY;

    public MapCircle Hit(double radius) => new(X, Y, radius);
}

/// <summary>
/// Places markers so that no two hit areas overlap: each marker, in the order given, stays on its place if its hit
/// circle is free there, or else moves to the nearest free spot on rings around its place (a leader line then points
/// back). So a click on any marker's centre lands on that marker, and displaced markers stay near their places.
/// With a <c>maxDistance</c>, a marker that finds no free spot that near its place is left out (a crowded map drops
/// the least important markers, as a printed atlas generalises at a small scale, instead of scattering them far
/// from their places); the search is then bounded, whatever the number of markers. Pure and deterministic.
/// </summary>
public static class MarkerLayout
{
    /// <summary>The number of directions tried on each ring (every 22.5°, starting to the upper right).</summary>
    private const int Directions = 16;

    /// <param name="hitRadius">The hit circle's radius, in map units; hit circles of placed markers are disjoint.</param>
    /// <param name="obstacles">Boxes no hit circle may overlap (labels placed before the markers).</param>
    /// <param name="taken">Hit circles already placed (markers laid out earlier) that none may overlap.</param>
    /// <param name="maxDistance">How far from its place a marker may be moved, in map units; without it, as far as it takes.</param>
    /// <returns>The markers placed, in the order given; those that found no room within <paramref name="maxDistance"/> are missing.</returns>
    public static ImmutableArray<PlacedMarker> Place(IReadOnlyList<MarkerRequest> markers, double hitRadius,
        IReadOnlyList<MapBox>? obstacles = null, IReadOnlyList<MapCircle>? taken = null, double? maxDistance = null)
    {
        // Everything a hit circle may not overlap: the circles placed so far and the obstacles.
        var occupied = new OverlapGrid(2 * hitRadius);
        foreach (var circle in taken ?? [])
        {
            occupied.Add(circle);
        }

        foreach (var box in obstacles ?? [])
        {
            occupied.Add(box);
        }

        var placed = ImmutableArray.CreateBuilder<PlacedMarker>(markers.Count);
        foreach (var marker in markers)
        {
            foreach (var (x, y) in Candidates(marker.X, marker.Y, hitRadius, maxDistance))
            {
                var hit = new MapCircle(x, y, hitRadius);
                if (!occupied.Overlaps(hit))
                {
                    occupied.Add(hit);
                    placed.Add(new PlacedMarker(marker.Id, marker.X, marker.Y, x, y));
                    break;
                }
            }
        }

        return placed.ToImmutable();
    }

    /// <summary>The place itself, then rings a third of a hit radius apart, out to <paramref name="maxDistance"/> or
    /// without end (a free spot always exists further out).</summary>
    private static IEnumerable<(double X, double Y)> Candidates(double x, double y, double hitRadius, double? maxDistance)
    {
        yield return (x, y);
        for (var ring = 1; ; ring++)
        {
            var radius = hitRadius * (1.4 + ring * 0.35);
            if (radius > maxDistance)
            {
                yield break;
            }

            var directions = Directions * Math.Max(1, ring / 4);
            for (var d = 0; d < directions; d++)
            {
                var angle = -Math.PI / 4 + d * 2 * Math.PI / directions;
                yield return (Math.Round(x + radius * Math.Cos(angle), 2), Math.Round(y + radius * Math.Sin(angle), 2));
            }
        }
    }
}
