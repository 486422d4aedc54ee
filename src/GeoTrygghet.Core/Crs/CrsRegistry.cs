using System.Globalization;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoTrygghet.Core.Crs;

/// <summary>
/// The coordinate reference systems that Swedish municipal and open data come in: WGS 84, SWEREF 99 TM,
/// the twelve SWEREF 99 local zones, RT90 2.5 gon V and Web Mercator. Parameters are those of EPSG as
/// PostGIS 3 stores them, including the RT90 → WGS 84 seven-parameter shift, so that a point
/// transformed here lands where PostGIS <c>ST_Transform</c> puts it. Thread-safe: definitions are
/// immutable and transforms are created per call of <see cref="CreateTransform"/>.
/// </summary>
public static class CrsRegistry
{
    private const string Grs80 = "SPHEROID[\"GRS 1980\",6378137,298.257222101]";
    private const string Sweref99Datum = "DATUM[\"SWEREF99\"," + Grs80 + ",TOWGS84[0,0,0,0,0,0,0]]";
    private const string Degree = "UNIT[\"degree\",0.0174532925199433]";
    private const string Metre = "UNIT[\"metre\",1]";

    // Sweden's extent from the EPSG area of use of SWEREF 99 (code 1225), rounded outward.
    private const double SwedenMinLon = 10.0, SwedenMinLat = 54.9, SwedenMaxLon = 24.2, SwedenMaxLat = 69.1;

    private static readonly Dictionary<int, CrsDefinition> Definitions = Build();

    public static IReadOnlyCollection<CrsDefinition> All => Definitions.Values;

    public static bool IsKnown(int srid) => Definitions.ContainsKey(srid);

    public static CrsDefinition Get(int srid) =>
        Definitions.TryGetValue(srid, out var definition)
            ? definition
            : throw new UnknownCrsException(srid, Definitions.Keys.Order().ToArray());

    /// <summary>
    /// True for RT90 (EPSG:3021): its WKT is the projection on the Bessel ellipsoid alone, and the datum
    /// shift to WGS 84 is <see cref="Rt90Helmert"/>.
    /// </summary>
    public static bool NeedsRt90Shift(int srid) => srid == 3021;

    /// <summary>Parses "EPSG:3006", "epsg:3006", "3006" or an OGC URN/URL ending in the code.</summary>
    public static int ParseCode(string text)
    {
        var trimmed = text.Trim();
        var lastSeparator = trimmed.LastIndexOfAny([':', '/']);
        var digits = lastSeparator >= 0 ? trimmed[(lastSeparator + 1)..] : trimmed;
        if (trimmed.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return 4326;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var srid))
        {
            throw new FormatException($"'{text}' is not a CRS code; write it as EPSG:3006.");
        }

        return srid;
    }

    /// <summary>
    /// From a CRS to longitude/latitude on its own datum (WGS 84/SWEREF 99 for all but RT90, whose
    /// own is Bessel 1841): the projection alone, no datum shift.
    /// </summary>
    public static MathTransform CreateToOwnGeographic(int srid)
    {
        var factory = new CoordinateSystemFactory();
        var cs = factory.CreateFromWkt(Get(srid).Wkt);
        var geographic = cs is ProjectedCoordinateSystem p ? p.GeographicCoordinateSystem : (GeographicCoordinateSystem)cs;
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(cs, geographic).MathTransform;
    }

    /// <summary>A ProjNet transform between two CRSs; not for RT90 (see <see cref="GeometryReprojector"/>).</summary>
    public static ICoordinateTransformation CreateTransform(int fromSrid, int toSrid)
    {
        var factory = new CoordinateSystemFactory();
        var from = factory.CreateFromWkt(Get(fromSrid).Wkt);
        var to = factory.CreateFromWkt(Get(toSrid).Wkt);
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(from, to);
    }

    private static Dictionary<int, CrsDefinition> Build()
    {
        var list = new List<CrsDefinition>
        {
            new(4326, "WGS 84", true,
                "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0]," + Degree + ",AUTHORITY[\"EPSG\",\"4326\"]]",
                -180, -90, 180, 90),
            new(3857, "WGS 84 / Pseudo-Mercator", false, ProjectedCoordinateSystem.WebMercator.WKT, -180, -85.06, 180, 85.06),
            TransverseMercator(3006, "SWEREF99 TM", Sweref99Datum, 15, 0.9996, 500000, SwedenMinLon, SwedenMaxLon),
            TransverseMercator(3021, "RT90 2.5 gon V", "DATUM[\"Rikets_koordinatsystem_1990\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]]",
                15.80827777777778, 1, 1500000, SwedenMinLon, SwedenMaxLon),
        };

        // SWEREF 99 local zones (EPSG:3007–3018): central meridian, scale 1, false easting 150 000 m.
        // The area of use of each zone is its meridian ± about 1.1°; ±1.5° accepts the overlap that
        // municipal data near a zone border uses in practice.
        (int Srid, double Lon0, string Name)[] zones =
        [
            (3007, 12.00, "SWEREF99 12 00"), (3008, 13.50, "SWEREF99 13 30"), (3009, 15.00, "SWEREF99 15 00"),
            (3010, 16.50, "SWEREF99 16 30"), (3011, 18.00, "SWEREF99 18 00"), (3012, 14.25, "SWEREF99 14 15"),
            (3013, 15.75, "SWEREF99 15 45"), (3014, 17.25, "SWEREF99 17 15"), (3015, 18.75, "SWEREF99 18 45"),
            (3016, 20.25, "SWEREF99 20 15"), (3017, 21.75, "SWEREF99 21 45"), (3018, 23.25, "SWEREF99 23 15"),
        ];
        foreach (var (srid, lon0, name) in zones)
        {
            list.Add(TransverseMercator(srid, name, Sweref99Datum, lon0, 1, 150000, lon0 - 1.5, lon0 + 1.5));
        }

        return list.ToDictionary(d => d.Srid);
    }

    private static CrsDefinition TransverseMercator(
        int srid, string name, string datum, double centralMeridian, double scale, double falseEasting, double minLon, double maxLon)
    {
        var c = CultureInfo.InvariantCulture;
        var wkt = string.Create(c,
            $"PROJCS[\"{name}\",GEOGCS[\"{name} geographic\",{datum},PRIMEM[\"Greenwich\",0],{Degree}]," +
            $"PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{centralMeridian:R}]," +
            $"PARAMETER[\"scale_factor\",{scale:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",0],{Metre}," +
            $"AUTHORITY[\"EPSG\",\"{srid}\"]]");
        return new CrsDefinition(srid, name, false, wkt, minLon, SwedenMinLat, maxLon, SwedenMaxLat);
    }
}
