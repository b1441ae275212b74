using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Yaml;

public sealed record YamlSequence(SourceLocation Location, ImmutableArray<YamlNode> Items) : YamlNode(Location)
{
    public override string Shape => "a list";
}
