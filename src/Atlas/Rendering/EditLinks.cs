using Atlas.Config;
using Atlas.Model;

namespace Atlas.Rendering;

/// <summary>
/// Where an entity page's "edit this page" and "history" links go: the one place that decides it (the web editor of
/// issue 23 part B can take the edit targets over here). <see cref="Edit"/> opens the page's language file, the prose
/// a reader most likely wants to correct; <see cref="DataEdit"/> the data file with the names, dates and sources.
/// When the language file does not exist (the page shows the default language's text in its place), the edit link
/// creates it.
/// </summary>
public sealed record EditLinks(string Edit, string History, string DataFile, string DataEdit, string DataHistory)
{
    /// <summary>The links for <paramref name="entity"/>'s page in <paramref name="language"/>; null without site.yml <c>repository:</c>.</summary>
    public static EditLinks? For(SiteConfig config, Entity entity, string language)
    {
        if (config.Repository is not { } repository)
        {
            return null;
        }

        var folder = $"{SiteConfig.ContentFolder}/{entity.Collection.Folder}";
        var data = $"{folder}/{entity.Slug}.yml";
        var text = $"{folder}/{entity.Slug}.{language}.md";
        var edit = entity.SourceFiles.Contains(text)
            ? GitHub(repository, "edit", text)
            : GitHub(repository, "new", folder) + "?filename=" + Uri.EscapeDataString($"{entity.Slug}.{language}.md");
        return new EditLinks(
            Edit: edit,
            History: GitHub(repository, "commits", text),
            DataFile: $"{entity.Slug}.yml",
            DataEdit: GitHub(repository, "edit", data),
            DataHistory: GitHub(repository, "commits", data));
    }

    /// <summary>https://github.com/owner/name/{action}/branch/path, each segment of the branch and path escaped.</summary>
    private static string GitHub(RepositoryConfig repository, string action, string siteFile) =>
        $"https://github.com/{repository.Owner}/{repository.Name}/{action}/{Segments(repository.Branch)}/{Segments(repository.PathOf(siteFile))}";

    private static string Segments(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
