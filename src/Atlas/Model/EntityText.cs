using System.Collections.Immutable;

namespace Atlas.Model;

/// <summary>
/// An entity's prose in one language: the rendered body (safe HTML from the Markdown pipeline) and where it came
/// from. <see cref="IsFallback"/> marks a body borrowed from the default language because the collection allows it.
/// <see cref="Gaps"/> are what the cited articles do not say, from the front matter's <c>gaps:</c> list, in order.
/// </summary>
public sealed record EntityText(string Language, string SourcePath, string Html, string PlainText, bool IsFallback)
{
    /// <summary>The front matter key of the gaps: a list of short sentences, the same number in every language.</summary>
    public const string GapsKey = "gaps";

    public ImmutableArray<string> Gaps { get; init; } = [];
}
