using System.Collections.Immutable;

namespace Atlas.Config;

/// <summary>A text in several languages, keyed by language code.</summary>
public sealed record LocalizedText(ImmutableSortedDictionary<string, string> Values)
{
    public static readonly LocalizedText Empty = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public string this[string language] => Values.TryGetValue(language, out var value) ? value : "";

    public bool Has(string language) => Values.ContainsKey(language);

    public LocalizedText With(string language, string value) => new(Values.SetItem(language, value));

    public static LocalizedText From(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
