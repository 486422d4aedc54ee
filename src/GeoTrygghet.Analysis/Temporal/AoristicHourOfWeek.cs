namespace GeoTrygghet.Analysis.Temporal;

/// <summary>
/// Aoristic weighting (Ratcliffe 2000, "Aoristic analysis: the spatial interpretation of unspecific
/// temporal events", IJGIS 14(7); Ratcliffe 2002, J. Quant. Criminology 18(1)): an event known only to
/// lie within a time span counts in each hour of the week in proportion to the share of the span
/// that falls in it, so a burglary "between Friday 17:00 and Monday 07:00" adds its one event spread
/// over the weekend instead of all at Friday 17:00. Hours are of local time (Monday 00–01 is 0,
/// Sunday 23–24 is 167). An instant counts whole in its hour; a span of a week or more counts 1/168
/// in every hour. Each event adds exactly its weight in total.
/// </summary>
public static class AoristicHourOfWeek
{
    public const int Hours = 168;

    public static void Add(double[] profile, DateTimeOffset from, DateTimeOffset? to, TimeZoneInfo zone, double weight = 1)
    {
        if (profile.Length != Hours)
        {
            throw new ArgumentException("the profile must have 168 hours.", nameof(profile));
        }

        if (to is null || to <= from)
        {
            profile[HourOfWeek(TimeZoneInfo.ConvertTime(from, zone))] += weight;
            return;
        }

        var total = (to.Value - from).TotalMinutes;
        if (total >= Hours * 60)
        {
            for (var h = 0; h < Hours; h++)
            {
                profile[h] += weight / Hours;
            }

            return;
        }

        // Walk the span hour by hour in UTC (local hours are whole UTC hours in Sweden) and give each
        // piece to the local hour of week it falls in.
        var cursor = from;
        while (cursor < to.Value)
        {
            var nextHour = new DateTimeOffset(cursor.UtcDateTime.Date.AddHours(cursor.UtcDateTime.Hour + 1), TimeSpan.Zero);
            var end = nextHour < to.Value ? nextHour : to.Value;
            profile[HourOfWeek(TimeZoneInfo.ConvertTime(cursor, zone))] += weight * (end - cursor).TotalMinutes / total;
            cursor = end;
        }
    }

    public static int HourOfWeek(DateTimeOffset local) => ((((int)local.DayOfWeek + 6) % 7) * 24) + local.Hour;
}
