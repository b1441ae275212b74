using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Content;
using Atlas.Diagnostics;
using Atlas.Markdown;
using Atlas.Model.Fields;

namespace Atlas.Model;

/// <summary>
/// The texts the engine writes into bodies, per language: the citation label of every citable entity
/// ("重庆日报，2021年12月15日", "Chongqing Daily, 15 December 2021") and the label of the background block. A collection
/// is citable when it declares a localized <c>short</c> field and a <c>date</c> field (the <c>sources</c>): a link
/// into it is written <c>[](ref:sources/slug)</c> and shows the label. The labels are made before the bodies are
/// rendered (from the data files, by the loader, which knows the languages' date formats), so they are part of what
/// an entity is built from: <see cref="EntityCache"/> reuses nothing when they change.
/// </summary>
public sealed class ProseLabels
{
    public const string ShortField = "short";
    public const string DateField = "date";

    public static readonly ProseLabels Empty = new([], ImmutableSortedDictionary<string, string>.Empty, ImmutableSortedDictionary<string, string>.Empty);

    private readonly ImmutableSortedSet<string> _cited;
    private readonly ImmutableSortedDictionary<string, string> _citations; // "language\u0001collection/slug" → label
    private readonly ImmutableSortedDictionary<string, string> _background; // language → label

    private ProseLabels(ImmutableSortedSet<string> cited, ImmutableSortedDictionary<string, string> citations,
        ImmutableSortedDictionary<string, string> background)
    {
        _cited = cited;
        _citations = citations;
        _background = background;
    }

    /// <summary>Whether links into <paramref name="collection"/> are citations with a generated label.</summary>
    public static bool IsCitable(CollectionConfig collection) =>
        collection.Field(ShortField) is { IsLocalized: true } && collection.Field(DateField) is { Type.Name: "date" };

    /// <summary>The short label and date of every citable entity, read from its data file (problems are reported when it is built).</summary>
    public static IEnumerable<(EntityId Id, LocalizedText Short, PartialDate Date)> ReadCitable(SiteConfig config, IEnumerable<EntitySource> sources)
    {
        var languages = config.Languages.Select(l => l.Code).ToImmutableArray();
        foreach (var source in sources.Where(s => IsCitable(s.Collection) && s.Data is not null))
        {
            var bag = new DiagnosticBag();
            var data = source.Data!.Entries.ToDictionary(e => e.Key.Value, e => e.Value, StringComparer.Ordinal);
            var shortField = source.Collection.Field(ShortField)!;
            var dateField = source.Collection.Field(DateField)!;
            if (data.TryGetValue(ShortField, out var shortNode) && data.TryGetValue(DateField, out var dateNode) &&
                FieldTypes.Of(shortField).Parse(shortField, shortNode, languages, bag) is LocalizedValue shortValue &&
                FieldTypes.Of(dateField).Parse(dateField, dateNode, languages, bag) is DateValue dateValue)
            {
                yield return (new EntityId(source.Collection.Name, source.Slug), shortValue.Text, dateValue.Date);
            }
        }
    }

    /// <param name="citable">From <see cref="ReadCitable"/>.</param>
    /// <param name="label">A citation label in a language from the short label and the date; null when it cannot be made.</param>
    /// <param name="background">The background block's label in a language.</param>
    public static ProseLabels Make(SiteConfig config, IEnumerable<(EntityId Id, LocalizedText Short, PartialDate Date)> citable,
        Func<string, string, PartialDate, string?> label, Func<string, string> background)
    {
        var citations = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (id, shortText, date) in citable)
        {
            foreach (var language in config.Languages.Select(l => l.Code).Where(l => shortText.Has(l) && !string.IsNullOrWhiteSpace(shortText[l])))
            {
                if (label(language, shortText[language].Trim(), date) is { } text)
                {
                    citations[Key(language, id.ToString())] = text;
                }
            }
        }

        return new ProseLabels(
            [.. config.Collections.Where(IsCitable).Select(c => c.Name)],
            citations.ToImmutable(),
            config.Languages.ToImmutableSortedDictionary(l => l.Code, l => background(l.Code), StringComparer.Ordinal));
    }

    /// <summary>The citation label of <paramref name="id"/> in <paramref name="language"/>, if it has one.</summary>
    public string? Citation(string language, string id) => _citations.GetValueOrDefault(Key(language, id));

    /// <summary>What one language's bodies are rendered against.</summary>
    public ProseContext For(string language, Func<string, bool> exists) => new(exists)
    {
        IsCited = _cited.Contains,
        CitationLabel = id => Citation(language, id),
        BackgroundLabel = _background.GetValueOrDefault(language, ""),
    };

    /// <summary>The same labels (for the entity cache: bodies rendered with other labels are not reused).</summary>
    public bool SameAs(ProseLabels other) =>
        ReferenceEquals(this, other) ||
        (_cited.SetEquals(other._cited) && _citations.Count == other._citations.Count &&
         _citations.All(p => other._citations.TryGetValue(p.Key, out var v) && v == p.Value) &&
         _background.Count == other._background.Count &&
         _background.All(p => other._background.TryGetValue(p.Key, out var v) && v == p.Value));

    private static string Key(string language, string id) => $"{language}\u0001{id}";
}
