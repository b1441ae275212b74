using Atlas.Diagnostics;

namespace Atlas.Yaml;

/// <summary>
/// A YAML value with the position it came from. The engine reads every YAML file (site.yml, content data,
/// front matter, i18n bundles) into this small tree so that every later diagnostic can point at a line.
/// </summary>
public abstract record YamlNode(SourceLocation Location)
{
    /// <summary>A short name of the node's shape for error messages ("a list", "a map", "a value").</summary>
    public abstract string Shape { get; }
}
