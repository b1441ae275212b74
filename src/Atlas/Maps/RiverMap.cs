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
