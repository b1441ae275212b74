using System.Collections.Immutable;

namespace Atlas.Model;

/// <summary>
/// One term of a taxonomy (a sector, a city, a year) and the entities filed under it, in site order.
/// <see cref="Target"/> is set when the term is an entity (a taxonomy over a reference field).
/// </summary>
public sealed record TaxonomyTerm(string Key, string? EnumField, EntityId? Target, int? Year, ImmutableArray<Entity> Entities);
