using System.Collections.Immutable;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Yaml;

namespace Atlas.Loading;

/// <summary>
/// <c>draft: true</c> in an entity's data file keeps it out of the build unless drafts are asked for
/// (<c>--drafts</c>). Every collection accepts the key.
/// </summary>
public static class Drafts
{
    public const string Key = "draft";

    public static ImmutableArray<EntitySource> Apply(ImmutableArray<EntitySource> sources, bool include, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<EntitySource>(sources.Length);
        foreach (var source in sources)
        {
            if (source.Data?[Key] is not { } node)
            {
                result.Add(source);
                continue;
            }

            bool draft;
            switch (node)
            {
                case YamlScalar { IsPlain: true, Value: "true" }:
                    draft = true;
                    break;
                case YamlScalar { IsPlain: true, Value: "false" }:
                    draft = false;
                    break;
                default:
                    diagnostics.Error(node.Location, $"'{Key}' must be true or false, not {YamlText.Describe(node)}.");
                    continue;
            }

            if (draft && !include)
            {
                continue;
            }

            // The key is not a field of the collection: take it out before the data is validated.
            var data = source.Data with { Entries = [.. source.Data.Entries.Where(e => e.Key.Value != Key)] };
            result.Add(source with { Data = data });
        }

        return result.ToImmutable();
    }
}
