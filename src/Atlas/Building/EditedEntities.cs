using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Model;

namespace Atlas.Building;

/// <summary>
/// What the preview's fast paths (<see cref="ProseEdit"/>, <see cref="DataEditFirstLook"/>) start from: the existing
/// entities whose files changed, read and validated again on their own.
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

    /// <summary>
    /// The entity read from its files again (through the cache, which keeps the parse for the ordinary build) and
    /// validated against the ids of all entities; null when it is gone, became a draft that is left out, gained or
    /// lost a file, or gives any diagnostic: the ordinary build then reports it.
    /// </summary>
    public static (EntitySource Source, Entity Entity)? Reread(LoadedSite site, Entity entity, BuildOptions options, BuildCache cache)
    {
        var source = ContentLoader.Reload(site.Config, entity.Collection, entity.Slug, entity.SourceFiles, cache.Files);
        var bag = new DiagnosticBag();
        source = source is null ? null : Drafts.Apply([source], options.Drafts, bag) is [var kept] ? kept : null;
        var again = source is null ? null : ModelBuilder.BuildEntity(site.Config, source, site.Model.Ids, bag);
        if (source is null || again is null || bag.ErrorCount + bag.WarningCount > 0 || !again.SourceFiles.SequenceEqual(entity.SourceFiles))
        {
            return null;
        }

        return (source, again);
    }
}
