using System.Collections.Immutable;
using Atlas.Config;
using Atlas.Diagnostics;

namespace Atlas.Model;

/// <summary>A typed, validated field value with the place it was written (for diagnostics raised later).</summary>
public abstract record FieldValue(SourceLocation Location)
{
    /// <summary>The entities the value names; each must exist (checked once all entities are known).</summary>
    public virtual IEnumerable<EntityId> LinkedEntities => [];
}

public sealed record TextValue(SourceLocation Location, string Text) : FieldValue(Location);

public sealed record LocalizedValue(SourceLocation Location, LocalizedText Text) : FieldValue(Location);

/// <summary>A number kept as decimal so that 81986.67 prints as written, never as 81986.6699999.</summary>
public sealed record NumberValue(SourceLocation Location, decimal Number) : FieldValue(Location);

public sealed record DateValue(SourceLocation Location, PartialDate Date) : FieldValue(Location);

public sealed record YearValue(SourceLocation Location, int Year) : FieldValue(Location);

public sealed record CoordinatesValue(SourceLocation Location, double Longitude, double Latitude) : FieldValue(Location);

public sealed record EnumValue(SourceLocation Location, string Value) : FieldValue(Location);

public sealed record TagsValue(SourceLocation Location, ImmutableArray<string> Values) : FieldValue(Location);

public sealed record TextsValue(SourceLocation Location, ImmutableArray<string> Values) : FieldValue(Location);

public sealed record UnitValue(SourceLocation Location, Unit Unit) : FieldValue(Location);

public sealed record BooleanValue(SourceLocation Location, bool Value) : FieldValue(Location);

public sealed record UrlValue(SourceLocation Location, string Url) : FieldValue(Location);

/// <summary>A reference or list of references (in the order written), resolved: every target exists.</summary>
public sealed record ReferencesValue(SourceLocation Location, ImmutableArray<EntityId> Targets) : FieldValue(Location)
{
    public override IEnumerable<EntityId> LinkedEntities => Targets;
}
