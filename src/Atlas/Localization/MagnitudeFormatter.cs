using Atlas.Model;

namespace Atlas.Localization;

/// <summary>
/// A quantity at a glance, for figures shown side by side (the key figures of the home page): the value in the
/// largest magnitude it reaches in the language (万亿, 亿 and 万 in Chinese; trillion, billion and million in English),
/// rounded to one decimal place or to three significant digits where that shows more. So cards read in the same
/// units whatever unit the source wrote: 81,986.67亿元 is 8.2万亿元 and "8.2 trillion yuan", beside 7.7万亿元 and
/// "7.7 trillion yuan"; 108.7万辆 stays 108.7万辆 and is "1.09 million vehicles". A value below the smallest
/// magnitude is shown whole, and a unit whose pattern takes no magnitude (like %) keeps its value as written.
/// The exact value is on the figure's own page (<see cref="Formatter.Quantity"/>).
/// </summary>
public sealed class MagnitudeFormatter(I18nBundle bundle)
{
    // The sizes 万亿, 亿 and 万 stand for; the words are the same characters as the content's unit prefixes.
    private static readonly (decimal Size, string Word)[] ChineseMagnitudes =
    [
        (1_000_000_000_000m, "万亿"),
        (100_000_000m, "亿"),
        (10_000m, "万"),
    ];

    private static readonly (decimal Size, string Key)[] WesternMagnitudes =
    [
        (1_000_000_000_000m, "magnitude.trillion"),
        (1_000_000_000m, "magnitude.billion"),
        (1_000_000m, "magnitude.million"),
    ];

    private readonly Formatter _numbers = new(bundle);

    /// <summary>The quantity in this language's magnitude for its size, and whether showing it so rounded the value.</summary>
    public CompactQuantity Format(decimal value, Unit unit)
    {
        var pattern = Get(Formatter.UnitKey(unit));
        var total = value * unit.Scale;
        var chinese = Get("format.magnitudes") == "chinese";
        if (chinese && !pattern.Contains("{m}", StringComparison.Ordinal))
        {
            // A unit that takes no magnitude (%, 位): the value as the source wrote it.
            return new CompactQuantity(pattern.Replace("{n}", _numbers.Number(value), StringComparison.Ordinal), Rounded: false);
        }

        var magnitudes = chinese
            ? ChineseMagnitudes
            : WesternMagnitudes.Select(m => (m.Size, Word: " " + Get(m.Key)));
        foreach (var (size, word) in magnitudes)
        {
            if (Math.Abs(total) >= size)
            {
                var scaled = total / size;
                var rounded = Normalize(Math.Round(scaled, Decimals(scaled), MidpointRounding.AwayFromZero));
                return Fill(pattern, _numbers.Number(rounded) + (chinese ? "" : word), chinese ? word : "", rounded != scaled);
            }
        }

        var whole = Normalize(total);
        return Fill(pattern, _numbers.Number(whole), "", rounded: false);
    }

    /// <summary>One decimal place, or as many as three significant digits need (8.2, 1.09, 343, 108.7).</summary>
    private static int Decimals(decimal scaled)
    {
        var size = Math.Abs(scaled);
        var significant = size >= 100 ? 0 : size >= 10 ? 1 : 2;
        return Math.Max(1, significant);
    }

    private static CompactQuantity Fill(string pattern, string number, string magnitude, bool rounded) =>
        new(pattern.Replace("{n}", number, StringComparison.Ordinal).Replace("{m}", magnitude, StringComparison.Ordinal), rounded);

    /// <summary>Drops trailing zeros (8.20 → 8.2, 343.0 → 343) that scaling and rounding leave behind.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private string Get(string key) =>
        bundle.Get(key) ?? throw new InvalidOperationException($"UI string '{key}' is missing in {bundle.Path}");
}

/// <summary>A quantity as <see cref="MagnitudeFormatter"/> shows it, and whether that rounded the source's value.</summary>
public sealed record CompactQuantity(string Text, bool Rounded);
