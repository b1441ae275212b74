using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Atlas.Editing.WebEditor;

/// <summary>
/// Writes an <see cref="EditorConfig"/> as Decap CMS's <c>config.yml</c>: block YAML, every string double-quoted,
/// keys in a fixed order, so the same site.yml gives the same bytes.
/// </summary>
public static class EditorConfigWriter
{
    /// <summary>Decap's schema requires a media folder; no widget of ours uploads a file, so nothing is written there.</summary>
    public const string MediaFolder = "templates/assets/uploads";

    public static string Write(EditorConfig config)
    {
        var root = new Map(
        [
            ("backend", Backend(config.Backend)),
            .. config.Backend is GitHubEditorBackend ? [("local_backend", (Node)new Plain("true"))] : Array.Empty<(string, Node)>(),
            ("publish_mode", new Plain("editorial_workflow")),
            ("media_folder", new Quoted(MediaFolder)),
            ("locale", new Quoted(config.UiLocale)),
            ("i18n", new Map(
            [
                ("structure", new Plain("multiple_files")),
                ("locales", new Seq([.. config.Languages.Select(l => (Node)new Quoted(l))])),
                ("default_locale", new Quoted(config.Languages[0])),
            ])),
            ("collections", new Seq([.. config.Collections.Select(c => Collection(c, config.Languages))])),
        ]);
        var text = new StringBuilder();
        text.Append("# Made by `atlas build` from site.yml: do not edit. The design: .github/web-editor.md.\n");
        Emit(text, root, 0);
        return text.ToString();
    }

    private static Node Backend(EditorBackend backend) => backend switch
    {
        LocalEditorBackend local => new Map(
        [
            ("name", new Plain("proxy")),
            ("proxy_url", new Quoted(EditorBackend.LocalProxyUrl)),
            ("branch", new Quoted(local.Branch)),
        ]),
        GitHubEditorBackend github => new Map(
        [
            ("name", new Plain("github")),
            ("repo", new Quoted(github.Repository)),
            ("branch", new Quoted(github.Branch)),
            .. github.AuthBaseUrl is { } url ? [("base_url", (Node)new Quoted(url))] : Array.Empty<(string, Node)>(),
        ]),
        _ => throw new InvalidOperationException($"no configuration for the editor backend {backend.GetType().Name}"),
    };

    private static Node Collection(EditorCollection collection, ImmutableArray<string> languages) => new Map(
    [
        ("name", new Quoted(collection.Name)),
        ("label", new Quoted(collection.Label)),
        ("folder", new Quoted(collection.Folder)),
        ("extension", new Quoted("md")),
        ("format", new Plain("frontmatter")),
        ("create", new Plain("true")),
        ("identifier_field", new Quoted(EditorConfigMaker.SlugField)),
        ("slug", new Quoted("{{slug}}")),
        ("summary", new Quoted(string.Join(" · ", languages.Select(l => $"{{{{name.{l}}}}}")))),
        ("i18n", new Plain("true")),
        ("fields", new Seq([.. collection.Fields.Select(f => Field(f, topLevel: true))])),
    ]);

    private static Node Field(EditorField field, bool topLevel)
    {
        var entries = new List<(string, Node)>
        {
            ("name", new Quoted(field.Name)),
            ("label", new Quoted(field.Label)),
            ("widget", new Plain(Widget(field))),
            ("required", new Plain(field.Required ? "true" : "false")),
        };
        if (topLevel)
        {
            entries.Add(("i18n", new Plain(field.Translatable ? "true" : "false")));
        }

        if (field.Hint is { Length: > 0 } hint)
        {
            entries.Add(("hint", new Quoted(hint)));
        }

        switch (field)
        {
            case StringEditorField { Pattern: { } pattern }:
                entries.Add(("pattern", new Seq([new Quoted(pattern.Expression), new Quoted(pattern.Message)])));
                break;
            case MarkdownEditorField:
                // Source text only: the rich-text mode would re-serialize the whole body on save.
                entries.Add(("modes", new Seq([new Plain("raw")])));
                entries.Add(("editor_components", new Seq([])));
                break;
            case NumberEditorField number:
                entries.Add(("value_type", new Plain(number.Kind == NumberKind.Integer ? "int" : "float")));
                break;
            case SelectEditorField select:
                entries.Add(("multiple", new Plain(select.Multiple ? "true" : "false")));
                entries.Add(("options", new Seq([.. select.Options.Select(o => (Node)new Map([("label", new Quoted(o.Label)), ("value", new Quoted(o.Value))]))])));
                break;
            case RelationEditorField relation:
                entries.Add(("collection", new Quoted(relation.Collection)));
                entries.Add(("multiple", new Plain(relation.Multiple ? "true" : "false")));
                entries.Add(("value_field", new Quoted("{{slug}}")));
                entries.Add(("search_fields", new Seq([new Quoted("name.zh"), new Quoted("name.en"), new Quoted(EditorConfigMaker.SlugField)])));
                entries.Add(("display_fields", new Seq([new Quoted("name.zh"), new Quoted("name.en")])));
                break;
            case ObjectEditorField group:
                entries.Add(("fields", new Seq([.. group.Fields.Select(f => Field(f, topLevel: false))])));
                break;
            case ListEditorField list:
                if (list.Item is { } item)
                {
                    entries.Add(("field", Field(item, topLevel: false)));
                }
                else
                {
                    entries.Add(("fields", new Seq([.. list.ItemFields.Select(f => Field(f, topLevel: false))])));
                }

                if (list.Min is { } min)
                {
                    entries.Add(("min", new Plain(min.ToString(CultureInfo.InvariantCulture))));
                }

                if (list.Max is { } max)
                {
                    entries.Add(("max", new Plain(max.ToString(CultureInfo.InvariantCulture))));
                }

                break;
        }

        return new Map([.. entries]);
    }

    private static string Widget(EditorField field) => field switch
    {
        StringEditorField => "string",
        TextEditorField => "text",
        MarkdownEditorField => "markdown",
        NumberEditorField => "number",
        BooleanEditorField => "boolean",
        SelectEditorField => "select",
        RelationEditorField => "relation",
        ObjectEditorField => "object",
        ListEditorField => "list",
        _ => throw new InvalidOperationException($"no widget for {field.GetType().Name}"),
    };

    private abstract record Node;

    private sealed record Plain(string Text) : Node;

    private sealed record Quoted(string Text) : Node;

    private sealed record Map(ImmutableArray<(string Key, Node Value)> Entries) : Node;

    private sealed record Seq(ImmutableArray<Node> Items) : Node;

    private static void Emit(StringBuilder text, Map map, int indent)
    {
        foreach (var (key, value) in map.Entries)
        {
            text.Append(' ', indent).Append(key).Append(':');
            EmitValue(text, value, indent);
        }
    }

    /// <summary>After "key:" or "- ": a scalar or empty list on the same line, a map or list on the lines below.</summary>
    private static void EmitValue(StringBuilder text, Node value, int indent)
    {
        switch (value)
        {
            case Plain plain:
                text.Append(' ').Append(plain.Text).Append('\n');
                break;
            case Quoted quoted:
                text.Append(' ').Append(Quote(quoted.Text)).Append('\n');
                break;
            case Seq { Items.Length: 0 }:
                text.Append(" []\n");
                break;
            case Seq seq when seq.Items.All(i => i is Plain or Quoted):
                text.Append(" [").Append(string.Join(", ", seq.Items.Select(i => i is Quoted q ? Quote(q.Text) : ((Plain)i).Text))).Append("]\n");
                break;
            case Seq seq:
                text.Append('\n');
                foreach (var item in seq.Items)
                {
                    EmitItem(text, item, indent + 2);
                }

                break;
            case Map map:
                text.Append('\n');
                Emit(text, map, indent + 2);
                break;
        }
    }

    private static void EmitItem(StringBuilder text, Node item, int indent)
    {
        text.Append(' ', indent).Append('-');
        if (item is Map map && map.Entries.Length > 0)
        {
            // "- name: x" then the other keys aligned under "name".
            var (firstKey, firstValue) = map.Entries[0];
            text.Append(' ').Append(firstKey).Append(':');
            EmitValue(text, firstValue, indent + 2);
            Emit(text, new Map(map.Entries[1..]), indent + 2);
            return;
        }

        EmitValue(text, item, indent);
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, everything else as is.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
