using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// <c>status</c>: where something stands in its life, as a source reported it in a given year:
/// <c>{stage: under-construction, year: 2023, source: slug}</c>. The source is an entity of the collection(s) named by
/// <c>to:</c>, as sources are cited elsewhere in the atlas; the stages are fixed here and named in each language by
/// the bundles (<c>stage.NAME</c>).
/// </summary>
public sealed class StatusField : ValueFieldType<StatusValue>
{
    /// <summary>The stages in the order a project goes through them (which is also how statuses of one year sort).</summary>
    public static readonly ImmutableArray<string> Stages = ["proposed", "planned", "under-construction", "in-operation", "in-force", "completed", "suspended"];

    private static readonly string[] Keys = ["stage", "year", "source"];

    /// <summary>The earliest year a status may be reported in, as for dates in the atlas.</summary>
    private const int FirstYear = 1000;

    public override string Name => "status";

    public override FieldOptions Options => FieldOptions.Targets;

    public override IEnumerable<string> UiStrings(FieldDefinition field) => Stages.Select(s => $"stage.{s}");

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new(
        $"{{stage: {string.Join(" | ", Stages)}, year: the year reported, source: {FieldSyntax.ReferenceShape(field)}}}",
        $"{{stage: under-construction, year: 2023, source: {(field.Targets.Length == 1 ? "slug" : "collection/slug")}}}");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location, $"'{field.Name}' must be a map like {Describe(field, languages).Example}, not {node.Shape}.");
            return null;
        }

        var ok = true;
        foreach (var (key, _) in map.Entries.Where(e => !Keys.Contains(e.Key.Value)))
        {
            diagnostics.Error(key.Location, $"'{key.Value}' is not part of '{field.Name}'; a status has stage, year and source.");
            ok = false;
        }

        var stage = FieldSyntax.RequiredPart(map, "stage", "under-construction", $"'{field.Name}'", diagnostics);
        if (stage is not null && !Stages.Contains(stage.Value.Trim()))
        {
            diagnostics.Error(stage.Location, $"'{stage.Value.Trim()}' is not a stage of '{field.Name}'; use one of: {string.Join(", ", Stages)}.");
            stage = null;
        }

        var year = FieldSyntax.RequiredPart(map, "year", "2023", $"'{field.Name}'", diagnostics) is { } yearNode ? Year(field, yearNode, diagnostics) : null;
        var source = FieldSyntax.RequiredPart(map, "source", "slug", $"'{field.Name}'", diagnostics) is { } sourceNode ? FieldSyntax.Reference(field, sourceNode, diagnostics) : null;
        return ok && stage is not null && year is not null && source is not null
            ? new StatusValue(node.Location, stage.Value.Trim(), year.Value, source.Value)
            : null;
    }

    /// <summary>A four-digit year that has begun: a source cannot have reported a status in a year still to come.</summary>
    private static int? Year(FieldDefinition field, YamlScalar scalar, DiagnosticBag diagnostics)
    {
        var text = scalar.Value.Trim();
        if (!scalar.IsPlain || text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            diagnostics.Error(scalar.Location, $"the year of '{field.Name}' must be a four-digit year like 2023, not {YamlText.Describe(scalar)}.");
            return null;
        }

        if (year < FirstYear)
        {
            diagnostics.Error(scalar.Location, $"the year of '{field.Name}' cannot be {text}: a status is reported in a year from {FirstYear} to this one.");
            return null;
        }

        if (year > TimeProvider.System.GetUtcNow().Year)
        {
            diagnostics.Error(scalar.Location, $"the year of '{field.Name}' cannot be {text}, which has not come yet: write the year the source reported the status in.");
            return null;
        }

        return year;
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("stage");
        SchemaParts.Enum(json, Stages);
        json.WriteEndObject();
        json.WriteStartObject("year");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", FirstYear);
        json.WriteString("description", "the year the source reported the stage in");
        json.WriteEndObject();
        json.WriteStartObject("source");
        SchemaParts.Reference(json, field);
        json.WriteEndObject();
        json.WriteEndObject();
        SchemaParts.Required(json, Keys);
        json.WriteBoolean("additionalProperties", false);
    }

    protected override void Write(Utf8JsonWriter json, StatusValue value)
    {
        json.WriteStartObject();
        json.WriteString("stage", value.Stage);
        json.WriteNumber("year", value.Year);
        json.WriteString("source", value.Source.ToString());
        json.WriteEndObject();
    }

    protected override string Cell(StatusValue value, string? language) =>
        FormattableString.Invariant($"{value.Stage}; {value.Year}; {value.Source}");

    protected override string Canonical(StatusValue value) =>
        FormattableString.Invariant($"{value.Stage}\u0002{value.Year}\u0002{value.Source}");

    /// <summary>By the year reported, then along the stages, then by source.</summary>
    protected override int Compare(StatusValue x, StatusValue y)
    {
        var c = x.Year.CompareTo(y.Year);
        c = c != 0 ? c : Stages.IndexOf(x.Stage).CompareTo(Stages.IndexOf(y.Stage));
        return c != 0 ? c : x.Source.CompareTo(y.Source);
    }
}

/// <summary>A <see cref="StatusField"/> value: one of the stages, the year it was reported in, and by what.</summary>
public sealed record StatusValue(SourceLocation Location, string Stage, int Year, EntityId Source) : FieldValue(Location)
{
    public override IEnumerable<EntityId> LinkedEntities => [Source];
}
