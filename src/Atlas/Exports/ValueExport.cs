using System.Globalization;
using System.Text.Json;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Exports;

/// <summary>How field values appear in the open data: JSON values and CSV cells, language-neutral.</summary>
internal static class ValueExport
{
    public static void WriteJson(Utf8JsonWriter json, FieldValue value)
    {
        switch (value)
        {
            case TextValue text:
                json.WriteStringValue(text.Text);
                break;
            case LocalizedValue localized:
                json.WriteStartObject();
                foreach (var (language, text) in localized.Text.Values)
                {
                    json.WriteString(language, text);
                }

                json.WriteEndObject();
                break;
            case NumberValue number:
                json.WriteNumberValue(number.Number);
                break;
            case DateValue date:
                json.WriteStringValue(date.Date.ToString());
                break;
            case YearValue year:
                json.WriteNumberValue(year.Year);
                break;
            case CoordinatesValue coordinates:
                json.WriteStartArray();
                json.WriteNumberValue(coordinates.Longitude);
                json.WriteNumberValue(coordinates.Latitude);
                json.WriteEndArray();
                break;
            case EnumValue enumValue:
                json.WriteStringValue(enumValue.Value);
                break;
            case TagsValue tags:
                json.WriteStartArray();
                foreach (var tag in tags.Values)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                break;
            case UnitValue unit:
                json.WriteStringValue(unit.Unit.Text);
                break;
            case BooleanValue boolean:
                json.WriteBooleanValue(boolean.Value);
                break;
            case UrlValue url:
                json.WriteStringValue(url.Url);
                break;
            case ReferencesValue references:
                json.WriteStartArray();
                foreach (var target in references.Targets)
                {
                    json.WriteStringValue(target.ToString());
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    /// <summary>A single reference is exported as one id, not a list of one.</summary>
    public static void WriteJson(Utf8JsonWriter json, FieldDefinition field, FieldValue value)
    {
        if (field.Type == FieldType.Reference && value is ReferencesValue { Targets.Length: 1 } single)
        {
            json.WriteStringValue(single.Targets[0].ToString());
            return;
        }

        WriteJson(json, value);
    }

    public static string Cell(FieldValue? value, string? language) => value switch
    {
        null => "",
        TextValue text => text.Text,
        LocalizedValue localized => localized.Text[language ?? ""],
        NumberValue number => number.Number.ToString(CultureInfo.InvariantCulture),
        DateValue date => date.Date.ToString(),
        YearValue year => year.Year.ToString(CultureInfo.InvariantCulture),
        CoordinatesValue c => FormattableString.Invariant($"{c.Longitude} {c.Latitude}"),
        EnumValue e => e.Value,
        TagsValue tags => string.Join("; ", tags.Values),
        UnitValue unit => unit.Unit.Text,
        BooleanValue boolean => boolean.Value ? "true" : "false",
        UrlValue url => url.Url,
        ReferencesValue references => string.Join("; ", references.Targets),
        _ => "",
    };
}
