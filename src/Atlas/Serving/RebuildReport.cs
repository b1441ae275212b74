using Atlas.Building;

namespace Atlas.Serving;

/// <summary>One rebuild of the preview: why it ran, how it went and how long it took.</summary>
public sealed record RebuildReport(IReadOnlyList<string> ChangedFiles, BuildResult Result);
