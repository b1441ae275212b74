using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Atlas.Model;

namespace Atlas.Exports;

/// <summary>
/// Entities' search documents (the parts that depend on the entity alone: names, summary, text, terms) as made by an earlier build in the same process (kept in SiteCaches): after an edit to one entity, the index of 10,000 is put together again from 9,999 kept entries and
/// one new one. An entry is kept per entity object (a changed entity is a new object) and per set of its prose.
/// Whoever owns it drops it when site.yml changes (collection titles, languages). Thread-safe.
/// </summary>
public sealed class SearchDocuments
{
    private ConditionalWeakTable<Entity, Entry> _entries = new();

    public void Clear() => _entries = new ConditionalWeakTable<Entity, Entry>();

    internal SearchIndexWriter.SearchDocument[] Get(Entity entity, ImmutableSortedDictionary<string, EntityText> texts, Func<SearchIndexWriter.SearchDocument[]> make)
    {
        if (_entries.TryGetValue(entity, out var entry) && ReferenceEquals(entry.Texts, texts))
        {
            return entry.Documents;
        }

        var documents = make();
        _entries.AddOrUpdate(entity, new Entry(texts, documents));
        return documents;
    }

    private sealed record Entry(ImmutableSortedDictionary<string, EntityText> Texts, SearchIndexWriter.SearchDocument[] Documents);
}
