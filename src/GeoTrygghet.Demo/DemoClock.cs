using System.Globalization;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Demo;

/// <summary>Stockholm wall-clock times as instants with their offset, never one that does not exist.</summary>
internal static class DemoClock
{
    /// <summary>
    /// The instant at the given minute after local midnight of the day (may run past 24 h into later days).
    /// A time in the spring-forward gap is moved an hour later, as a clock would show it; a time in the
    /// autumn hour that happens twice takes the second occurrence when <paramref name="second"/> is set.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, int minuteOfDay, bool second)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        if (StockholmTime.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        TimeSpan offset;
        if (StockholmTime.Zone.IsAmbiguousTime(local))
        {
            var offsets = StockholmTime.Zone.GetAmbiguousTimeOffsets(local);
            offset = second ? offsets.Min() : offsets.Max();
        }
        else
        {
            offset = StockholmTime.Zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset);
    }

    public static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly NextOrSame(DateOnly date, DayOfWeek day)
    {
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
