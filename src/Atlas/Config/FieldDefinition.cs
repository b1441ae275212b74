using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Config;

/// <summary>
/// A field of a collection as declared in site.yml. <see cref="Targets"/> are the collections a reference may point
/// into; <see cref="Values"/> the allowed values of an enum or tags field.
/// </summary>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    bool Required,
    ImmutableArray<string> Targets,
    ImmutableArray<string> Values,
    SourceLocation Location)
{
    public bool IsReference => Type.IsReference;

    /// <summary>Whether the field's value differs per language (and so may be set in front matter).</summary>
    public bool IsLocalized => Type.IsLocalized;
}
