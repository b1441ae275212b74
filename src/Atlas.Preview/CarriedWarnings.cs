using Atlas.Building;
using Atlas.Diagnostics;

namespace Atlas.Preview;

/// <summary>
/// Which diagnostics of the previous build still hold after an edit of content that the fast paths handle: warnings
/// about files outside content/ (site.yml, templates: a site outside a Git repository, say), which an edit of an
/// entity's files cannot change. Any error, or any warning about content, has to be worked out again by the ordinary
/// build, so the fast paths are then not taken.
/// </summary>
internal static class CarriedWarnings
{
    /// <summary>The previous build's diagnostics when they all still hold after a content edit; null when one may not.</summary>
    public static IReadOnlyList<Diagnostic>? Of(BuildResult previous) =>
        previous.Diagnostics.All(d => !d.IsError && !d.Location.Path.StartsWith("content/", StringComparison.Ordinal))
            ? previous.Diagnostics
            : null;
}
