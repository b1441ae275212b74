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
    /// "about 8.20 trillion yuan" where they are western (rounded to three significant digits, marked when rounded).
    /// </summary>
    public string Quantity(decimal value, Unit unit)
    {
        var pattern = Get(UnitKey(unit));
        if (Get("format.magnitudes") == "chinese")
        {
            return pattern.Replace("{n}", Number(value), StringComparison.Ordinal)
                .Replace("{m}", unit.Prefix, StringComparison.Ordinal);
        }

        var total = value * unit.Scale;
        var (text, exact) = Western(total);
        var result = pattern.Replace("{n}", text, StringComparison.Ordinal).Replace("{m}", "", StringComparison.Ordinal);
        return exact ? result : Get("format.approximately").Replace("{0}", result, StringComparison.Ordinal);
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
                return ($"{Number(rounded, whole)} {Get(key)}", rounded * size == total);
            }
        }

        // Dividing by 1.000... drops trailing zeros that the multiplication by the unit's scale left behind.
        var normalized = total / 1.0000000000000000000000000000m;
        return (Number(normalized, normalized.Scale), true);
    }

    private string Get(string key) =>
        bundle.Get(key) ?? throw new InvalidOperationException($"UI string '{key}' is missing in {bundle.Path}");
}
