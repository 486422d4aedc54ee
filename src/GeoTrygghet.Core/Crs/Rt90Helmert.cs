namespace GeoTrygghet.Core.Crs;

/// <summary>
/// The RT90 ↔ WGS 84 datum shift, EPSG:1896 "RT90 to WGS 84 (2)": a seven-parameter Helmert
/// transformation (position-vector convention: tx 414.1, ty 41.3, tz 603.1 m; rx −0.855″, ry 2.141″,
/// rz −7.023″; scale 0) between the Bessel 1841 and WGS 84 ellipsoids. Written out here, rather than
/// left to ProjNet's TOWGS84, because PROJ (and so PostGIS) applies the reverse step as
/// Rᵀ·(X − T)/(1 + s) while ProjNet negates the parameters, which differs by ~2 cm; this class does
/// what PROJ does so both land within a millimetre. Accuracy of the shift itself is about 1 m (EPSG).
/// Stateless and thread-safe.
/// </summary>
public static class Rt90Helmert
{
    private const double ArcSecond = Math.PI / (180 * 3600);
    private const double Tx = 414.1, Ty = 41.3, Tz = 603.1, Scale = 0;
    private const double Rx = -0.855 * ArcSecond, Ry = 2.141 * ArcSecond, Rz = -7.023 * ArcSecond;

    private static readonly Ellipsoid Bessel = new(6377397.155, 1 / 299.1528128);
    private static readonly Ellipsoid Wgs84 = new(6378137, 1 / 298.257223563);

    /// <summary>Bessel (RT90) longitude/latitude in degrees to WGS 84 longitude/latitude.</summary>
    public static (double Lon, double Lat) ToWgs84(double lon, double lat)
    {
        var (x, y, z) = Bessel.ToCartesian(lon, lat);
        var k = 1 + Scale * 1e-6;
        var xo = Tx + k * (x - Rz * y + Ry * z);
        var yo = Ty + k * (Rz * x + y - Rx * z);
        var zo = Tz + k * (-Ry * x + Rx * y + z);
        return Wgs84.ToGeodetic(xo, yo, zo);
    }

    /// <summary>WGS 84 longitude/latitude in degrees to Bessel (RT90) longitude/latitude.</summary>
    public static (double Lon, double Lat) FromWgs84(double lon, double lat)
    {
        var (x, y, z) = Wgs84.ToCartesian(lon, lat);
        var k = 1 + Scale * 1e-6;
        double dx = (x - Tx) / k, dy = (y - Ty) / k, dz = (z - Tz) / k;
        // The transpose of the (small-angle) rotation matrix, as PROJ's reverse Helmert step.
        var xi = dx + Rz * dy - Ry * dz;
        var yi = -Rz * dx + dy + Rx * dz;
        var zi = Ry * dx - Rx * dy + dz;
        return Bessel.ToGeodetic(xi, yi, zi);
    }

    private sealed record Ellipsoid(double A, double F)
    {
        private double E2 => F * (2 - F);

        public (double X, double Y, double Z) ToCartesian(double lonDeg, double latDeg)
        {
            var lon = lonDeg * Math.PI / 180;
            var lat = latDeg * Math.PI / 180;
            var n = A / Math.Sqrt(1 - E2 * Math.Sin(lat) * Math.Sin(lat));
            return (n * Math.Cos(lat) * Math.Cos(lon), n * Math.Cos(lat) * Math.Sin(lon), n * (1 - E2) * Math.Sin(lat));
        }

        public (double Lon, double Lat) ToGeodetic(double x, double y, double z)
        {
            var p = Math.Sqrt(x * x + y * y);
            var lat = Math.Atan2(z, p * (1 - E2));
            for (var i = 0; i < 10; i++)
            {
                var n = A / Math.Sqrt(1 - E2 * Math.Sin(lat) * Math.Sin(lat));
                var h = p / Math.Cos(lat) - n;
                var next = Math.Atan2(z, p * (1 - E2 * n / (n + h)));
                if (Math.Abs(next - lat) < 1e-14)
                {
                    lat = next;
                    break;
                }

                lat = next;
            }

            return (Math.Atan2(y, x) * 180 / Math.PI, lat * 180 / Math.PI);
        }
    }
}
