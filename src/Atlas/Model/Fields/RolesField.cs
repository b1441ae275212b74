using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// <c>roles</c>: the posts a person held as sources give them, each with the date of the source that gives it and
/// that source: <c>[{title: {zh: …, en: …}, date: 2021-03, source: slug}]</c>. A title is what the source calls the
/// person at that date, so a later source may give another (the page says 时任 / "then" for any but the latest).
/// The source is an entity of the collection(s) named by <c>to:</c>; the list keeps the order it is written in.
/// </summary>
public sealed class RolesField : ValueFieldType<RolesValue>
{
    private static readonly string[] Keys = ["title", "date", "source"];

    public override string Name => "roles";

    public override FieldOptions Options => FieldOptions.Targets;

    public override FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages) => new(
        $"a list of {{title: {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}, date: YYYY-MM-DD, YYYY-MM or YYYY, source: {FieldSyntax.ReferenceShape(field)}}}",
        $"[{{title: {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}, date: 2021-03, source: {(field.Targets.Length == 1 ? "slug" : "collection/slug")}}}]");

    public override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlSequence sequence || sequence.Items.Count() == 0)
        {
            diagnostics.Error(node.Location, $"'{field.Name}' must be a list of roles like {Describe(field, languages).Example}, not {node.Shape}.");
            return null;
        }

        var roles = ImmutableArray.CreateBuilder<Role>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (Role(field, item, languages, diagnostics) is { } role)
            {
                roles.Add(role);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new RolesValue(node.Location, roles.ToImmutable()) : null;
    }

    private static Role? Role(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location, $"each role in '{field.Name}' must be a map with title, date and source, not {node.Shape}.");
            return null;
        }

        var ok = true;
        foreach (var (key, _) in map.Entries.Where(e => !Keys.Contains(e.Key.Value)))
        {
            diagnostics.Error(key.Location, $"'{key.Value}' is not part of a role in '{field.Name}'; a role has title, date and source.");
            ok = false;
        }

        var title = Title(field, map, languages, diagnostics);
        var date = FieldSyntax.RequiredPart(map, "date", "2021-03", $"a role in '{field.Name}'", diagnostics) is { } dateNode ? Date(field, dateNode, diagnostics) : null;
        var source = FieldSyntax.RequiredPart(map, "source", "slug", $"a role in '{field.Name}'", diagnostics) is { } sourceNode ? FieldSyntax.Reference(field, sourceNode, diagnostics) : null;
        return ok && title is not null && date is not null && source is not null
            ? new Role(title, date.Value, source.Value)
            : null;
    }

    /// <summary>The title in every language of the site: a person's post is shown on every language's page.</summary>
    private static LocalizedText? Title(FieldDefinition field, YamlMapping map, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        var example = "{" + string.Join(", ", languages.Select(l => l + ": ...")) + "}";
        if (map["title"] is not YamlMapping titles)
        {
            diagnostics.Error(map["title"]?.Location ?? map.Location, $"a role in '{field.Name}' needs a title in each language: title: {example}.");
            return null;
        }

        var values = new List<KeyValuePair<string, string>>();
        var ok = true;
        foreach (var (key, value) in titles.Entries)
        {
            if (!languages.Contains(key.Value))
            {
                diagnostics.Error(key.Location, $"'{key.Value}' is not a language of the site ({string.Join(", ", languages)}).");
                ok = false;
            }
            else if (value is not YamlScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0)
            {
                diagnostics.Error(value.Location, $"the '{key.Value}' title of a role in '{field.Name}' must be a text.");
                ok = false;
            }
            else
            {
                values.Add(new(key.Value, scalar.Value.Trim()));
            }
        }

        foreach (var missing in languages.Where(l => values.All(v => v.Key != l)))
        {
            diagnostics.Error(titles.Location, $"a role in '{field.Name}' has no '{missing}' title; add {missing}: ... to its title.");
            ok = false;
        }

        return ok ? LocalizedText.From(values) : null;
    }

    private static PartialDate? Date(FieldDefinition field, YamlScalar scalar, DiagnosticBag diagnostics)
    {
        switch (PartialDate.Problem(scalar.Value.Trim(), out var date))
        {
            case null:
                return date;
            case "":
                diagnostics.Error(scalar.Location, $"the date of a role in '{field.Name}' must be written YYYY-MM-DD, YYYY-MM or YYYY, not {YamlText.Describe(scalar)}.");
                return null;
            case var impossible:
                diagnostics.Error(scalar.Location, $"the date of a role in '{field.Name}' is not a real date: {impossible}.");
                return null;
        }
    }

    public override void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context)
    {
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("title");
        SchemaParts.Localized(json, context.Languages, null, requireAll: true);
        json.WriteEndObject();
        json.WriteStartObject("date");
        json.WriteString("type", "string");
        json.WriteString("description", "the date of the source that gives the title");
        json.WriteString("pattern", @"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$");
        json.WriteEndObject();
        json.WriteStartObject("source");
        SchemaParts.Reference(json, field);
        json.WriteEndObject();
        json.WriteEndObject();
        SchemaParts.Required(json, Keys);
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }

    protected override void Write(Utf8JsonWriter json, RolesValue value)
    {
        json.WriteStartArray();
        foreach (var role in value.Roles)
        {
            json.WriteStartObject();
            json.WriteStartObject("title");
            foreach (var (language, text) in role.Title.Values)
            {
                json.WriteString(language, text);
            }

            json.WriteEndObject();
            json.WriteString("date", role.Date.ToString());
            json.WriteString("source", role.Source.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>One column for every language (roles are not a localized field), so each title is given in all of them.</summary>
    protected override string Cell(RolesValue value, string? language) =>
        string.Join("; ", value.Roles.Select(r => $"{string.Join(" / ", r.Title.Values.Select(v => v.Value))} ({r.Date}; {r.Source})"));

    protected override string Canonical(RolesValue value) => string.Concat(value.Roles.Select(r =>
        $"{string.Concat(r.Title.Values.Select(p => $"{p.Key}\u0002{p.Value}\u0003"))}\u0004{r.Date}\u0004{r.Source}\u0005"));

    /// <summary>By the latest date a title is given, so that people sort by how recently a source placed them.</summary>
    protected override int Compare(RolesValue x, RolesValue y)
    {
        var c = x.Roles.Max(r => r.Date).CompareTo(y.Roles.Max(r => r.Date));
        return c != 0 ? c : string.CompareOrdinal(Canonical(x), Canonical(y));
    }
}

/// <summary>One post as a source gives it: the title, the source's date, the source.</summary>
public sealed record Role(LocalizedText Title, PartialDate Date, EntityId Source);

/// <summary>A <see cref="RolesField"/> value: the roles in the order written.</summary>
public sealed record RolesValue(SourceLocation Location, ImmutableArray<Role> Roles) : FieldValue(Location)
{
    public override IEnumerable<EntityId> LinkedEntities => Roles.Select(r => r.Source).Distinct();
}
