// Regenerates templates/maps/sichuan-chongqing.geojson (and, with the `rivers` command, rivers.geojson: see Rivers.cs) from Apache ECharts 4.9.0's province maps
// (map/json/province/sichuan.json and chongqing.json in the npm package echarts@4.9.0, Apache-2.0).
//
//   dotnet run --project tests/Atlas.GeoData -- <sichuan.json> <chongqing.json> <output.geojson> [--tolerance 0.006]
//
// Steps: decode ECharts' compressed coordinates exactly as echarts/lib/coord/geo/parseGeoJson.js does, repair each
// geometry with GeometryFixer, simplify with TopologyPreservingSimplifier, round to 4 decimals (snap-rounding, which
// keeps the geometry valid), re-check validity, orient rings as RFC 7946 asks, and write a deterministic file: Sichuan
// then Chongqing, each sorted by adcode; properties id, name, province in that order; one feature per line.

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace Atlas.GeoData;

public static class Program
{
    /// <summary>Degrees. The whole region is ~13° wide; at 900 px that is ~0.014° a pixel, so this is about 0.4 of one.</summary>
    public const double DefaultTolerance = 0.006;

    /// <summary>Output coordinates keep 4 decimals (~10 m).</summary>
    public const double Scale = 10_000;

    public static int Main(string[] args)
    {
        if (args is ["rivers", .. var rest])
        {
            return Rivers.Run(rest);
        }

        var positional = new List<string>();
        var tolerance = DefaultTolerance;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--tolerance" && i + 1 < args.Length)
            {
                tolerance = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count != 3 || tolerance <= 0)
        {
            Console.Error.WriteLine("usage: Atlas.GeoData <sichuan.json> <chongqing.json> <output.geojson> [--tolerance DEGREES]");
            return 2;
        }

        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), 4326);
        var regions = new List<Region>();
        regions.AddRange(Load(positional[0], "sichuan", factory));
        regions.AddRange(Load(positional[1], "chongqing", factory));

        var reducer = new GeometryPrecisionReducer(new PrecisionModel(Scale)) { ChangePrecisionModel = false };
        var outputs = new List<(Region Region, Geometry Geometry)>();
        var invalidBefore = 0;
        var invalidAfterSimplify = 0;
        var invalidAfterRounding = 0;
        long verticesIn = 0, verticesOut = 0;
        foreach (var region in regions)
        {
            verticesIn += region.Geometry.NumPoints;
            var validity = new IsValidOp(region.Geometry);
            if (!validity.IsValid)
            {
                invalidBefore++;
                Console.WriteLine($"  invalid in source: {region.Id} {region.Name}: {validity.ValidationError.Message} at {validity.ValidationError.Coordinate}");
            }

            var fixedGeometry = Polygonal(GeometryFixer.Fix(region.Geometry));
            var simplified = Polygonal(TopologyPreservingSimplifier.Simplify(fixedGeometry, tolerance));
            if (!simplified.IsValid || simplified.IsEmpty)
            {
                invalidAfterSimplify++;
                simplified = Polygonal(GeometryFixer.Fix(simplified));
            }

            var rounded = Polygonal(reducer.Reduce(simplified));
            if (!rounded.IsValid || rounded.IsEmpty)
            {
                invalidAfterRounding++;
                rounded = Polygonal(reducer.Reduce(GeometryFixer.Fix(rounded)));
            }

            if (!rounded.IsValid || rounded.IsEmpty)
            {
                Console.Error.WriteLine($"error: {region.Id} {region.Name} is still invalid or empty after repair.");
                return 1;
            }

            var oriented = Orient(rounded, factory);
            oriented.Normalize();
            oriented = Orient(oriented, factory);
            verticesOut += oriented.NumPoints;
            outputs.Add((region, oriented));
        }

        var ordered = outputs
            .OrderBy(o => o.Region.Province == "sichuan" ? 0 : 1)
            .ThenBy(o => o.Region.Id, StringComparer.Ordinal)
            .ToList();
        var text = Write(ordered);
        var output = Path.GetFullPath(positional[2]);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, text, new UTF8Encoding(false));

        var envelope = new Envelope();
        foreach (var (_, geometry) in ordered)
        {
            envelope.ExpandToInclude(geometry.EnvelopeInternal);
        }

        Console.WriteLine($"features: {ordered.Count} (sichuan {ordered.Count(o => o.Region.Province == "sichuan")}, chongqing {ordered.Count(o => o.Region.Province == "chongqing")})");
        Console.WriteLine($"invalid in source: {invalidBefore}; invalid after simplifying (repaired again): {invalidAfterSimplify}; invalid after rounding (repaired again): {invalidAfterRounding}; invalid in output: 0");
        Console.WriteLine($"tolerance: {tolerance.ToString(CultureInfo.InvariantCulture)}°; vertices: {verticesIn} -> {verticesOut}");
        Console.WriteLine(FormattableString.Invariant($"bbox: lon {envelope.MinX:0.0000}–{envelope.MaxX:0.0000}, lat {envelope.MinY:0.0000}–{envelope.MaxY:0.0000}"));
        Console.WriteLine($"wrote {output} ({Encoding.UTF8.GetByteCount(text)} bytes)");
        return 0;
    }

    private sealed record Region(string Id, string Name, string Province, Geometry Geometry);

    /// <summary>Reads one ECharts map file; each feature's id is its adcode (a stable slug when a feature has none).</summary>
    private static IEnumerable<Region> Load(string path, string province, GeometryFactory factory)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var encoded = root.TryGetProperty("UTF8Encoding", out var flag) && flag.ValueKind == JsonValueKind.True;
        var scale = root.TryGetProperty("UTF8Scale", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 1024;
        var regions = new List<Region>();
        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var name = properties.GetProperty("name").GetString()!;
            var id = Adcode(properties) ?? Adcode(feature) ?? $"{province}-{name}";
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            if (coordinates.GetArrayLength() == 0)
            {
                continue; // parseGeoJson.js skips these too
            }

            var offsets = encoded ? geometry.GetProperty("encodeOffsets") : default;
            var polygons = new List<Polygon>();
            switch (geometry.GetProperty("type").GetString())
            {
                case "Polygon":
                    polygons.Add(ReadPolygon(coordinates, encoded ? offsets : default, encoded, scale, factory));
                    break;
                case "MultiPolygon":
                    var c = 0;
                    foreach (var polygon in coordinates.EnumerateArray())
                    {
                        if (polygon.GetArrayLength() > 0)
                        {
                            polygons.Add(ReadPolygon(polygon, encoded ? offsets[c] : default, encoded, scale, factory));
                        }

                        c++;
                    }

                    break;
                default:
                    throw new InvalidDataException($"{path}: {id} has an unexpected geometry type.");
            }

            Geometry result = polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
            regions.Add(new Region(id, name, province, result));
        }

        return regions;
    }

    private static string? Adcode(JsonElement element) =>
        element.TryGetProperty("adcode", out var a) || element.TryGetProperty("id", out a)
            ? a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Number => a.GetRawText(),
                _ => null,
            }
            : null;

    private static Polygon ReadPolygon(JsonElement rings, JsonElement offsets, bool encoded, double scale, GeometryFactory factory)
    {
        var linearRings = new List<LinearRing>();
        var r = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var points = encoded
                ? Decode(ring.GetString()!, offsets[r][0].GetInt32(), offsets[r][1].GetInt32(), scale)
                : ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToList();
            if (!points[0].Equals2D(points[^1]))
            {
                points.Add(points[0].Copy()); // ECharts rings are open; GeoJSON rings are closed
            }

            linearRings.Add(factory.CreateLinearRing([.. points]));
            r++;
        }

        return factory.CreatePolygon(linearRings[0], [.. linearRings.Skip(1)]);
    }

    /// <summary>The decoder of echarts/lib/coord/geo/parseGeoJson.js (decodePolygon), line for line.</summary>
    public static List<Coordinate> Decode(string coordinate, int offsetX, int offsetY, double scale)
    {
        var result = new List<Coordinate>(coordinate.Length / 2 + 1);
        var prevX = offsetX;
        var prevY = offsetY;
        for (var i = 0; i + 1 < coordinate.Length; i += 2)
        {
            var x = coordinate[i] - 64;
            var y = coordinate[i + 1] - 64;
            x = (x >> 1) ^ -(x & 1); // ZigZag decoding
            y = (y >> 1) ^ -(y & 1);
            x += prevX; // delta decoding
            y += prevY;
            prevX = x;
            prevY = y;
            result.Add(new Coordinate(x / scale, y / scale)); // dequantize
        }

        return result;
    }

    /// <summary>Keeps only the polygonal part of a result (a fix or a reduction may leave lines or points of a collapse).</summary>
    private static Geometry Polygonal(Geometry geometry)
    {
        if (geometry is Polygon or MultiPolygon)
        {
            return geometry;
        }

        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    polygons.Add(p);
                    break;
                case MultiPolygon mp:
                    polygons.AddRange(mp.Geometries.Cast<Polygon>());
                    break;
                case GeometryCollection gc when gc != geometry:
                    var inner = Polygonal(gc);
                    polygons.AddRange(Enumerable.Range(0, inner.NumGeometries).Select(inner.GetGeometryN).OfType<Polygon>());
                    break;
            }
        }

        return polygons.Count == 1 ? polygons[0] : geometry.Factory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.</summary>
    private static Geometry Orient(Geometry geometry, GeometryFactory factory)
    {
        static Polygon One(Polygon p, GeometryFactory f)
        {
            var shell = p.Shell.IsCCW ? p.Shell : (LinearRing)p.Shell.Reverse();
            var holes = p.Holes.Select(h => h.IsCCW ? (LinearRing)h.Reverse() : h).ToArray();
            return f.CreatePolygon(shell, holes);
        }

        return geometry switch
        {
            Polygon p => One(p, factory),
            MultiPolygon mp => factory.CreateMultiPolygon([.. mp.Geometries.Cast<Polygon>().Select(p => One(p, factory))]),
            _ => throw new InvalidOperationException("not polygonal"),
        };
    }

    private static string Write(IReadOnlyList<(Region Region, Geometry Geometry)> features)
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = false,
        };
        options.Converters.Add(new GeoJsonConverterFactory());

        var builder = new StringBuilder();
        builder.Append("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < features.Count; i++)
        {
            var (region, geometry) = features[i];
            var attributes = new AttributesTable
            {
                { "id", region.Id },
                { "name", region.Name },
                { "province", region.Province },
            };
            builder.Append(JsonSerializer.Serialize(new Feature(geometry, attributes), options));
            builder.Append(i + 1 < features.Count ? ",\n" : "\n");
        }

        builder.Append("]}\n");
        return builder.ToString();
    }
}
