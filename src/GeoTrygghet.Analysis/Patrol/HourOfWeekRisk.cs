using GeoTrygghet.Analysis.Temporal;

namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// A hotspot's risk by hour of the week from its recent events: each event spread over the hours of its time
/// span (aoristic, <see cref="AoristicHourOfWeek"/>) with a weight that halves every <c>halfLifeDays</c> before
/// the reference instant (exponential decay, as in prospective hot-spotting: Bowers, Johnson &amp; Pease 2004,
/// "Prospective hot-spotting: the future of crime mapping?", British Journal of Criminology 44(5)). Events older
/// than the look-back or after the reference do not count.
/// </summary>
public static class HourOfWeekRisk
{
    public static double[] Profile(IEnumerable<(DateTimeOffset From, DateTimeOffset? To, double Weight)> events, DateTimeOffset reference, double lookBackDays, double halfLifeDays, TimeZoneInfo zone)
    {
        if (!(lookBackDays > 0) || !(halfLifeDays > 0))
        {
            throw new AnalysisException("the look-back and the half-life must be positive numbers of days.");
        }

        var profile = new double[AoristicHourOfWeek.Hours];
        foreach (var (from, to, weight) in events)
        {
            var age = (reference - from).TotalDays;
            if (age < 0 || age > lookBackDays)
            {
                continue;
            }

            AoristicHourOfWeek.Add(profile, from, to, zone, weight * Math.Pow(0.5, age / halfLifeDays));
        }

        return profile;
    }
}
