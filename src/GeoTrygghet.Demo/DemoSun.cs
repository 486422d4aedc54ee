namespace GeoTrygghet.Demo;

/// <summary>
/// The darkness rule of the demo town: it is dark when the sun is more than 6° below the horizon
/// (civil twilight has ended), with the sun's elevation from NOAA's general solar position formulas
/// (fractional-year Fourier series for the declination and the equation of time, no refraction) at the
/// town centre, 59.51° N 15.99° E. Accurate to a few minutes of clock time, which is all a demo needs.
/// </summary>
internal static class DemoSun
{
    public const double LatitudeDeg = 59.51;
    public const double LongitudeDeg = 15.99;
    public const double DarkBelowDeg = -6.0;

    public static double ElevationDeg(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var daysInYear = DateTime.IsLeapYear(utc.Year) ? 366.0 : 365.0;
        var hour = utc.Hour + utc.Minute / 60.0 + utc.Second / 3600.0;
        var g = 2.0 * Math.PI / daysInYear * (utc.DayOfYear - 1 + (hour - 12.0) / 24.0);
        var equationOfTimeMin = 229.18 * (0.000075 + 0.001868 * Math.Cos(g) - 0.032077 * Math.Sin(g)
            - 0.014615 * Math.Cos(2 * g) - 0.040849 * Math.Sin(2 * g));
        var declination = 0.006918 - 0.399912 * Math.Cos(g) + 0.070257 * Math.Sin(g) - 0.006758 * Math.Cos(2 * g)
            + 0.000907 * Math.Sin(2 * g) - 0.002697 * Math.Cos(3 * g) + 0.00148 * Math.Sin(3 * g);
        var trueSolarMinutes = hour * 60.0 + equationOfTimeMin + 4.0 * LongitudeDeg;
        var hourAngle = (trueSolarMinutes / 4.0 - 180.0) * Math.PI / 180.0;
        var latitude = LatitudeDeg * Math.PI / 180.0;
        var sinElevation = Math.Sin(latitude) * Math.Sin(declination) + Math.Cos(latitude) * Math.Cos(declination) * Math.Cos(hourAngle);
        return Math.Asin(Math.Clamp(sinElevation, -1.0, 1.0)) * 180.0 / Math.PI;
    }

    public static bool IsDark(DateTimeOffset instant) => ElevationDeg(instant) < DarkBelowDeg;
}
