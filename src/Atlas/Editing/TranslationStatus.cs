using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Model;

namespace Atlas.Editing;

/// <summary>
/// <c>atlas status</c>: per collection and language how many entities have their own text, which entities cite no
/// source (a field named "sources" left empty), and which translations are stale: the default language's file
/// changed in Git after the other language's file.
/// </summary>
public sealed record TranslationStatus(
    ImmutableArray<TranslationStatus.Coverage> Collections,
    ImmutableArray<string> WithoutSources,
    ImmutableArray<TranslationStatus.Stale>? StaleTranslations)
{
    /// <summary>Why stale translations cannot be told (no Git dates, or untrustworthy ones); null when they can.</summary>
    public string? StaleTranslationsUnknown { get; init; }

    public const string SourcesField = "sources";

    public sealed record Coverage(string Collection, int Entities, ImmutableSortedDictionary<string, int> Translated);

    public sealed record Stale(string Entity, string Language, string DefaultChanged, string TranslationChanged);

    /// <summary>
    /// The status of <paramref name="model"/>; <paramref name="datesUnknownBecause"/> (non-null when Git gave no dates or
    /// wrong ones) leaves the stale translations unknown rather than reported as none.
    /// </summary>
    public static TranslationStatus Compute(SiteModel model, IReadOnlyDictionary<string, DateTimeOffset> lastChanged, string? datesUnknownBecause = null)
    {
        var config = model.Config;
        var coverage = config.Collections.Select(c =>
        {
            var entities = model.Collections[c.Name];
            return new Coverage(c.Name, entities.Length, config.Languages.ToImmutableSortedDictionary(
                l => l.Code, l => entities.Count(e => e.Texts.TryGetValue(l.Code, out var text) && !text.IsFallback), StringComparer.Ordinal));
        }).ToImmutableArray();

        var withoutSources = model.Entities
            .Where(e => e.Collection.Field(SourcesField) is not null && e.Field(SourcesField) is not ReferencesValue { Targets.Length: > 0 })
            .Select(e => e.Id.ToString())
            .ToImmutableArray();

        if (datesUnknownBecause is not null)
        {
            return new TranslationStatus(coverage, withoutSources, null) { StaleTranslationsUnknown = datesUnknownBecause };
        }

        var stale = ImmutableArray.CreateBuilder<Stale>();
        foreach (var entity in model.Entities)
        {
            if (!entity.Texts.TryGetValue(config.DefaultLanguage, out var original) ||
                !lastChanged.TryGetValue(original.SourcePath, out var originalDate))
            {
                continue;
            }

            foreach (var (language, text) in entity.Texts.Where(t => t.Key != config.DefaultLanguage && !t.Value.IsFallback))
            {
                if (lastChanged.TryGetValue(text.SourcePath, out var translated) && translated.CompareTo(originalDate) < 0)
                {
                    stale.Add(new Stale(entity.Id.ToString(), language, originalDate.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                        translated.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        return new TranslationStatus(coverage, withoutSources, stale.ToImmutable());
    }
}
