using Atlas.Building;

namespace Atlas.Preview;

/// <summary>One rebuild of the preview: the engine's report, and which of the preview's fast paths it took.</summary>
public sealed record PreviewBuild(BuildResult Report)
{
    /// <summary>True when the rebuild took only an edit to prose (see <see cref="ProseEdit"/>).</summary>
    public bool ProseOnly { get; init; }

    /// <summary>How many pages the first look at a data edit wrote before the rebuild (see <see cref="DataEditFirstLook"/>).</summary>
    public int FirstLookPages { get; init; }
}
