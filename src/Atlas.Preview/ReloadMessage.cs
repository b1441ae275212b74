using System.Text.Json.Serialization;

namespace Atlas.Preview;

/// <summary>
/// The data of a "reload" event: the output files a rebuild wrote or deleted ("en/parks/x/index.html"), or null
/// when any page may have changed (a full build, the first build after errors).
/// </summary>
internal sealed record ReloadMessage([property: JsonPropertyName("files")] IReadOnlyList<string>? Files);

/// <summary>Source-generated serializer: the preview's rebuild loop uses no reflection.</summary>
[JsonSerializable(typeof(ReloadMessage))]
internal sealed partial class ReloadMessageJson : JsonSerializerContext;
