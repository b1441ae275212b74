using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Atlas.Diagnostics;
using Atlas.Sources;

namespace Atlas.Maps;

/// <summary>
/// The regional base map: administrative areas read from the GeoJSON that site.yml names, projected once into SVG
/// path data. The same coordinates serve every map of the site (the map page and each entity's locator map), so
/// markers and lines line up with the outline everywhere.
/// </summary>
public sealed class BaseMap
{
    public const double Width = 1000;

    private BaseMap(ImmutableArray<GeoRegion> regions, MapProjection projection)
    {
        Regions = regions;
        Projection = projection;
        Paths = [.. regions.Select(r => new RegionPath(r.Id, r.Name, r.Province, PathData(r)))];
        // Projected once, while the base map loads beside the content (off the build's critical path), for the tests
        // of which unit a point is in and for the boxes locators frame.
        _projected = [.. Regions.Select(r =>
        {
            var rings = ProjectedRings(r);
            var points = rings.SelectMany(ring => ring).ToList();
            return (r, rings, new MapFrame(points.Min(p => p.X), points.Min(p => p.Y),
                points.Max(p => p.X) - points.Min(p => p.X), points.Max(p => p.Y) - points.Min(p => p.Y)));
        })];
        _boxes = _projected.ToDictionary(p => p.Region.Id, p => p.Box, StringComparer.Ordinal);
    }

    /// <summary>Each area's rings in map coordinates with their bounding box (which rules most points out at once).</summary>
    private readonly ImmutableArray<(GeoRegion Region, ImmutableArray<ImmutableArray<(double X, double Y)>> Rings, MapFrame Box)> _projected;

    private readonly Dictionary<string, MapFrame> _boxes;

    /// <summary>A unit's bounding box in map coordinates.</summary>
    public MapFrame BoxOf(GeoRegion region) => _boxes[region.Id];

    public ImmutableArray<GeoRegion> Regions { get; }

    public ImmutableArray<RegionPath> Paths { get; }

    public MapProjection Projection { get; }

    /// <param name="configured">Where site.yml names the file: a refused or missing base map is reported there, so that
    /// nothing (not even a line under the message) is ever read from a path outside the site.</param>
    public static BaseMap? Load(string siteDirectory, string path, DiagnosticBag diagnostics, SourceLocation? configured = null)
    {
        var location = SourceLocation.File(path);
        var file = SourcePolicy.Find(SourcePolicy.Site(siteDirectory), path, diagnostics, out var exists, configured ?? location);
        if (!exists || file?.IsFolder == true)
        {
            diagnostics.Error(configured ?? location, $"the base map named by map.base in site.yml ({path}) does not exist.");
            return null;
        }

        if (file is null || SourcePolicy.Read(file, diagnostics) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var regions = ImmutableArray.CreateBuilder<GeoRegion>();
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                var properties = feature.GetProperty("properties");
                var geometry = feature.GetProperty("geometry");
                var rings = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>();
                var coordinates = geometry.GetProperty("coordinates");
                var polygons = geometry.GetProperty("type").GetString() switch
                {
                    "Polygon" => [coordinates],
                    "MultiPolygon" => coordinates.EnumerateArray().ToList(),
                    var other => throw new FormatException($"unsupported geometry type {other}"),
                };

                foreach (var polygon in polygons)
                {
                    foreach (var ring in polygon.EnumerateArray())
                    {
                        rings.Add([.. ring.EnumerateArray().Select(p => new GeoPoint(p[0].GetDouble(), p[1].GetDouble()))]);
                    }
                }

                regions.Add(new GeoRegion(
                    Text(properties, "id"), Text(properties, "name"), Text(properties, "province"), rings.ToImmutable()));
            }

            if (regions.Count == 0)
            {
                diagnostics.Error(location, "the base map has no features.");
                return null;
            }

            var points = regions.SelectMany(r => r.Rings).SelectMany(r => r).ToList();
            var projection = new MapProjection(points.Min(p => p.Longitude), points.Min(p => p.Latitude),
                points.Max(p => p.Longitude), points.Max(p => p.Latitude), Width);
            return new BaseMap(regions.ToImmutable(), projection);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            diagnostics.Error(location, $"the base map is not GeoJSON the atlas can read ({e.Message.TrimEnd('.')}); it needs features with id, name, province and Polygon or MultiPolygon geometry.");
            return null;
        }
    }

    private static string Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) ? value.ToString() : "";

    private string PathData(GeoRegion region)
    {
        var builder = new StringBuilder();
        foreach (var ring in region.Rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                var (x, y) = Projection.Project(ring[i]);
                builder.Append(i == 0 ? 'M' : 'L').Append(Format(x)).Append(',').Append(Format(y));
            }

            builder.Append('Z');
        }

        return builder.ToString();
    }

    /// <summary>The rings of <paramref name="region"/> in map coordinates.</summary>
    public ImmutableArray<ImmutableArray<(double X, double Y)>> ProjectedRings(GeoRegion region) =>
        [.. region.Rings.Select(ring => ring.Select(Projection.Project).ToImmutableArray())];

    /// <summary>Whether a map point lies in one of the areas of <paramref name="province"/>.</summary>
    public bool InProvince(string province, (double X, double Y) point) =>
        _projected.Where(p => p.Region.Province == province).Any(p => p.Box.Contains(point.X, point.Y) && MapLabelSpots.Contains(p.Rings, point));

    /// <summary>The area a map point lies in (the first in the file's order where slivers overlap), or null.</summary>
    public GeoRegion? RegionAt((double X, double Y) point) =>
        _projected.FirstOrDefault(p => p.Box.Contains(point.X, point.Y) && MapLabelSpots.Contains(p.Rings, point)).Region;

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The outline as a standalone SVG document, published as an asset and shown behind every map.</summary>
    public byte[] ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Format(Projection.Width)} {Format(Projection.Height)}\">");
        svg.Append("<g stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">");
        foreach (var path in Paths)
        {
            var fill = path.Province == "chongqing" ? "#f3d9c9" : "#e6e9d8";
            svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{fill}\" d=\"{path.Data}\"/>");
        }

        svg.Append("</g></svg>\n");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }
}
