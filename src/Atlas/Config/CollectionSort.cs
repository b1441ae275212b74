namespace Atlas.Config;

/// <summary>The order of a collection's index: by a field (entities without it last), then by slug.</summary>
public sealed record CollectionSort(string Field, bool Descending);
