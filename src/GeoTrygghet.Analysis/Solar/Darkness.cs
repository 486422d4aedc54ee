namespace GeoTrygghet.Analysis.Solar;

/// <summary>
/// Whether it was dark at a time and place, and what share of a time span was dark: the span is
/// sampled every minute up to 2,016 samples (longer spans evenly, e.g. every 5 minutes over a week) and the
/// share of samples with the sun more than 6° below the horizon is the aoristic dark share — an
/// incident "between 20:00 and 08:00" in December counts as almost wholly dark, in June hardly at all.
/// </summary>
public static class Darkness
{
    public static DaylightClass Classify(DateTimeOffset utc, double latitude, double longitude)
    {
        var elevation = SolarPosition.GeometricElevationDegrees(utc, latitude, longitude);
        return elevation < -SolarPosition.CivilDepression ? DaylightClass.Dark
            : elevation < -SolarPosition.SunriseDepression ? DaylightClass.CivilTwilight
            : DaylightClass.Day;
    }

    public static double DarkShare(DateTimeOffset from, DateTimeOffset? to, double latitude, double longitude)
    {
        if (to is null || to <= from)
        {
            return Classify(from, latitude, longitude) == DaylightClass.Dark ? 1 : 0;
        }

        var minutes = (to.Value - from).TotalMinutes;
        var samples = (int)Math.Clamp(Math.Ceiling(minutes), 1, 2_016);
        var step = (to.Value - from) / samples;
        var dark = 0;
        for (var k = 0; k < samples; k++)
        {
            // The middle of each step stands for it.
            if (Classify(from + (step * (k + 0.5)), latitude, longitude) == DaylightClass.Dark)
            {
                dark++;
            }
        }

        return (double)dark / samples;
    }
}
