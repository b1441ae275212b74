namespace Atlas.Config;

/// <summary>
/// What site.yml knows of a field type: its name, what its declaration adds (<c>to:</c> or <c>values:</c>), what the
/// site's features may use it for, and the UI strings its values need. Everything about the values themselves
/// (parsing, description, schema, export, canonical form, comparison) lives with the values, one file per type in
/// Model/Fields, and the catalog of types (<c>FieldTypes.All</c>) is handed to <see cref="SiteConfigLoader"/>:
/// so Config names no type of the model and the layering stays one-way.
/// </summary>
public abstract class FieldType
{
    /// <summary>The name written in site.yml (<c>{type: date}</c>).</summary>
    public abstract string Name { get; }

    public virtual FieldOptions Options => FieldOptions.None;

    public virtual FieldRoles Roles => FieldRoles.None;

    /// <summary>Whether the value differs per language (and so may be set in front matter).</summary>
    public virtual bool IsLocalized => false;

    /// <summary>Whether the value is a list of entities that are linked to and get backlinks.</summary>
    public virtual bool IsReference => false;

    /// <summary>UI strings the bundles must hold for a field of this type (beyond its label, <c>field.NAME</c>).</summary>
    public virtual IEnumerable<string> UiStrings(FieldDefinition field) => [];

    public override string ToString() => Name;
}

/// <summary>What a field's declaration must add to its type.</summary>
public enum FieldOptions
{
    None,
    /// <summary><c>to:</c>, the collection(s) it points into.</summary>
    Targets,
    /// <summary><c>values:</c>, what it may hold.</summary>
    Values,
}

/// <summary>What the site's features (taxonomies, map, charts, timeline) may use a field of the type for.</summary>
[Flags]
public enum FieldRoles
{
    None = 0,
    /// <summary>Groups entities into taxonomy terms.</summary>
    Terms = 1,
    /// <summary>Places an entity on the map.</summary>
    Point = 2,
    /// <summary>Marks an entity as featured.</summary>
    Flag = 4,
    /// <summary>Names a chart series.</summary>
    Label = 8,
    /// <summary>Dates an entity on the timeline and in the year taxonomy.</summary>
    Date = 16,
}
