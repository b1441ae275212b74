using Atlas.Diagnostics;

namespace Atlas.Yaml;

/// <summary>
/// Reads the keys of a YAML map that the engine defines (site.yml, a collection, a field), reporting unknown keys,
/// missing keys and wrong shapes as diagnostics that say what was expected.
/// </summary>
public sealed class MappingReader(YamlMapping mapping, string context, DiagnosticBag diagnostics)
{
    public YamlMapping Mapping => mapping;

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var (key, _) in mapping.Entries)
        {
            if (Array.IndexOf(known, key.Value) < 0)
            {
                diagnostics.Error(key.Location,
                    $"unknown key '{key.Value}' in {context}; expected one of: {string.Join(", ", known)}.");
            }
        }
    }

    public string? String(string key, bool required, string? fallback = null)
    {
        var node = mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                diagnostics.Error(mapping.Location, $"{context} needs '{key}'; add it.");
            }

            return fallback;
        }

        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        diagnostics.Error(node.Location, $"'{key}' in {context} must be a single value, not {node.Shape}.");
        return fallback;
    }

    public bool Bool(string key, bool fallback)
    {
        var node = mapping[key];
        switch (node)
        {
            case null:
                return fallback;
            case YamlScalar { IsPlain: true, Value: "true" or "yes" }:
                return true;
            case YamlScalar { IsPlain: true, Value: "false" or "no" }:
                return false;
            default:
                diagnostics.Error(node.Location, $"'{key}' in {context} must be true or false, not {YamlText.Describe(node)}.");
                return fallback;
        }
    }

    public int Int(string key, int fallback)
    {
        var node = mapping[key];
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalar { IsPlain: true } scalar && int.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        diagnostics.Error(node.Location, $"'{key}' in {context} must be a whole number, not {YamlText.Describe(node)}.");
        return fallback;
    }

    public T? Node<T>(string key, bool required) where T : YamlNode
    {
        var node = mapping[key];
        if (node is null)
        {
            if (required)
            {
                diagnostics.Error(mapping.Location, $"{context} needs '{key}'; add it.");
            }

            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        var expected = typeof(T) == typeof(YamlMapping) ? "a map (key: value lines)" :
            typeof(T) == typeof(YamlSequence) ? "a list" : "a single value";
        diagnostics.Error(node.Location, $"'{key}' in {context} must be {expected}, not {node.Shape}.");
        return null;
    }
}
