using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary><c>coordinates</c>: [longitude, latitude] in WGS84 degrees; places an entity on the map.</summary>
public sealed class CoordinatesField : ValueFieldType<CoordinatesValue>
{
    public override string Name => "coordinates";

    public override FieldRoles Roles => FieldRoles.Point;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) =>
        new("[longitude, latitude]", "[104.07, 30.67]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is YamlSequence { Items.Length: 2 } pair &&
            pair.Items[0] is YamlScalar { IsPlain: true } lonNode && pair.Items[1] is YamlScalar { IsPlain: true } latNode &&
            double.TryParse(lonNode.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) &&
            double.TryParse(latNode.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
        {
            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                diagnostics.Error(node.Location, $"'{field.Name}' [{lon}, {lat}] is off the globe; longitude comes first (-180..180), then latitude (-90..90).");
                return null;
            }

            return new CoordinatesValue(node.Location, lon, lat);
        }

        diagnostics.Error(node.Location, $"'{field.Name}' must be [longitude, latitude] in degrees, like [104.07, 30.67].");
        return null;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteStartArray("prefixItems");
        Degrees(json, 180, "longitude");
        Degrees(json, 90, "latitude");
        json.WriteEndArray();
        json.WriteNumber("minItems", 2);
        json.WriteNumber("maxItems", 2);
    }

    private static void Degrees(Utf8JsonWriter json, int limit, string description)
    {
        json.WriteStartObject();
        json.WriteString("type", "number");
        json.WriteNumber("minimum", -limit);
        json.WriteNumber("maximum", limit);
        json.WriteString("description", description);
        json.WriteEndObject();
    }

    protected override void Write(Utf8JsonWriter json, CoordinatesValue value)
    {
        json.WriteStartArray();
        json.WriteNumberValue(value.Longitude);
        json.WriteNumberValue(value.Latitude);
        json.WriteEndArray();
    }

    protected override string Cell(CoordinatesValue value, string? language) => FormattableString.Invariant($"{value.Longitude} {value.Latitude}");

    protected override string Canonical(CoordinatesValue value) => FormattableString.Invariant($"{value.Longitude} {value.Latitude}");

    /// <summary>West to east, then south to north.</summary>
    protected override int Compare(CoordinatesValue x, CoordinatesValue y)
    {
        var c = x.Longitude.CompareTo(y.Longitude);
        return c != 0 ? c : x.Latitude.CompareTo(y.Latitude);
    }
}
