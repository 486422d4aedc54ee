using System.Globalization;

namespace GeoTrygghet.Core.Reporting;

/// <summary>
/// A calendar quarter of Stockholm dates: the period of an EST follow-up. An event belongs to the quarter of its
/// <c>time_from</c> in Stockholm time (the counting rule stated in the README).
/// </summary>
public readonly record struct Quarter(int Year, int Number)
{
    public static Quarter Of(int year, int number)
    {
        if (number is < 1 or > 4)
        {
            throw new FormatException($"the quarter must be 1, 2, 3 or 4, not {number}");
        }

        if (year is < 1900 or > 2200)
        {
            throw new FormatException($"the year {year} is out of range");
        }

        return new Quarter(year, number);
    }

    /// <summary>The quarter that holds a date.</summary>
    public static Quarter Containing(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The last quarter that ended before the given day.</summary>
    public static Quarter LastCompleteBefore(DateOnly today) => Containing(today).Previous;

    public DateOnly First => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public Quarter YearBefore => new(Year - 1, Number);

    /// <summary>The first day of each of its three months.</summary>
    public IReadOnlyList<DateOnly> Months => [First, First.AddMonths(1), First.AddMonths(2)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year} Q{Number}");

    public string Label(ReportLanguage lang) => lang == ReportLanguage.Swedish
        ? string.Create(CultureInfo.InvariantCulture, $"kvartal {Number} {Year}")
        : string.Create(CultureInfo.InvariantCulture, $"Q{Number} {Year}");
}

/// <summary>The language of a report's text; Swedish unless English is asked for.</summary>
public enum ReportLanguage
{
    Swedish,
    English,
}
