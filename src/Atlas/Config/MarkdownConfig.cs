using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>
/// <c>markdown:</c> in site.yml. Raw HTML in Markdown is shown as text unless its tag is listed in
/// <c>allow_html</c>; even then only the bare tag passes (<c>&lt;sup&gt;</c>, <c>&lt;/sup&gt;</c>), never attributes.
/// </summary>
public sealed record MarkdownConfig(ImmutableArray<string> AllowHtml)
{
    public static readonly MarkdownConfig Default = new(ImmutableArray<string>.Empty);

    /// <summary>
    /// The tags an atlas may allow: inline phrasing elements that do nothing without attributes. Anything that runs,
    /// loads, embeds, styles, submits or changes how the rest of the page is parsed (script, style, iframe, img, svg,
    /// form, textarea, template, base, meta, ...) cannot be allowed.
    /// </summary>
    public static readonly ImmutableSortedSet<string> Allowable = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "u", "var", "wbr");

    /// <summary>Void elements, which have no closing tag and may be written <c>&lt;br/&gt;</c>.</summary>
    public static readonly ImmutableSortedSet<string> Void = ImmutableSortedSet.Create(StringComparer.Ordinal, "br", "wbr");
}
