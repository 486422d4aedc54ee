using System.Globalization;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Core.Patrol;

/// <summary>A shift written START/END in ISO 8601, Stockholm time unless an offset is given.</summary>
public static class ShiftText
{
    /// <summary>START/END; an END without a date takes START's, and the next day when it is not after START.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Parse(string text, string name)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new FormatException($"{name} '{text}': write START/END, e.g. 2024-11-29T18:00/2024-11-30T02:00 or 2024-11-29T18:00/02:00");
        }

        var from = Instant(parts[0], "start", name);
        var endText = parts[1].Trim();
        if (TimeOnly.TryParseExact(endText, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var endTime))
        {
            var localStart = TimeZoneInfo.ConvertTime(from, StockholmTime.Zone);
            var day = DateOnly.FromDateTime(localStart.DateTime);
            if (endTime <= TimeOnly.FromDateTime(localStart.DateTime))
            {
                day = day.AddDays(1);
            }

            endText = $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{endTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
        }

        var to = Instant(endText, "end", name);
        if (to <= from)
        {
            throw new FormatException($"{name} '{text}': the end is not after the start");
        }

        if ((to - from).TotalHours > 24)
        {
            throw new FormatException($"{name} '{text}': a shift of more than 24 hours; plan one shift at a time");
        }

        return (from, to);
    }

    private static DateTimeOffset Instant(string text, string which, string name)
    {
        var outcome = StockholmTime.TryParse(text.Trim(), out var utc, out var error);
        return outcome == StockholmTime.Outcome.Invalid
            ? throw new FormatException($"{name}: the {which} '{text}' is not an ISO 8601 time ({error})")
            : utc;
    }
}
