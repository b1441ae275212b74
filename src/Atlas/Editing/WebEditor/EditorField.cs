using System.Collections.Immutable;

namespace Atlas.Editing.WebEditor;

/// <summary>
/// A field of the web editor's form, as Decap CMS's configuration names its widgets. One record per widget the atlas
/// uses; <see cref="EditorConfigWriter"/> writes them. <see cref="Translatable"/>: the field is edited once per
/// language, side by side (Decap's <c>i18n: true</c>), and kept in each language's Markdown file; every other field is
/// edited once and kept in the language-neutral <c>&lt;slug&gt;.yml</c> (by the editor's backend wrapper).
/// </summary>
public abstract record EditorField(string Name, string Label, bool Required)
{
    public string? Hint { get; init; }

    public bool Translatable { get; init; }
}

/// <summary>One line of text; <see cref="Pattern"/> (a JavaScript regular expression) with the message shown when it does not match.</summary>
public sealed record StringEditorField(string Name, string Label, bool Required) : EditorField(Name, Label, Required)
{
    public EditorPattern? Pattern { get; init; }
}

/// <summary>A regular expression a value must match and what the form says when it does not.</summary>
public sealed record EditorPattern(string Expression, string Message);

/// <summary>Several lines of plain text (a summary).</summary>
public sealed record TextEditorField(string Name, string Label, bool Required) : EditorField(Name, Label, Required);

/// <summary>The Markdown body, edited as source text only: Decap's rich-text mode would rewrite the whole body (and
/// its <c>ref:</c> links) on save.</summary>
public sealed record MarkdownEditorField(string Name, string Label, bool Required) : EditorField(Name, Label, Required);

public enum NumberKind
{
    Integer,
    Decimal,
}

public sealed record NumberEditorField(string Name, string Label, bool Required, NumberKind Kind) : EditorField(Name, Label, Required);

public sealed record BooleanEditorField(string Name, string Label, bool Required) : EditorField(Name, Label, Required);

/// <summary>A choice among fixed values, each with its label; <see cref="Multiple"/> for tags.</summary>
public sealed record SelectEditorField(string Name, string Label, bool Required, ImmutableArray<EditorOption> Options, bool Multiple)
    : EditorField(Name, Label, Required);

public sealed record EditorOption(string Value, string Label);

/// <summary>A searchable picker over the entities of another collection, by their names; the value is the slug.</summary>
public sealed record RelationEditorField(string Name, string Label, bool Required, string Collection, bool Multiple)
    : EditorField(Name, Label, Required);

/// <summary>A group of fields kept together as one value (a status, a name in each language).</summary>
public sealed record ObjectEditorField(string Name, string Label, bool Required, ImmutableArray<EditorField> Fields)
    : EditorField(Name, Label, Required);

/// <summary>A list: of one field's values (<see cref="Item"/>), or of groups of fields (<see cref="ItemFields"/>).</summary>
public sealed record ListEditorField(string Name, string Label, bool Required) : EditorField(Name, Label, Required)
{
    public EditorField? Item { get; init; }

    public ImmutableArray<EditorField> ItemFields { get; init; } = [];

    public int? Min { get; init; }

    public int? Max { get; init; }
}
