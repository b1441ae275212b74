using System.Text.RegularExpressions;

namespace Atlas.Config;

/// <summary>The rule for slugs, language codes and collection names: lowercase ASCII letters, digits, single hyphens.</summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string value) => value.Length is > 0 and <= 100 && Pattern().IsMatch(value);

    public const string Rule = "lowercase ASCII letters, digits and single hyphens (like 'gaozhu-new-area')";
}
