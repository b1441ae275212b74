namespace Atlas.Markdown;

/// <summary>The HTML of a Markdown body and its plain text (for search and descriptions).</summary>
public sealed record RenderedMarkdown(string Html, string PlainText);
