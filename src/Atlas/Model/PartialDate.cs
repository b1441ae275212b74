using System.Globalization;

namespace Atlas.Model;

/// <summary>
/// A date known to the day, the month or only the year: sources say "December 2020" or "late 2023" as often as
/// "14 December 2021". Compares chronologically; a less precise date sorts before a precise one in the same period.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    public static bool TryParse(string text, out PartialDate date) => Problem(text, out date) is null;

    /// <summary>
    /// Null when <paramref name="text"/> is a date (then in <paramref name="date"/>); "" when it is not written YYYY-MM-DD,
    /// YYYY-MM or YYYY; otherwise what makes it impossible ("there is no month 13"). The year is checked first:
    /// calendar arithmetic on a year outside 1..9999 throws.
    /// </summary>
    public static string? Problem(string text, out PartialDate date)
    {
        date = default;
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            parts.Skip(1).Any(p => p.Length != 2 || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return "";
        }

        if (year is < 1000 or > 9999)
        {
            return $"there is no year {parts[0]} in the atlas (years run from 1000 to 9999)";
        }

        int? month = null;
        int? day = null;
        if (parts.Length >= 2)
        {
            var m = int.Parse(parts[1], CultureInfo.InvariantCulture);
            if (m is < 1 or > 12)
            {
                return $"there is no month {parts[1]} (months run from 01 to 12)";
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            var d = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var days = DateTime.DaysInMonth(year, month!.Value);
            if (d < 1 || d > days)
            {
                var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Value);
                return $"there is no day {parts[2]} in {name} {year} (it has {days} days)";
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return null;
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
