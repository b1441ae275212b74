using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Sources;

namespace Atlas.Maps;

/// <summary>
/// A river as the maps draw it: a stable id (<c>yangtze</c>, <c>jialing</c> …, from the GeoJSON's <c>id</c>), its
/// names by language (<c>name_zh</c>, <c>name_en</c> …), and its lines projected with the base map's projection,
/// downstream, longest first. Other layers may follow it (a waterway along the Yangtze).
/// </summary>
public sealed record River(string Id, LocalizedText Name, ImmutableArray<ImmutableArray<(double X, double Y)>> Lines)
{
    /// <summary>The lines as SVG path data in map coordinates.</summary>
    public string PathData
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var line in Lines)
            {
                for (var i = 0; i < line.Length; i++)
                {
                    builder.Append(i == 0 ? 'M' : 'L').Append(BaseMap.Format(line[i].X)).Append(',').Append(BaseMap.Format(line[i].Y));
                }
            }

            return builder.ToString();
        }
    }
}

/// <summary>The rivers site.yml names (map.rivers), read through the same file policy as the base map and projected with it.</summary>
public sealed class RiverMap
{
    private RiverMap(ImmutableArray<River> rivers) => Rivers = rivers;

    /// <summary>In the file's order (the main stem first).</summary>
    public ImmutableArray<River> Rivers { get; }

    public River? this[string id] => Rivers.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// The river a waterway through <paramref name="stops"/> follows, leg by leg: of every river line that passes within
    /// <paramref name="tolerance"/> of each stop, the one nearest to them (least worst distance); for each pair of
    /// consecutive stops, the stretch of that line from the point nearest the one to the point nearest the next, in
    /// the stops' direction. Null when no line passes by every stop, or the stops do not go one way along it (then
    /// there is no honest course to draw, and the caller draws the stops).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>>? Course(IReadOnlyList<(double X, double Y)> stops, double tolerance)
    {
        if (stops.Count < 2)
        {
            return null;
        }

        (ImmutableArray<(double X, double Y)> Line, double[] At, double Worst)? best = null;
        foreach (var line in Rivers.SelectMany(r => r.Lines))
        {
            var at = new double[stops.Count];
            var worst = 0.0;
            for (var i = 0; i < stops.Count && worst <= tolerance; i++)
            {
                (at[i], var distance) = Nearest(line, stops[i]);
                worst = Math.Max(worst, distance);
            }

            var pairs = at.Zip(at.Skip(1)).ToList();
            var oneWay = pairs.All(p => p.First < p.Second) || pairs.All(p => p.First > p.Second);
            if (worst <= tolerance && oneWay && (best is null || worst < best.Value.Worst))
            {
                best = (line, at, worst);
            }
        }

        return best is { } found
            ? [.. found.At.Zip(found.At.Skip(1), (from, to) => Stretch(found.Line, from, to))]
            : null;
    }

    /// <summary>Where along a line (segment index plus the fraction along it) the point nearest to p is, and how far it is.</summary>
    private static (double At, double Distance) Nearest(ImmutableArray<(double X, double Y)> line, (double X, double Y) p)
    {
        var (bestAt, bestDistance) = (0.0, double.PositiveInfinity);
        for (var i = 0; i + 1 < line.Length; i++)
        {
            var (a, b) = (line[i], line[i + 1]);
            double dx = b.X - a.X, dy = b.Y - a.Y, length2 = dx * dx + dy * dy;
            var t = length2 == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length2, 0, 1);
            double x = a.X + t * dx - p.X, y = a.Y + t * dy - p.Y, distance = Math.Sqrt(x * x + y * y);
            if (distance < bestDistance)
            {
                (bestAt, bestDistance) = (i + t, distance);
            }
        }

        return (bestAt, bestDistance);
    }

    /// <summary>The line between two positions along it (segment index plus fraction), in the direction from the first to the second.</summary>
    private static List<(double X, double Y)> Stretch(ImmutableArray<(double X, double Y)> line, double from, double to)
    {
        (double X, double Y) PointAt(double at)
        {
            var i = Math.Min((int)Math.Floor(at), line.Length - 2);
            var t = at - i;
            return (line[i].X + t * (line[i + 1].X - line[i].X), line[i].Y + t * (line[i + 1].Y - line[i].Y));
        }

        var (low, high) = from <= to ? (from, to) : (to, from);
        var points = new List<(double X, double Y)> { PointAt(low) };
        for (var v = (int)Math.Floor(low) + 1; v < high; v++)
        {
            points.Add(line[v]);
        }

        points.Add(PointAt(high));
        if (from > to)
        {
            points.Reverse();
        }

        return points;
    }

    public static RiverMap? Load(string siteDirectory, string path, MapProjection projection, DiagnosticBag diagnostics,
        SourceLocation? configured = null)
    {
        var location = SourceLocation.File(path);
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), path, diagnostics, out var exists, configured ?? location);
        if (!exists || file?.IsFolder == true)
        {
            diagnostics.Error(configured ?? location, $"the rivers named by map.rivers in site.yml ({path}) do not exist.");
            return null;
        }

        if (file is null || SourcePolicy.Read(file, diagnostics) is not { } bytes)
        {
            return null;
        }

        try
        {
            return Parse(bytes, projection);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            diagnostics.Error(location, $"the rivers are not GeoJSON the atlas can read ({e.Message.TrimEnd('.')}); they need features with id, name_<language> and LineString or MultiLineString geometry.");
            return null;
        }
    }

    /// <summary>Reads the GeoJSON; throws on a shape it cannot read (the caller reports it).</summary>
    public static RiverMap Parse(ReadOnlySpan<byte> json, MapProjection projection)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var rivers = ImmutableArray.CreateBuilder<River>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var id = properties.GetProperty("id").GetString() ?? throw new FormatException("a river has no id");
            var names = properties.EnumerateObject()
                .Where(p => p.Name.StartsWith("name_", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => KeyValuePair.Create(p.Name["name_".Length..], p.Value.GetString()!));
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var lines = geometry.GetProperty("type").GetString() switch
            {
                "LineString" => [coordinates],
                "MultiLineString" => coordinates.EnumerateArray().ToList(),
                var other => throw new FormatException($"unsupported geometry type {other} for river {id}"),
            };

            var projected = lines
                .Select(line => line.EnumerateArray()
                    .Select(p => projection.Project(new GeoPoint(p[0].GetDouble(), p[1].GetDouble())))
                    .ToImmutableArray())
                .Where(line => line.Length >= 2)
                .ToImmutableArray();
            rivers.Add(new River(id, LocalizedText.From(names), projected));
        }

        return new RiverMap(rivers.ToImmutable());
    }
}
