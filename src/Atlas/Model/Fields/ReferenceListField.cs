using System.Collections.Immutable;
using System.Text.Json;
using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>
/// What <c>references</c> and <c>route</c> share: a list of entities of the collection(s) named by <c>to:</c>, each at
/// most once, exported as ids, ordered by their ids, with backlinks to every target. They differ in how many items a
/// list needs, in whether one item may be written without brackets, and in what the order means.
/// </summary>
public abstract class ReferenceListField : ValueFieldType<ReferencesValue>
{
    public sealed override FieldOptions Options => FieldOptions.Targets;

    public sealed override FieldRoles Roles => FieldRoles.Terms;

    public sealed override bool IsReference => true;

    /// <summary>Whether one item written without brackets is a list of one.</summary>
    protected abstract bool SingleAllowed { get; }

    /// <summary>The error when the list has too few items (after duplicates were checked), or null when it has enough.</summary>
    protected virtual string? TooFew(FieldDefinition field, int count) => null;

    public sealed override FieldValue? Parse(FieldDefinition field, YamlNode node, ImmutableArray<string> languages, DiagnosticBag diagnostics)
    {
        var items = FieldSyntax.ScalarList(field, node, SingleAllowed, diagnostics);
        if (items is null || !FieldSyntax.NoDuplicates(field, items, diagnostics))
        {
            return null;
        }

        if (TooFew(field, items.Count) is { } problem)
        {
            diagnostics.Error(node.Location, problem);
            return null;
        }

        var targets = items.Select(i => FieldSyntax.Reference(field, i, diagnostics)).ToList();
        return targets.Any(t => t is null) ? null : new ReferencesValue(node.Location, [.. targets.Select(t => t!.Value)]);
    }

    protected sealed override void Write(Utf8JsonWriter json, ReferencesValue value)
    {
        json.WriteStartArray();
        foreach (var target in value.Targets)
        {
            json.WriteStringValue(target.ToString());
        }

        json.WriteEndArray();
    }

    protected sealed override string Cell(ReferencesValue value, string? language) => string.Join("; ", value.Targets);

    protected sealed override int Compare(ReferencesValue x, ReferencesValue y) => FieldSyntax.Compare(x.Targets, y.Targets);
}
