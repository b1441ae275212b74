using System.Collections.Immutable;

namespace Atlas.Editing.WebEditor;

/// <summary>
/// The web editor's configuration (Decap CMS's <c>config.yml</c>), made from site.yml by <see cref="EditorConfigMaker"/>
/// and written by <see cref="EditorConfigWriter"/>. Every save goes through the editorial workflow: a branch and a
/// pull request that CI checks before anyone publishes it.
/// </summary>
/// <param name="Languages">Language codes, the default (the one whose Markdown file also carries the editor's
/// language-neutral fields until the backend wrapper moves them into the .yml) first.</param>
/// <param name="UiLocale">Decap's own interface language (its locale names: zh_Hans).</param>
public sealed record EditorConfig(
    EditorBackend Backend,
    ImmutableArray<string> Languages,
    string UiLocale,
    ImmutableArray<EditorCollection> Collections);

/// <summary>
/// Where the editor reads and commits. <see cref="LocalProxyUrl"/>: Decap's local backend (<c>npx decap-server</c> in a
/// clone), which Decap uses instead whenever the editor is opened on localhost and that server answers.
/// </summary>
public abstract record EditorBackend(string Branch)
{
    public const string LocalProxyUrl = "http://localhost:8081/api/v1";
}

/// <summary>The local backend only: until site.yml names the repository on its Git host, there is nothing else to commit to.</summary>
public sealed record LocalEditorBackend(string Branch) : EditorBackend(Branch);

/// <summary>GitHub, logging in through an OAuth proxy at <see cref="AuthBaseUrl"/> (GitHub Pages has no OAuth endpoint).</summary>
public sealed record GitHubEditorBackend(string Repository, string Branch, string? AuthBaseUrl) : EditorBackend(Branch);

/// <summary>
/// An atlas collection as one editor collection over its folder. <see cref="DataFields"/>: the keys the backend
/// wrapper keeps in <c>&lt;slug&gt;.yml</c> (everything not translatable); the translatable fields stay in each
/// language's Markdown file.
/// </summary>
public sealed record EditorCollection(
    string Name,
    string Label,
    string Folder,
    ImmutableArray<string> DataFields,
    ImmutableArray<EditorField> Fields);
