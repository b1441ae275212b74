using System.Collections.Immutable;
using System.Globalization;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model;

/// <summary>Turns the YAML of one field into its typed value, or reports what is wrong and how to write it.</summary>
public static class FieldParser
{
    public static FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, EntityId self, DiagnosticBag diagnostics)
    {
        switch (field.Type)
        {
            case FieldType.Localized:
                return ParseLocalized(field, node, languages, diagnostics);

            case FieldType.Coordinates:
                return ParseCoordinates(field, node, diagnostics);

            case FieldType.Tags:
            {
                var items = ScalarList(field, node, diagnostics);
                if (items is null)
                {
                    return null;
                }

                var ok = true;
                foreach (var item in items.Where(i => !field.Values.Contains(i.Value)))
                {
                    diagnostics.Error(item.Location, $"'{item.Value}' is not allowed in '{field.Name}'; use one of: {string.Join(", ", field.Values)}.");
                    ok = false;
                }

                ok &= NoDuplicates(field, items, diagnostics);
                return ok ? new TagsValue(node.Location, [.. items.Select(i => i.Value)]) : null;
            }

            case FieldType.References:
            {
                var items = ScalarList(field, node, diagnostics);
                if (items is null || !NoDuplicates(field, items, diagnostics))
                {
                    return null;
                }

                var targets = items.Select(i => ParseReference(field, i, diagnostics)).ToList();
                return targets.Any(t => t is null) ? null : new ReferencesValue(node.Location, [.. targets.Select(t => t!.Value)]);
            }
        }

        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(node.Location, $"'{field.Name}' must be a single value, not {node.Shape}; write {field.Name}: {Describe(field.Type)}.");
            return null;
        }

        var text = scalar.Value.Trim();
        switch (field.Type)
        {
            case FieldType.Text:
                return new TextValue(scalar.Location, text);

            case FieldType.Number:
                if (scalar.IsPlain && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return new NumberValue(scalar.Location, number);
                }

                diagnostics.Error(scalar.Location, $"'{field.Name}' must be a number like 81986.67 (no thousands separators, no unit), not {YamlText.Describe(scalar)}.");
                return null;

            case FieldType.Date:
                switch (PartialDate.Problem(text, out var date))
                {
                    case null:
                        return new DateValue(scalar.Location, date);
                    case "":
                        diagnostics.Error(scalar.Location, $"'{field.Name}' must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not {YamlText.Describe(scalar)}.");
                        return null;
                    case var impossible:
                        diagnostics.Error(scalar.Location, $"'{field.Name}' is not a real date: {impossible}; write the date as YYYY-MM-DD, YYYY-MM or YYYY.");
                        return null;
                }

            case FieldType.Year:
                if (scalar.IsPlain && text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    return new YearValue(scalar.Location, year);
                }

                diagnostics.Error(scalar.Location, $"'{field.Name}' must be a four-digit year like 2025, not {YamlText.Describe(scalar)}.");
                return null;

            case FieldType.Enum:
                if (field.Values.Contains(text))
                {
                    return new EnumValue(scalar.Location, text);
                }

                diagnostics.Error(scalar.Location, $"'{text}' is not allowed in '{field.Name}'; use one of: {string.Join(", ", field.Values)}.");
                return null;

            case FieldType.Unit:
                if (text.Length is > 0 and <= 16 && !text.Any(char.IsWhiteSpace) && !text.Any(char.IsDigit))
                {
                    return new UnitValue(scalar.Location, Unit.Parse(text));
                }

                diagnostics.Error(scalar.Location, $"'{field.Name}' must be a unit such as 亿元, 万辆 or %, not {YamlText.Describe(scalar)}.");
                return null;

            case FieldType.Boolean:
                if (scalar.IsPlain && text is "true" or "false")
                {
                    return new BooleanValue(scalar.Location, text == "true");
                }

                diagnostics.Error(scalar.Location, $"'{field.Name}' must be true or false, not {YamlText.Describe(scalar)}.");
                return null;

            case FieldType.Url:
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return new UrlValue(scalar.Location, uri.AbsoluteUri);
                }

                diagnostics.Error(scalar.Location, $"'{field.Name}' must be an absolute http:// or https:// address, not {YamlText.Describe(scalar)}.");
                return null;

            case FieldType.Reference:
                return ParseReference(field, scalar, diagnostics) is { } target
                    ? new ReferencesValue(scalar.Location, [target])
                    : null;

            default:
                throw new InvalidOperationException($"unhandled field type {field.Type}");
        }
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Number => "a number",
        FieldType.Date => "a date (YYYY-MM-DD)",
        FieldType.Year => "a year",
        FieldType.Reference => "a slug",
        _ => "a value",
    };

    private static LocalizedValue? ParseLocalized(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            diagnostics.Error(node.Location,
                $"'{field.Name}' differs per language: write it as {{{string.Join(", ", languages.Select(l => l + ": ..."))}}}, not {node.Shape}.");
            return null;
        }

        var ok = true;
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (!languages.Contains(key.Value))
            {
                diagnostics.Error(key.Location, $"'{key.Value}' is not a language of the site ({string.Join(", ", languages)}).");
                ok = false;
            }
            else if (value is not YamlScalar scalar)
            {
                diagnostics.Error(value.Location, $"the '{key.Value}' text of '{field.Name}' must be a text, not {value.Shape}.");
                ok = false;
            }
            else if (!scalar.IsNull)
            {
                values.Add(new(key.Value, scalar.Value.Trim()));
            }
        }

        return ok ? new LocalizedValue(node.Location, LocalizedText.From(values)) : null;
    }

    private static CoordinatesValue? ParseCoordinates(FieldDefinition field, YamlNode node, DiagnosticBag diagnostics)
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

    private static List<YamlScalar>? ScalarList(FieldDefinition field, YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar single && field.Type == FieldType.References)
        {
            return [single]; // one reference written without brackets is still a list of one
        }

        if (node is not YamlSequence sequence)
        {
            diagnostics.Error(node.Location, $"'{field.Name}' must be a list like [a, b], not {node.Shape}.");
            return null;
        }

        var items = new List<YamlScalar>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar || scalar.IsNull)
            {
                diagnostics.Error(item.Location, $"each item of '{field.Name}' must be a single name, not {YamlText.Describe(item)}.");
                return null;
            }

            items.Add(scalar);
        }

        return items;
    }

    private static bool NoDuplicates(FieldDefinition field, List<YamlScalar> items, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in items.Where(i => !seen.Add(i.Value)))
        {
            diagnostics.Error(item.Location, $"'{item.Value}' is listed twice in '{field.Name}'; remove one.");
            ok = false;
        }

        return ok;
    }

    private static EntityId? ParseReference(FieldDefinition field, YamlScalar scalar, DiagnosticBag diagnostics)
    {
        var text = scalar.Value.Trim();
        var slash = text.IndexOf('/');
        string collection;
        string slug;
        if (slash < 0)
        {
            if (field.Targets.Length != 1)
            {
                diagnostics.Error(scalar.Location,
                    $"'{field.Name}' can point into {string.Join(", ", field.Targets)}: write collection/slug, like {field.Targets[0]}/{text}.");
                return null;
            }

            collection = field.Targets[0];
            slug = text;
        }
        else
        {
            collection = text[..slash];
            slug = text[(slash + 1)..];
            if (!field.Targets.Contains(collection))
            {
                diagnostics.Error(scalar.Location,
                    $"'{field.Name}' points into {string.Join(" or ", field.Targets)}, not into '{collection}'; fix the reference or the field.");
                return null;
            }
        }

        if (!Slug.IsValid(slug))
        {
            diagnostics.Error(scalar.Location, $"'{text}' is not a valid reference: a slug uses {Slug.Rule}.");
            return null;
        }

        return new EntityId(collection, slug);
    }
}
