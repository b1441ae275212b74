using System.Text.Json.Serialization;

namespace Atlas.Building;

/// <summary>The saved form of a <see cref="SiteState"/>, beside the output folder.</summary>
internal sealed record StateFile(int Version, Dictionary<string, string> Signatures, Dictionary<string, PageFile> Pages, List<string> Other);

/// <summary>What the state remembers of one page: its output file and the dependency keys it read.</summary>
internal sealed record PageFile(string File, List<string> Keys);

/// <summary>
/// Source-generated serializer for the state file: no reflection at run time, which on a small site saves the
/// reflection serializer's start-up (tens of milliseconds of a sub-second build).
/// </summary>
[JsonSerializable(typeof(StateFile))]
internal sealed partial class StateFileJson : JsonSerializerContext;
