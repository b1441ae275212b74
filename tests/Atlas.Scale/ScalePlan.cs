using System.Collections.Immutable;

namespace Atlas.Scale;

/// <summary>
/// How many copies of each real entity to write. Each collection keeps its share of the real atlas (largest
/// remainder, so the counts add up to exactly N). Copy j of a collection with r real entities is batch k = j / r of
/// real entity j % r: batch 0 is the real atlas itself (original slugs and names), batch k &gt; 0 is
/// <c>&lt;slug&gt;-&lt;k&gt;</c>. The last batch of a collection may be partial.
/// References of batch k point to batch k of their target, or, where that copy is not written (a partial last batch),
/// to the highest batch below k that is: every reference resolves and every entity receives the backlinks of a
/// bounded number of entities, so backlinks and taxonomy terms grow linearly with N.
/// </summary>
public sealed class ScalePlan
{
    private readonly ImmutableDictionary<string, int> _counts;
    private readonly ImmutableDictionary<(string Collection, string Slug), int> _index;
    private readonly RealAtlas _real;

    public ScalePlan(RealAtlas real, int total)
    {
        _real = real;
        var realTotal = real.EntityCount;
        if (total < realTotal)
        {
            throw new ScaleException($"--entities must be at least {realTotal}, the size of the real atlas (batch 0 is the real atlas itself)");
        }

        // Largest remainder: floor of each quota, then one more for the largest fractional parts (ties by name).
        var quotas = real.Collections.Select(c => (c.Name, Exact: (long)total * c.Entities.Length, Real: c.Entities.Length)).ToList();
        var counts = quotas.ToDictionary(q => q.Name, q => (int)(q.Exact / realTotal), StringComparer.Ordinal);
        var left = total - counts.Values.Sum();
        foreach (var q in quotas.OrderByDescending(q => q.Exact % realTotal).ThenBy(q => q.Name, StringComparer.Ordinal).Take(left))
        {
            counts[q.Name]++;
        }

        _counts = counts.ToImmutableDictionary(StringComparer.Ordinal);
        _index = real.Collections.SelectMany(c => c.Entities.Select((e, i) => (Key: (c.Name, e.Slug), i)))
            .ToImmutableDictionary(x => x.Key, x => x.i);
        Total = total;

        // A copy's slug must be valid and must not collide with another entity's (e.g. "a-1" copied from "a" vs a real "a-1").
        foreach (var collection in real.Collections)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < Count(collection.Name); j++)
            {
                var slug = Slug(collection, j);
                if (slug.Length > 100 || !seen.Add(slug))
                {
                    throw new ScaleException($"copy slug '{collection.Name}/{slug}' is too long or not unique");
                }
            }
        }
    }

    public int Total { get; }

    public int Count(string collection) => _counts[collection];

    public static int Batch(RealCollection collection, int copy) => copy / collection.Entities.Length;

    public static RealEntity Original(RealCollection collection, int copy) => collection.Entities[copy % collection.Entities.Length];

    public static string Slug(RealCollection collection, int copy) => CopySlug(Original(collection, copy).Slug, Batch(collection, copy));

    public static string CopySlug(string slug, int batch) => batch == 0 ? slug : $"{slug}-{batch}";

    /// <summary>The slug that a reference to <paramref name="collection"/>/<paramref name="slug"/> becomes in batch <paramref name="batch"/>.</summary>
    public string Resolve(string collection, string slug, int batch)
    {
        if (!_index.TryGetValue((collection, slug), out var index))
        {
            return slug; // not a real entity: leave it (the real atlas would not build either)
        }

        var real = _real.Collection(collection).Entities.Length;
        var highest = (_counts[collection] - 1 - index) / real; // the last batch that has a copy of this entity
        return CopySlug(slug, Math.Min(batch, highest));
    }

    public string Describe() => string.Join(", ", _real.Collections.Select(c => $"{c.Name} {_counts[c.Name]}"));
}
