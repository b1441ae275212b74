namespace Atlas.Config;

/// <summary>How a collection appears on the map.</summary>
public enum MapLayerShape
{
    /// <summary>A marker at the entity's coordinates.</summary>
    Points,
    /// <summary>A line through the coordinates of the entities a reference field lists, in order.</summary>
    Lines,
    /// <summary>Markers at the coordinates of the entities a reference field lists (a cluster shown by its cities).</summary>
    Places,
}

public sealed record MapLayerConfig(string Collection, MapLayerShape Shape, string Field);
