using Atlas.Config;

namespace Atlas.Model;

/// <summary>"<see cref="Source"/> points at this entity through <see cref="Field"/>": the reverse of a reference.</summary>
public sealed record Backlink(Entity Source, FieldDefinition Field);
