using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Model;
using Atlas.Model.Fields;

namespace Atlas.Editing.WebEditor;

/// <summary>A UI string of the site's bundles in one language, or null (Editing does not read the bundles itself).</summary>
public delegate string? EditorStrings(string language, string key);

/// <summary>
/// Makes the web editor's forms from site.yml, so that they always match the typed collections: every field type maps
/// to one widget here, and a type this switch does not know fails the build loudly rather than giving a form that
/// writes what the build refuses. See .github/web-editor.md for the design.
/// </summary>
public sealed class EditorConfigMaker(SiteConfig config, EditorStrings strings)
{
    /// <summary>The form's field for the file name; the wrapper takes it from the path and never writes it into a file.</summary>
    public const string SlugField = "slug";

    /// <summary>The Markdown body, Decap's name for it.</summary>
    public const string BodyField = "body";

    public const string DatePattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string UrlPattern = "^https?://";

    private readonly ImmutableArray<string> languages =
        [config.DefaultLanguage, .. config.Languages.Select(l => l.Code).Where(c => c != config.DefaultLanguage)];

    public EditorConfig Make(EditorBackend backend) =>
        new(backend, languages, UiLocale(config.DefaultLanguage), [.. config.Collections.Select(Collection)]);

    private static string UiLocale(string language) => language switch
    {
        "zh" => "zh_Hans",
        _ => language,
    };

    public EditorCollection Collection(CollectionConfig collection)
    {
        var fields = ImmutableArray.CreateBuilder<EditorField>();
        fields.Add(new StringEditorField(SlugField, Label("web_editor.slug", SlugField), true)
        {
            Pattern = new EditorPattern(SlugPattern, Label("web_editor.pattern.slug", Slug.Rule)),
            Hint = Label("web_editor.hint.slug", null),
        });
        var data = ImmutableArray.CreateBuilder<string>();
        foreach (var field in collection.Fields)
        {
            if (field.Name == "summary")
            {
                fields.Add(new TextEditorField(field.Name, FieldLabel(field), true) { Translatable = true });
                continue;
            }

            fields.Add(Field(field));
            data.Add(field.Name);
        }

        fields.Add(new ListEditorField(EntityText.GapsKey, Label("web_editor.gaps", EntityText.GapsKey), false)
        {
            Item = new StringEditorField("gap", Label("web_editor.gap", "gap"), false),
            Translatable = true,
        });
        fields.Add(new MarkdownEditorField(BodyField, Label("web_editor.body", BodyField), false) { Translatable = true });
        var title = string.Join(" · ", languages.Select(l => collection.Title[l]).Where(t => t.Length > 0).Distinct());
        return new EditorCollection(collection.Name, title.Length > 0 ? title : collection.Name,
            // The editor's paths are the repository's: a site in a folder of its repository (repository.path) is under it.
            config.Repository?.PathOf($"{SiteConfig.ContentFolder}/{collection.Folder}") ?? $"{SiteConfig.ContentFolder}/{collection.Folder}",
            data.ToImmutable(), fields.ToImmutable());
    }

    /// <summary>The widget of a declared field. Every type of the registry has its case; a new type must add one.</summary>
    public EditorField Field(FieldDefinition field)
    {
        var label = FieldLabel(field);
        var required = field.Required;
        return FieldTypes.Of(field) switch
        {
            TextField or UnitField => new StringEditorField(field.Name, label, required),
            UrlField => new StringEditorField(field.Name, label, required) { Pattern = new(UrlPattern, Label("web_editor.pattern.url", "http:// or https://")) },
            LocalizedField => Localized(field.Name, label, required),
            NumberField => new NumberEditorField(field.Name, label, required, NumberKind.Decimal),
            YearField => new NumberEditorField(field.Name, label, required, NumberKind.Integer) { Hint = Label("web_editor.hint.year", "YYYY") },
            DateField => Date(field.Name, label, required),
            CoordinatesField => new ListEditorField(field.Name, label, required)
            {
                Item = new NumberEditorField("degrees", Label("web_editor.degrees", "degrees"), true, NumberKind.Decimal),
                Min = 2,
                Max = 2,
                Hint = Label("web_editor.hint.coordinates", "longitude, latitude"),
            },
            EnumField => new SelectEditorField(field.Name, label, required, Options(field), Multiple: false),
            TagsField => new SelectEditorField(field.Name, label, required, Options(field), Multiple: true),
            TextsField => new ListEditorField(field.Name, label, required) { Item = new StringEditorField("text", label, true) },
            BooleanField => new BooleanEditorField(field.Name, label, required),
            ReferenceField => Reference(field.Name, label, required, field.Targets, multiple: false),
            ReferencesField or RouteField => Reference(field.Name, label, required, field.Targets, multiple: true),
            // The parts are required where the status is: Decap checks an optional group's required parts even when
            // the group is left empty, which would refuse every save without a status.
            StatusField => new ObjectEditorField(field.Name, label, required,
            [
                new SelectEditorField("stage", Label("web_editor.stage", "stage"), required,
                    [.. StatusField.Stages.Select(s => new EditorOption(s, Label($"stage.{s}", s)))], Multiple: false),
                new NumberEditorField("year", Label("field.year", "year"), required, NumberKind.Integer),
                Reference("source", Label("field.sources", "source"), required, field.Targets, multiple: false),
            ]),
            RolesField => new ListEditorField(field.Name, label, required)
            {
                ItemFields =
                [
                    Localized("title", Label("web_editor.role_title", "title"), true),
                    Date("date", Label("field.date", "date"), true),
                    Reference("source", Label("field.sources", "source"), true, field.Targets, multiple: false),
                ],
                Min = required ? 1 : null,
            },
            var other => throw new InvalidOperationException(
                $"the web editor has no widget for field type '{other.Name}'; add its case to {nameof(EditorConfigMaker)}.{nameof(Field)}."),
        };
    }

    private EditorField Localized(string name, string label, bool required) =>
        new ObjectEditorField(name, label, required,
            [.. languages.Select(l => (EditorField)new StringEditorField(l, config.Language(l)?.Name ?? l, required))]);

    private StringEditorField Date(string name, string label, bool required) =>
        new(name, label, required) { Pattern = new(DatePattern, Label("web_editor.pattern.date", "YYYY, YYYY-MM or YYYY-MM-DD")) };

    /// <summary>
    /// A picker over one collection's entities. A field that points into several collections stores
    /// <c>collection/slug</c>, which one Decap picker cannot offer: it is typed, checked against that shape.
    /// </summary>
    private EditorField Reference(string name, string label, bool required, ImmutableArray<string> targets, bool multiple)
    {
        if (targets.Length == 1)
        {
            return new RelationEditorField(name, label, required, targets[0], multiple);
        }

        var one = new StringEditorField(name, label, required)
        {
            Pattern = new($"^({string.Join("|", targets)})/[a-z0-9]+(-[a-z0-9]+)*$", Label("web_editor.pattern.reference", "collection/slug")),
            Hint = string.Join(", ", targets.Select(t => $"{t}/…")),
        };
        return multiple ? new ListEditorField(name, label, required) { Item = one with { Name = "item", Required = true }, Hint = one.Hint } : one;
    }

    private ImmutableArray<EditorOption> Options(FieldDefinition field) =>
        [.. field.Values.Select(v => new EditorOption(v, Label($"enum.{field.Name}.{v}", v)))];

    private string FieldLabel(FieldDefinition field) => Label($"field.{field.Name}", field.Name);

    /// <summary>The UI string in every language that has it, default language first (中文 · English).</summary>
    private string Label(string key, string? fallback)
    {
        var texts = languages.Select(l => strings(l, key)).OfType<string>().Where(t => t.Length > 0).Distinct().ToList();
        return texts.Count > 0 ? string.Join(" · ", texts) : fallback ?? "";
    }
}
