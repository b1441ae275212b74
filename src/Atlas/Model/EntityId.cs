namespace Atlas.Model;

/// <summary>An entity's identity: its collection and slug. Written <c>collection/slug</c>.</summary>
public readonly record struct EntityId(string Collection, string Slug) : IComparable<EntityId>
{
    public int CompareTo(EntityId other)
    {
        var c = string.CompareOrdinal(Collection, other.Collection);
        return c != 0 ? c : string.CompareOrdinal(Slug, other.Slug);
    }

    public override string ToString() => $"{Collection}/{Slug}";
}
