using System.Globalization;
using Atlas.Model;

namespace Atlas.Localization;

/// <summary>
/// Formats dates, numbers and quantities for one language, with every pattern and word taken from that language's
/// bundle: the engine knows how to count in 万 and 亿 or in millions and billions, not what either language calls them.
/// </summary>
public sealed class Formatter(I18nBundle bundle)
{
    private static readonly (decimal Size, string Key)[] WesternMagnitudes =
    [
        (1_000_000_000_000m, "magnitude.trillion"),
        (1_000_000_000m, "magnitude.billion"),
        (1_000_000m, "magnitude.million"),
    ];

    public string Language => bundle.Language;

    public string Date(PartialDate date)
    {
        var pattern = date.Day is not null ? Get("format.date.day")
            : date.Month is not null ? Get("format.date.month")
            : Get("format.date.year");
        if (pattern.Contains("{month_name}", StringComparison.Ordinal))
        {
            pattern = pattern.Replace("{month_name}", date.Month is { } m ? Get($"month.{m}") : "", StringComparison.Ordinal);
        }

        return pattern
            .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", date.Month?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)
            .Replace("{day}", date.Day?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// The one citation label: a source's short label and its date in this language ("重庆日报，2021年12月15日",
    /// "Chongqing Daily, 15 December 2021", "Chongqing Daily, December 2020"), joined by the UI string
    /// <c>citation.before_date</c>. Null when this language lacks the strings it needs.
    /// </summary>
    public string? TryCitation(string shortLabel, PartialDate date)
    {
        try
        {
            return shortLabel + Get("citation.before_date") + Date(date);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The date without its year, for a list under the year's heading ("12月14日", "14 December"); null when only the
    /// year is known, as the heading says all there is.
    /// </summary>
    public string? DateInYear(PartialDate date)
    {
        if (date.Month is not { } month)
        {
            return null;
        }

        var pattern = Get(date.Day is null ? "format.date.month_in_year" : "format.date.day_in_year");
        return pattern
            .Replace("{month_name}", Get($"month.{month}"), StringComparison.Ordinal)
            .Replace("{month}", month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day}", date.Day?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
    }

    /// <summary>A number with this language's separators and as many decimals as it was written with.</summary>
    public string Number(decimal value) => Number(value, value.Scale);

    public string Number(decimal value, int decimals)
    {
        var invariant = value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var group = Get("format.number.group");
        var point = Get("format.number.decimal");
        if (group == "," && point == ".")
        {
            return invariant;
        }

        return invariant
            .Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", point, StringComparison.Ordinal)
            .Replace("\u0001", group, StringComparison.Ordinal);
    }

    /// <summary>Whether this language has words for the base unit of <paramref name="unit"/>.</summary>
    public bool Knows(Unit unit) => bundle.Get(UnitKey(unit)) is not null;

    public static string UnitKey(Unit unit) => $"unit.{unit.Base}";

    /// <summary>
    /// A value in a unit, for this language: 81986.67 亿元 is "81,986.67亿元" where magnitudes are Chinese and
    /// "about 8.20 trillion yuan" where they are western (three significant digits when rounding was needed, and
    /// then marked as approximate; "3 million", not "3.00 million", when the value is exact).
    /// </summary>
    public string Quantity(decimal value, Unit unit) => QuantityParts(value, unit) is var (text, exact)
        ? exact ? text : Approximately(text)
        : "";

    /// <summary>A text marked as approximate in this language ("about 1.09 million vehicles", 约8.2万亿元).</summary>
    public string Approximately(string text) => Get("format.approximately").Replace("{0}", text, StringComparison.Ordinal);

    /// <summary>
    /// What a unit is called in this language, for a chart's "unit:" line: 万辆 in Chinese, "vehicles" in English,
    /// whose values carry their own magnitude ("3.43 million vehicles"). Empty for a bare count ("{n}").
    /// </summary>
    public string UnitName(Unit unit) => Get(UnitKey(unit))
        .Replace("{n}", "", StringComparison.Ordinal)
        .Replace("{m}", Get("format.magnitudes") == "chinese" ? unit.Prefix : "", StringComparison.Ordinal)
        .Trim();

    /// <summary>The quantity without the "about" marker, and whether it is exact: for texts that add their own qualifier.</summary>
    public (string Text, bool Exact) QuantityParts(decimal value, Unit unit)
    {
        var pattern = Get(UnitKey(unit));
        if (Get("format.magnitudes") == "chinese")
        {
            return (pattern.Replace("{n}", Number(value), StringComparison.Ordinal)
                .Replace("{m}", unit.Prefix, StringComparison.Ordinal), true);
        }

        var (number, exact) = Western(value * unit.Scale);
        return (pattern.Replace("{n}", number, StringComparison.Ordinal).Replace("{m}", "", StringComparison.Ordinal), exact);
    }

    private (string Text, bool Exact) Western(decimal total)
    {
        var magnitude = Math.Abs(total);
        foreach (var (size, key) in WesternMagnitudes)
        {
            if (magnitude >= size)
            {
                var scaled = total / size;
                var whole = Math.Abs(scaled) >= 100 ? 0 : Math.Abs(scaled) >= 10 ? 1 : 2;
                var rounded = Math.Round(scaled, whole, MidpointRounding.AwayFromZero);
                var exact = rounded * size == total;
                var shown = exact ? Normalize(rounded) : rounded;
                return ($"{Number(shown, exact ? shown.Scale : whole)} {Get(key)}", exact);
            }
        }

        var normalized = Normalize(total);
        return (Number(normalized, normalized.Scale), true);
    }

    /// <summary>Drops trailing zeros (3.00 → 3) that scaling and rounding leave behind.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private string Get(string key) =>
        bundle.Get(key) ?? throw new InvalidOperationException($"UI string '{key}' is missing in {bundle.Path}");
}
