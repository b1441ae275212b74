using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>
/// The order of a collection's lists, from site.yml's <c>sort: {by, order, missing}</c>. An entity sorts by the first
/// of the <see cref="By"/> fields it has (dates and years compare as dates: a plan known only by its start year sorts
/// in that year); entities with none of them go after the others (<see cref="MissingFirst"/>: before); ties, and
/// every entity of a collection without <c>sort</c> (<see cref="ByName"/>), sort by name in the page's language:
/// by pinyin on Chinese pages, alphabetically on others (see <c>Atlas.Text.Collation</c>).
/// </summary>
public sealed record CollectionSort(ImmutableArray<string> By, bool Descending, bool MissingFirst)
{
    /// <summary>The default: by name alone.</summary>
    public static readonly CollectionSort ByName = new([], false, false);

    /// <summary>The field types a collection may sort by: they have one order (a year sorts as its whole year).</summary>
    public static readonly ImmutableArray<string> SortableTypes = ["date", "year", "number"];
}
