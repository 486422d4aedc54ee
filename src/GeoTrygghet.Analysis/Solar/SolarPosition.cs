namespace GeoTrygghet.Analysis.Solar;

/// <summary>
/// The sun's apparent elevation and the day's sunrise, sunset and civil twilight, by the NOAA Solar
/// Calculator equations (NOAA Global Monitoring Laboratory, after Meeus 1991, Astronomical Algorithms):
/// Julian century, the sun's geometric mean longitude and anomaly, equation of centre, apparent
/// longitude, corrected obliquity, declination and the equation of time; elevation corrected for
/// atmospheric refraction as NOAA does. Sunrise and sunset are when the sun's centre is 0.833° below
/// the horizon (34′ refraction plus 16′ semidiameter, the almanac convention), civil twilight ends at
/// 6° below; each event is iterated on its own time, so it agrees with almanacs to seconds. Latitude
/// north and longitude east in degrees; times in UTC. Stateless and thread-safe.
/// </summary>
public static class SolarPosition
{
    public const double SunriseDepression = 0.833;
    public const double CivilDepression = 6;

    /// <summary>The apparent elevation of the sun's centre in degrees, refraction included (negative below the horizon).</summary>
    public static double ElevationDegrees(DateTimeOffset utc, double latitude, double longitude)
    {
        var elevation = GeometricElevationDegrees(utc, latitude, longitude);
        return elevation + Refraction(elevation);
    }

    /// <summary>
    /// The geometric elevation of the sun's centre (no refraction): what the almanac thresholds
    /// (−0.833° for sunrise and sunset, −6° for civil twilight) are defined on.
    /// </summary>
    public static double GeometricElevationDegrees(DateTimeOffset utc, double latitude, double longitude)
    {
        var (declination, equationOfTime) = Sun(utc);
        var minutes = (utc.UtcDateTime.TimeOfDay.TotalMinutes + equationOfTime + (4 * longitude)) % 1440;
        var hourAngle = minutes / 4 < 0 ? (minutes / 4) + 180 : (minutes / 4) - 180;
        var lat = Rad(latitude);
        var dec = Rad(declination);
        var cosZenith = Math.Clamp((Math.Sin(lat) * Math.Sin(dec)) + (Math.Cos(lat) * Math.Cos(dec) * Math.Cos(Rad(hourAngle))), -1, 1);
        return 90 - Deg(Math.Acos(cosZenith));
    }

    /// <summary>
    /// When the sun's centre crosses <paramref name="depression"/> degrees below the horizon on a UTC
    /// date, rising (morning) or setting (evening); null when it does not cross that day (polar day or night).
    /// </summary>
    public static DateTimeOffset? Crossing(DateOnly dateUtc, double latitude, double longitude, double depression, bool rising)
    {
        var noon = new DateTimeOffset(dateUtc.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var t = noon;
        for (var iteration = 0; iteration < 5; iteration++)
        {
            var (declination, equationOfTime) = Sun(t);
            var lat = Rad(latitude);
            var dec = Rad(declination);
            var cosHa = (Math.Cos(Rad(90 + depression)) / (Math.Cos(lat) * Math.Cos(dec))) - (Math.Tan(lat) * Math.Tan(dec));
            if (cosHa is < -1 or > 1)
            {
                return null;
            }

            var hourAngle = Deg(Math.Acos(cosHa));
            var solarNoonMinutes = 720 - (4 * longitude) - equationOfTime;
            var minutes = solarNoonMinutes + ((rising ? -1 : 1) * hourAngle * 4);
            var next = new DateTimeOffset(dateUtc.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minutes);
            if (Math.Abs((next - t).TotalSeconds) < 0.5)
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    // Declination (degrees) and equation of time (minutes) at an instant, NOAA's spreadsheet formulas.
    private static (double Declination, double EquationOfTime) Sun(DateTimeOffset utc)
    {
        var julianDay = (utc.UtcDateTime - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays + 2451545.0;
        var t = (julianDay - 2451545.0) / 36525.0;
        var meanLong = (280.46646 + (t * (36000.76983 + (t * 0.0003032)))) % 360;
        var meanAnom = 357.52911 + (t * (35999.05029 - (0.0001537 * t)));
        var eccent = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        var m = Rad(meanAnom);
        var center = (Math.Sin(m) * (1.914602 - (t * (0.004817 + (0.000014 * t))))) + (Math.Sin(2 * m) * (0.019993 - (0.000101 * t))) + (Math.Sin(3 * m) * 0.000289);
        var trueLong = meanLong + center;
        var omega = 125.04 - (1934.136 * t);
        var appLong = trueLong - 0.00569 - (0.00478 * Math.Sin(Rad(omega)));
        var meanObliq = 23 + ((26 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60)) / 60);
        var obliq = meanObliq + (0.00256 * Math.Cos(Rad(omega)));
        var declination = Deg(Math.Asin(Math.Sin(Rad(obliq)) * Math.Sin(Rad(appLong))));
        var y = Math.Tan(Rad(obliq / 2)) * Math.Tan(Rad(obliq / 2));
        var l0 = Rad(meanLong);
        var eot = 4 * Deg((y * Math.Sin(2 * l0)) - (2 * eccent * Math.Sin(m)) + (4 * eccent * y * Math.Sin(m) * Math.Cos(2 * l0))
            - (0.5 * y * y * Math.Sin(4 * l0)) - (1.25 * eccent * eccent * Math.Sin(2 * m)));
        return (declination, eot);
    }

    // NOAA's approximation of atmospheric refraction (degrees) for an apparent elevation in degrees.
    private static double Refraction(double elevation)
    {
        if (elevation > 85)
        {
            return 0;
        }

        var te = Math.Tan(Rad(elevation));
        var arcSeconds = elevation > 5 ? (58.1 / te) - (0.07 / (te * te * te)) + (0.000086 / Math.Pow(te, 5))
            : elevation > -0.575 ? 1735 + (elevation * (-518.2 + (elevation * (103.4 + (elevation * (-12.79 + (elevation * 0.711)))))))
            : -20.772 / te;
        return arcSeconds / 3600;
    }

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    private static double Deg(double radians) => radians * 180 / Math.PI;
}
