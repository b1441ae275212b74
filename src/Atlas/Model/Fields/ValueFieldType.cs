using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// A field type with everything about its values: how they are written and checked, the one description that
/// scaffolds, examples and error hints share, the JSON Schema, the export (JSON value and CSV cell), the canonical
/// form that change detection hashes, and the order for sorting. One subclass per type, listed in
/// <see cref="FieldTypes"/>; how templates see a value is in Rendering (FieldViews), which the model does not know.
/// </summary>
public abstract class ValueFieldType : FieldType
{
    /// <summary>How a value of the field is written: in words and as an example.</summary>
    public abstract FieldDescription Describe(FieldDefinition field, ImmutableArray<string> languages);

    /// <summary>The typed value of the field's YAML, or null after reporting what is wrong and how to write it.</summary>
    public abstract FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics);

    /// <summary>The schema of a value: in the exported data, or in the editor's data file (<see cref="SchemaContext.Exported"/>).</summary>
    public abstract void WriteSchema(Utf8JsonWriter json, FieldDefinition field, SchemaContext context);

    public abstract void WriteJson(Utf8JsonWriter json, FieldValue value);

    /// <summary>The CSV cell; a localized value gives the text in <paramref name="language"/>.</summary>
    public abstract string Cell(FieldValue value, string? language);

    /// <summary>The value as text without its source position, for change detection: equal exactly when the values are.</summary>
    public abstract string Canonical(FieldValue value);

    /// <summary>The order of two values of a field of this type, for sorting a collection.</summary>
    public abstract int Compare(FieldValue x, FieldValue y);
}

/// <summary>A <see cref="ValueFieldType"/> whose values are <typeparamref name="TValue"/>: the casts are made once, here.</summary>
public abstract class ValueFieldType<TValue> : ValueFieldType where TValue : FieldValue
{
    public sealed override void WriteJson(Utf8JsonWriter json, FieldValue value) => Write(json, (TValue)value);

    public sealed override string Cell(FieldValue value, string? language) => Cell((TValue)value, language);

    public sealed override string Canonical(FieldValue value) => Canonical((TValue)value);

    public sealed override int Compare(FieldValue x, FieldValue y) => Compare((TValue)x, (TValue)y);

    protected abstract void Write(Utf8JsonWriter json, TValue value);

    protected abstract string Cell(TValue value, string? language);

    protected abstract string Canonical(TValue value);

    protected abstract int Compare(TValue x, TValue y);
}

/// <summary>
/// A type written as one YAML scalar: a map or a list is refused with the same message for all of them, naming an
/// example from the type's description.
/// </summary>
public abstract class ScalarFieldType<TValue> : ValueFieldType<TValue> where TValue : FieldValue
{
    public sealed override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(node.Location,
                $"'{field.Name}' must be a single value, not {node.Shape}; write {field.Name}: {Describe(field, languages).Example}.");
            return null;
        }

        return Parse(field, scalar, scalar.Value.Trim(), diagnostics);
    }

    /// <param name="text">The scalar's text, trimmed.</param>
    protected abstract TValue? Parse(FieldDefinition field, YamlScalar scalar, string text, DiagnosticBag diagnostics);
}

/// <summary>
/// How a value is written, said once: <see cref="Shape"/> in words (the comment beside a field in a new entity's data
/// file) and <see cref="Example"/> (what an error tells the editor to write).
/// </summary>
public sealed record FieldDescription(string Shape, string Example);

/// <summary>What a schema is for: the exported data (every language required) or the editor's data file.</summary>
public sealed record SchemaContext(ImmutableArray<string> Languages, bool Exported);
