namespace Atlas.Model;

/// <summary>
/// A unit as written in Chinese sources: an optional magnitude prefix (万 = 10^4, 亿 = 10^8, 万亿 = 10^12) and a
/// base unit (元, 辆, %, 公里 ...). Values are stored once in the written unit; the formatter converts for each language.
/// </summary>
public sealed record Unit(string Text, string Prefix, decimal Scale, string Base)
{
    private static readonly (string Prefix, decimal Scale)[] Magnitudes =
    [
        ("万亿", 1_000_000_000_000m),
        ("亿", 100_000_000m),
        ("万", 10_000m),
    ];

    public static Unit Parse(string text)
    {
        foreach (var (prefix, scale) in Magnitudes)
        {
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new Unit(text, prefix, scale, text[prefix.Length..]);
            }
        }

        return new Unit(text, "", 1m, text);
    }
}
