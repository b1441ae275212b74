using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>
/// A way of grouping entities across collections, with an index page of terms and one page per term:
/// by the values of a tags or enum field, by the entities a reference field points to, or by the years of dates.
/// </summary>
public sealed record TaxonomyConfig(string Name, LocalizedText Title, string? Field, ImmutableArray<string> DateFields)
{
    public bool IsByYear => Field is null;
}
