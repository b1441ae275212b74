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

public sealed record MapLayerConfig(string Collection, MapLayerShape Shape, string Field)
{
    /// <summary>
    /// A lines layer's entities that follow a river (a waterway) instead of running straight between their stops:
    /// those whose enum field <see cref="RiverCourse.Field"/> has the value <see cref="RiverCourse.Value"/>.
    /// </summary>
    public RiverCourse? AlongRivers { get; init; }
}

/// <summary>Which entities of a lines layer are drawn along the river through their stops (map.layers[].along_rivers).</summary>
public sealed record RiverCourse(string Field, string Value);
