using Atlas.Config;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Model.Fields;

/// <summary>What several field types write alike: lists of names, and references into the collections of <c>to:</c>.</summary>
internal static class FieldSyntax
{
    /// <param name="singleAllowed">Whether one item written without brackets is a list of one.</param>
    public static List<YamlScalar>? ScalarList(FieldDefinition field, YamlNode node, bool singleAllowed, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar single && singleAllowed)
        {
            return [single];
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

    public static bool NoDuplicates(FieldDefinition field, List<YamlScalar> items, DiagnosticBag diagnostics)
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

    /// <summary>
    /// <c>slug</c> (when the field points into one collection) or <c>collection/slug</c>. Whether the entity exists is
    /// checked once all entities are known (<see cref="FieldValue.LinkedEntities"/>).
    /// </summary>
    public static EntityId? Reference(FieldDefinition field, YamlScalar scalar, DiagnosticBag diagnostics)
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

    /// <summary>
    /// One part of a value written as a map (a status's stage, a role's date): a single value that must be given.
    /// <paramref name="owner"/> names what the part belongs to in messages ("'area'", "a role in 'area'").
    /// </summary>
    public static YamlScalar? RequiredPart(YamlMapping map, string key, string example, string owner, DiagnosticBag diagnostics)
    {
        switch (map[key])
        {
            case null or YamlScalar { IsNull: true }:
                diagnostics.Error(map.Location, $"{owner} has no {key}; add {key}: {example}.");
                return null;
            case YamlScalar scalar:
                return scalar;
            case var other:
                diagnostics.Error(other.Location, $"the {key} of {owner} must be a single value, not {other.Shape}.");
                return null;
        }
    }

    /// <summary>How a reference is written in words: "a slug of cities" or "collection/slug in parks, zones".</summary>
    public static string ReferenceShape(FieldDefinition field) =>
        field.Targets.Length == 1 ? $"a slug of {field.Targets[0]}" : $"collection/slug in {string.Join(", ", field.Targets)}";

    /// <summary>Lexicographic order of two lists of entities.</summary>
    public static int Compare(IReadOnlyList<EntityId> x, IReadOnlyList<EntityId> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = x[i].CompareTo(y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
