namespace GeoTrygghet.Analysis.Solar;

/// <summary>
/// How many hours of a period were dark at a place (sun more than 6° below the horizon, the same rule as
/// <see cref="Darkness"/>): the exposure of after-dark rates. A year before and a year after hold the same
/// darkness, but a winter-heavy "before" holds far more than a summer-heavy "after", and counting
/// after-dark events per dark hour keeps the seasons from faking an effect. Sampled at the middle of every
/// minute.
/// </summary>
public static class DarkHours
{
    public static double Between(DateTimeOffset fromUtc, DateTimeOffset toUtc, double latitude, double longitude)
    {
        if (toUtc <= fromUtc)
        {
            return 0;
        }

        var minutes = (long)Math.Ceiling((toUtc - fromUtc).TotalMinutes);
        var dark = 0L;
        var start = fromUtc.AddSeconds(30);
        for (var k = 0L; k < minutes; k++)
        {
            if (Darkness.Classify(start.AddMinutes(k), latitude, longitude) == DaylightClass.Dark)
            {
                dark++;
            }
        }

        return dark / 60.0;
    }
}
