namespace Atlas.Markdown;

/// <summary>
/// What one language's body is rendered against: which <c>collection/slug</c> ids exist, which collections are cited
/// with a generated label (<c>[](ref:sources/slug)</c>) and that label, and the label of the background block.
/// </summary>
public sealed record ProseContext(Func<string, bool> Exists)
{
    /// <summary>Whether links into this collection are citations, whose text the engine writes.</summary>
    public Func<string, bool> IsCited { get; init; } = _ => false;

    /// <summary>The citation label of <c>collection/slug</c> in this language; null when it has none.</summary>
    public Func<string, string?> CitationLabel { get; init; } = _ => null;

    /// <summary>The first line of the background block (<c>::: background</c>) in this language.</summary>
    public string BackgroundLabel { get; init; } = "";
}
