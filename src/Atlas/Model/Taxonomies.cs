using System.Collections.Immutable;
using Atlas.Config;

namespace Atlas.Model;

/// <summary>
/// The terms of every taxonomy declared in site.yml, computed once from the model: which entities carry which
/// sector, which city, which year. Terms are ordered (enum values as declared, entities in site order, years
/// descending) and each term lists its entities in site order.
/// </summary>
public sealed class Taxonomies
{
    private readonly ImmutableDictionary<string, ImmutableArray<TaxonomyTerm>> _terms;
    private readonly ImmutableDictionary<(string, string), TaxonomyTerm> _byKey;

    public Taxonomies(SiteModel model)
    {
        var terms = ImmutableDictionary.CreateBuilder<string, ImmutableArray<TaxonomyTerm>>(StringComparer.Ordinal);
        foreach (var taxonomy in model.Config.Features.Taxonomies)
        {
            terms[taxonomy.Name] = taxonomy.IsByYear ? ByYear(model, taxonomy) : ByField(model, taxonomy.Field!);
        }

        _terms = terms.ToImmutable();
        _byKey = _terms.SelectMany(t => t.Value.Select(term => (Key: (t.Key, term.Key), term)))
            .ToImmutableDictionary(p => p.Key, p => p.term);
    }

    public ImmutableArray<TaxonomyTerm> Terms(string taxonomy) => _terms[taxonomy];

    /// <summary>One term by key, without scanning the terms (a taxonomy over cities has as many terms as cities).</summary>
    public TaxonomyTerm Term(string taxonomy, string key) => _byKey[(taxonomy, key)];

    private static ImmutableArray<TaxonomyTerm> ByYear(SiteModel model, TaxonomyConfig taxonomy)
    {
        var years = new SortedDictionary<int, List<Entity>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var entity in model.Entities)
        {
            foreach (var year in YearsOf(entity, taxonomy.DateFields).Distinct())
            {
                if (!years.TryGetValue(year, out var list))
                {
                    years[year] = list = [];
                }

                list.Add(entity);
            }
        }

        return [.. years.Select(p => new TaxonomyTerm(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, p.Key, [.. p.Value]))];
    }

    public static IEnumerable<int> YearsOf(Entity entity, ImmutableArray<string> fields)
    {
        foreach (var field in fields)
        {
            switch (entity.Field(field))
            {
                case DateValue date:
                    yield return date.Date.Year;
                    break;
                case YearValue year:
                    yield return year.Year;
                    break;
            }
        }
    }

    private static ImmutableArray<TaxonomyTerm> ByField(SiteModel model, string field)
    {
        var declared = model.Config.Collections.Select(c => c.Field(field)).OfType<FieldDefinition>().ToList();
        var byKey = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        var order = new List<(string Key, EntityId? Target, int Rank)>();
        foreach (var entity in model.Entities)
        {
            var keys = entity.Field(field) switch
            {
                TagsValue tags => tags.Values.Select(v => (v, (EntityId?)null)),
                EnumValue value => [(value.Value, (EntityId?)null)],
                ReferencesValue references => references.Targets.Select(t => (TermKey(t, declared), (EntityId?)t)),
                _ => [],
            };

            foreach (var (key, target) in keys)
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                    order.Add((key, target, Rank(model, key, target, declared)));
                }

                list.Add(entity);
            }
        }

        var enumField = declared.FirstOrDefault(f => f.Type == Fields.FieldTypes.Tags || f.Type == Fields.FieldTypes.Enum)?.Name;
        return [.. order.OrderBy(o => o.Rank).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new TaxonomyTerm(o.Key, o.Target is null ? enumField : null, o.Target, null, [.. byKey[o.Key]]))];
    }

    /// <summary>A term's URL segment: the slug, qualified by the collection when the field may point into several.</summary>
    private static string TermKey(EntityId target, List<FieldDefinition> declared) =>
        declared.All(f => f.Targets.Length <= 1) ? target.Slug : $"{target.Collection}-{target.Slug}";

    private static int Rank(SiteModel model, string key, EntityId? target, List<FieldDefinition> declared)
    {
        if (target is { } id)
        {
            return model.Position(id);
        }

        foreach (var definition in declared)
        {
            var index = definition.Values.IndexOf(key);
            if (index >= 0)
            {
                return index;
            }
        }

        return int.MaxValue;
    }
}
