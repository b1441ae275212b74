namespace Atlas.Model;

/// <summary>
/// An entity's prose in one language: the rendered body (safe HTML from the Markdown pipeline) and where it came
/// from. <see cref="IsFallback"/> marks a body borrowed from the default language because the collection allows it.
/// </summary>
public sealed record EntityText(string Language, string SourcePath, string Html, string PlainText, bool IsFallback);
