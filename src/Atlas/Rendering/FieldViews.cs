using System.Diagnostics;
using System.Globalization;
using Atlas.Config;
using Atlas.Localization;
using Atlas.Model;
using Atlas.Model.Fields;
using Scriban.Runtime;

namespace Atlas.Rendering;

/// <summary>
/// How templates see a field's value, per field type: the one place of a type's presentation, which stays in
/// Rendering because the model knows no templates. A type without a case here fails loudly, not with an empty field.
/// </summary>
internal sealed class FieldViews(SiteModel model, Formatter formatter, I18nBundle bundle, string language)
{
    // One per views of a language, not one per number shown.
    private readonly MagnitudeFormatter _magnitudes = new(bundle);

    /// <summary>
    /// One field as templates see it: name, label, type, formatted text, and for lists the items. Null when unset.
    /// A number in a collection that has a unit field is a quantity in that unit ("81,986.67亿元" / "about 8.20 trillion yuan").
    /// </summary>
    /// <param name="summary">The summary of a referenced entity, or null when the view lists no referenced entities.</param>
    public ScriptObject? View(Entity entity, FieldDefinition field, Func<Entity, ScriptObject>? summary)
    {
        var value = entity.Field(field.Name);
        if (value is null)
        {
            return null;
        }

        var view = new ScriptObject
        {
            ["name"] = field.Name,
            ["label"] = Label($"field.{field.Name}"),
            ["type"] = field.Type.Name,
        };

        switch (FieldTypes.Of(field), value)
        {
            case (TextField, TextValue text):
                view["text"] = text.Text;
                break;
            case (LocalizedField, LocalizedValue localized):
                view["text"] = localized.Text[language];
                break;
            case (NumberField, NumberValue number):
                Number(view, entity, number.Number);
                break;
            case (DateField, DateValue date):
                view["text"] = formatter.Date(date.Date);
                view["iso"] = date.Date.ToString();
                view["year"] = date.Date.Year;
                break;
            case (YearField, YearValue year):
                view["text"] = year.Year.ToString(CultureInfo.InvariantCulture);
                view["value"] = year.Year;
                break;
            case (CoordinatesField, CoordinatesValue coordinates):
                view["lon"] = coordinates.Longitude;
                view["lat"] = coordinates.Latitude;
                view["text"] = FormattableString.Invariant($"{coordinates.Latitude:0.00}° N, {coordinates.Longitude:0.00}° E");
                break;
            case (EnumField, EnumValue enumValue):
                view["value"] = enumValue.Value;
                view["text"] = Label($"enum.{field.Name}.{enumValue.Value}");
                break;
            case (TagsField, TagsValue tags):
                var items = tags.Values.Select(v => ViewFactory.Obj(("value", v), ("text", Label($"enum.{field.Name}.{v}")))).ToList();
                view["items"] = ViewFactory.Array(items);
                view["text"] = string.Join(Label("list.separator"), items.Select(i => i["text"] as string));
                break;
            case (TextsField, TextsValue texts):
                view["items"] = ViewFactory.Array(texts.Values.Select(v => ViewFactory.Obj(("text", v))));
                view["text"] = string.Join(Label("list.separator"), texts.Values);
                break;
            case (UnitField, UnitValue unitValue):
                view["value"] = unitValue.Unit.Text;
                view["text"] = unitValue.Unit.Text;
                break;
            case (BooleanField, BooleanValue boolean):
                view["value"] = boolean.Value;
                view["text"] = Label(boolean.Value ? "boolean.true" : "boolean.false");
                break;
            case (UrlField, UrlValue url):
                view["text"] = url.Url;
                view["url"] = url.Url;
                break;
            case (ReferenceField or ReferencesField, ReferencesValue references):
                Entities(view, references, Label("list.separator"), summary);
                break;
            case (RouteField, ReferencesValue route):
                Entities(view, route, " → ", summary); // an arrow, the same in every language: the order is the point
                break;
            case (StatusField, StatusValue status):
                var stage = Label($"stage.{status.Stage}");
                view["stage"] = status.Stage;
                view["stage_text"] = stage;
                view["year"] = status.Year;
                view["text"] = FormattableString.Invariant($"{stage} ({status.Year})");
                view["source_id"] = status.Source.ToString();
                if (summary is not null)
                {
                    view["source"] = summary(model.Get(status.Source));
                }

                break;
            case (RolesField, RolesValue roles):
                Roles(view, roles, summary);
                break;
            case var (type, _):
                throw new UnreachableException($"field type '{type.Name}' has no view for templates ({value.GetType().Name} in '{field.Name}'); add its case to {nameof(FieldViews)}.");
        }

        view.IsReadOnly = true;
        return view;
    }

    private void Number(ScriptObject view, Entity entity, decimal number)
    {
        view["value"] = number;
        if (entity.Collection.Fields.FirstOrDefault(f => f.Type == FieldTypes.Unit) is { } unitField &&
            entity.Field(unitField.Name) is UnitValue unit)
        {
            var (plain, exact) = formatter.QuantityParts(number, unit.Unit);
            view["text"] = formatter.Quantity(number, unit.Unit);
            view["plain"] = plain; // without "about", for templates that add the source's own qualifier
            view["exact"] = exact;
            // In the magnitude of its size (8.2万亿元, "8.2 trillion yuan"), for figures shown side by side; marked
            // "about" where that rounded the source's value, as the full text is, so a card never reads more exact
            // than its source. compact_plain leaves the mark to templates that add the source's own qualifier.
            var compact = _magnitudes.Format(number, unit.Unit);
            view["compact_plain"] = compact.Text;
            view["compact"] = compact.Rounded ? formatter.Approximately(compact.Text) : compact.Text;
        }
        else
        {
            view["text"] = formatter.Number(number);
            view["plain"] = view["text"];
            view["exact"] = true;
            view["compact"] = view["text"];
        }
    }

    /// <summary>The names of the entities (joined by <paramref name="separator"/>), their ids, and their summaries if asked.</summary>
    private void Entities(ScriptObject view, ReferencesValue references, string separator, Func<Entity, ScriptObject>? summary)
    {
        var targets = references.Targets.Select(model.Get).ToList();
        view["text"] = string.Join(separator, targets.Select(n => n.Name[language]));
        view["ids"] = ViewFactory.Array(references.Targets.Select(t => (object)t.ToString()));
        if (summary is not null)
        {
            view["items"] = ViewFactory.Array(targets.Select(summary));
        }
    }

    /// <summary>
    /// Each role with its date and source, latest first; every role a later source no longer gives is marked
    /// <c>former</c> (时任 / "then"), so a page never presents an old post as current.
    /// </summary>
    private void Roles(ScriptObject view, RolesValue roles, Func<Entity, ScriptObject>? summary)
    {
        var latest = roles.Roles.Max(r => r.Date);
        var items = roles.Roles.OrderByDescending(r => r.Date).Select(r => ViewFactory.Obj(
            ("title", r.Title[language]),
            ("date", formatter.Date(r.Date)),
            ("iso", r.Date.ToString()),
            ("former", r.Date.CompareTo(latest) < 0),
            ("source_id", r.Source.ToString()),
            ("source", summary?.Invoke(model.Get(r.Source))))).ToList();
        view["items"] = ViewFactory.Array(items);
        view["text"] = string.Join(Label("list.separator"), items.Select(i => i["title"] as string));
    }

    private string Label(string key) => bundle.Get(key) ?? key;
}
