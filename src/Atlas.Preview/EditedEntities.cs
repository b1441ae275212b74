using Atlas.Config;
using Atlas.Loading;
using Atlas.Model;

namespace Atlas.Preview;

/// <summary>
/// What the preview's fast paths (<see cref="ProseEdit"/>, <see cref="DataEditFirstLook"/>) start from: the existing
/// entities whose files changed (then read and validated again on their own by <see cref="SiteLoader.ReloadEntity"/>).
/// </summary>
internal static class EditedEntities
{
    /// <summary>
    /// The entities whose files are among the changed files, or null when a change is anything else: a file outside
    /// content/, a new file, a data file when <paramref name="dataFiles"/> is false. Files that neither exist now nor
    /// existed before (an editor's temporary file, already gone) do not count.
    /// </summary>
    public static List<Entity>? Find(LoadedSite site, IReadOnlyCollection<string> changedFiles, bool dataFiles)
    {
        var edited = new List<Entity>();
        foreach (var path in changedFiles)
        {
            if (!path.StartsWith(SiteConfig.ContentFolder + "/", StringComparison.Ordinal))
            {
                return null;
            }

            if (site.Model.EntityOfFile(path) is { } entity)
            {
                if (!dataFiles && !path.EndsWith(".md", StringComparison.Ordinal))
                {
                    return null; // a data file: lists, links, maps and charts may show what changed
                }

                if (!edited.Contains(entity))
                {
                    edited.Add(entity);
                }

                continue;
            }

            // Not a file of any entity: fine only if there is nothing there now and nothing was read from under it.
            var full = Path.Combine(site.Config.SiteDirectory, path);
            if (File.Exists(full) || Directory.Exists(full) || site.Model.HasFilesUnder(path + "/"))
            {
                return null;
            }
        }

        return edited;
    }
}
