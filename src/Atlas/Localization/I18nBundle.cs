using System.Collections.Immutable;
using Atlas.Diagnostics;

namespace Atlas.Localization;

/// <summary>
/// The UI strings of one language (templates/i18n/&lt;lang&gt;.yml), flattened to dotted keys ("nav.home").
/// Templates read them through <c>t</c>; the formatter reads its date, number and unit patterns from them.
/// </summary>
public sealed record I18nBundle(string Language, string Path, ImmutableSortedDictionary<string, string> Strings,
    ImmutableDictionary<string, SourceLocation> Locations)
{
    public string? Get(string key) => Strings.GetValueOrDefault(key);
}
