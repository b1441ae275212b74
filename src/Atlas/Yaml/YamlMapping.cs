using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Yaml;

/// <summary>A mapping whose keys are scalars, in file order. Duplicate keys are rejected by the reader.</summary>
public sealed record YamlMapping(SourceLocation Location, ImmutableArray<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Location)
{
    public override string Shape => "a map";

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}
