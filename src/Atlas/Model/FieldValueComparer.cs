namespace Atlas.Model;

/// <summary>Orders values of the same field for sorting collections: dates by time, numbers by size, text ordinally.</summary>
public sealed class FieldValueComparer : IComparer<FieldValue>
{
    public static readonly FieldValueComparer Instance = new();

    public int Compare(FieldValue? x, FieldValue? y) => (x, y) switch
    {
        (DateValue a, DateValue b) => a.Date.CompareTo(b.Date),
        (NumberValue a, NumberValue b) => a.Number.CompareTo(b.Number),
        (YearValue a, YearValue b) => a.Year.CompareTo(b.Year),
        (TextValue a, TextValue b) => string.CompareOrdinal(a.Text, b.Text),
        (EnumValue a, EnumValue b) => string.CompareOrdinal(a.Value, b.Value),
        _ => string.CompareOrdinal(x?.ToString(), y?.ToString()),
    };
}
