using System.Collections.Immutable;
using Atlas.Config;

namespace Atlas.Model.Fields;

/// <summary>
/// The registry of field types: every type site.yml may name, in the order an unknown type's error lists them.
/// A new type is its own file, a line here, and its case in Rendering's FieldViews.
/// </summary>
public static class FieldTypes
{
    public static readonly TextField Text = new();
    public static readonly LocalizedField Localized = new();
    public static readonly NumberField Number = new();
    public static readonly DateField Date = new();
    public static readonly YearField Year = new();
    public static readonly CoordinatesField Coordinates = new();
    public static readonly EnumField Enum = new();
    public static readonly TagsField Tags = new();
    public static readonly TextsField Texts = new();
    public static readonly UnitField Unit = new();
    public static readonly UrlField Url = new();
    public static readonly BooleanField Boolean = new();
    public static readonly ReferenceField Reference = new();
    public static readonly ReferencesField References = new();
    public static readonly RouteField Route = new();
    public static readonly StatusField Status = new();
    public static readonly RolesField Roles = new();

    public static readonly ImmutableArray<ValueFieldType> All =
        [Text, Localized, Number, Date, Year, Coordinates, Enum, Tags, Texts, Unit, Url, Boolean, Reference, References, Route, Status, Roles];

    /// <summary>What <see cref="Config.SiteConfigLoader"/> resolves the names of site.yml against.</summary>
    public static readonly FieldTypeCatalog Catalog = new([.. All]);

    /// <summary>The type of a declared field, with everything about its values.</summary>
    public static ValueFieldType Of(FieldDefinition field) => (ValueFieldType)field.Type;
}
