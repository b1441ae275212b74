// The rivers command: regenerates templates/maps/rivers.geojson from Natural Earth's 1:10m river centre lines
// (ne_10m_rivers_lake_centerlines, public domain), cut to the region (a copy is in ../shared/geodata).
//
//   dotnet run --project tests/Atlas.GeoData -- rivers <rivers.geojson> <base-map.geojson> <output.geojson> [--tolerance 0.003]
//
// Steps: pick the rivers of River.Wanted by their Natural Earth name, merge each river's parts into one line where
// they join (the Yangtze is two features, Jinsha and Chang Jiang), clip to the base map's bounding box, simplify with
// DouglasPeuckerSimplifier, round to 4 decimals, and write a deterministic file: rivers in River.Wanted order,
// properties id, name_zh, name_en in that order; one feature per line.

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace Atlas.GeoData;

public static class Rivers
{
    /// <summary>Degrees: about half a CSS pixel on the main map at 1280 px (1 map unit ≈ 0.012° ≈ 2.4 px).</summary>
    public const double DefaultTolerance = 0.003;

    /// <summary>A river of the atlas: its stable id, the Natural Earth features it is made of, its names.</summary>
    public sealed record River(string Id, string[] SourceNames, string NameZh, string NameEn);

    /// <summary>
    /// The rivers kept, main stem first. Natural Earth has no Fu (涪江) or Qu (渠江) at 1:10m, and draws the Min only
    /// below Leshan (its upper course is drawn as the Dadu's).
    /// </summary>
    public static readonly River[] Wanted =
    [
        new("yangtze", ["Jinsha", "Chang Jiang"], "长江", "Yangtze"),
        new("jialing", ["Jialing"], "嘉陵江", "Jialing"),
        new("min", ["Min"], "岷江", "Min"),
        new("tuo", ["Tuo"], "沱江", "Tuo"),
        new("wu", ["Wu"], "乌江", "Wu"),
        new("dadu", ["Dadu"], "大渡河", "Dadu"),
    ];

    public static int Run(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var tolerance = DefaultTolerance;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--tolerance" && i + 1 < args.Count)
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
            Console.Error.WriteLine("usage: Atlas.GeoData rivers <rivers.geojson> <base-map.geojson> <output.geojson> [--tolerance DEGREES]");
            return 2;
        }

        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), 4326);
        var options = Options();
        var source = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(positional[0]), options)!;
        var baseMap = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(positional[1]), options)!;
        var box = new Envelope();
        foreach (var feature in baseMap)
        {
            box.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        var clip = factory.ToGeometry(box);
        var reducer = new GeometryPrecisionReducer(new PrecisionModel(Program.Scale)) { ChangePrecisionModel = false };
        var outputs = new List<(River River, Geometry Geometry)>();
        foreach (var river in Wanted)
        {
            var parts = source.Where(f => river.SourceNames.Contains(f.Attributes["name"] as string)).ToList();
            if (parts.Count == 0)
            {
                Console.Error.WriteLine($"error: no feature named {string.Join(" or ", river.SourceNames)} in {positional[0]}.");
                return 1;
            }

            var merger = new LineMerger();
            foreach (var part in parts)
            {
                // A stub of under 0.02° (the Wu has one at a braid, 0.007° long) would leave a three-way node that
                // keeps the merger from joining the lines on either side of it.
                foreach (var line in Lines(part.Geometry).Where(l => l.Length >= 0.02))
                {
                    merger.Add(line);
                }
            }

            var merged = factory.BuildGeometry(merger.GetMergedLineStrings());
            var clipped = merged.Intersection(clip);
            var simplified = DouglasPeuckerSimplifier.Simplify(clipped, tolerance);
            var rounded = reducer.Reduce(simplified);
            var lines = Lines(rounded).Where(l => l.NumPoints >= 2 && l.Length > 0).ToList();

            // Merge again: clipping and rounding can split a line where it touches the box or itself.
            var again = new LineMerger();
            foreach (var line in lines)
            {
                again.Add(line);
            }

            var result = again.GetMergedLineStrings().Cast<LineString>().OrderByDescending(l => l.Length).ToArray();
            if (result.Length == 0)
            {
                Console.Error.WriteLine($"error: {river.Id} is empty once clipped to the base map's box.");
                return 1;
            }

            // Flow direction as in the source: Natural Earth draws rivers downstream.
            Geometry geometry = result.Length == 1 ? result[0] : factory.CreateMultiLineString(result);
            Console.WriteLine($"  {river.Id}: {parts.Count} source feature(s), {merged.NumPoints} -> {geometry.NumPoints} vertices, {result.Length} line(s)");
            outputs.Add((river, geometry));
        }

        var text = Write(outputs, options);
        var output = Path.GetFullPath(positional[2]);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, text, new UTF8Encoding(false));
        Console.WriteLine(FormattableString.Invariant($"clipped to lon {box.MinX:0.0000}–{box.MaxX:0.0000}, lat {box.MinY:0.0000}–{box.MaxY:0.0000}; tolerance {tolerance}°"));
        Console.WriteLine($"wrote {output} ({Encoding.UTF8.GetByteCount(text)} bytes)");
        return 0;
    }

    private static IEnumerable<LineString> Lines(Geometry geometry) =>
        Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).SelectMany(g => g switch
        {
            LineString line => [line],
            GeometryCollection collection when collection != geometry => Lines(collection),
            _ => Array.Empty<LineString>(),
        });

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = false,
        };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private static string Write(IReadOnlyList<(River River, Geometry Geometry)> rivers, JsonSerializerOptions options)
    {
        var builder = new StringBuilder();
        builder.Append("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (var i = 0; i < rivers.Count; i++)
        {
            var (river, geometry) = rivers[i];
            var attributes = new AttributesTable
            {
                { "id", river.Id },
                { "name_zh", river.NameZh },
                { "name_en", river.NameEn },
            };
            builder.Append(JsonSerializer.Serialize(new Feature(geometry, attributes), options));
            builder.Append(i + 1 < rivers.Count ? ",\n" : "\n");
        }

        builder.Append("]}\n");
        return builder.ToString();
    }
}
