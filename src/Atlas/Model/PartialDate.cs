using System.Globalization;

namespace Atlas.Model;

/// <summary>
/// A date known to the day, the month or only the year: sources say "December 2020" or "late 2023" as often as
/// "14 December 2021". Compares chronologically; a less precise date sorts before a precise one in the same period.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        int? month = null;
        int? day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ||
                d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return year is >= 1000 and <= 9999;
    }

    public int CompareTo(PartialDate other)
    {
        var c = Year.CompareTo(other.Year);
        if (c == 0)
        {
            c = (Month ?? 0).CompareTo(other.Month ?? 0);
        }

        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    /// <summary>ISO 8601 form (2021, 2021-12, 2021-12-14), as used in data exports and datetime attributes.</summary>
    public override string ToString() =>
        Day is { } d ? $"{Year:D4}-{Month:D2}-{d:D2}" : Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";
}
