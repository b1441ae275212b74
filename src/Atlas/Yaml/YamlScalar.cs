using Atlas.Diagnostics;

namespace Atlas.Yaml;

/// <summary>A scalar. <see cref="IsPlain"/> is false for quoted and block scalars, which are always text.</summary>
public sealed record YamlScalar(SourceLocation Location, string Value, bool IsPlain) : YamlNode(Location)
{
    public override string Shape => "a single value";

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}
