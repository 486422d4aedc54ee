using System.Text.RegularExpressions;
using GeoTrygghet.Core.Crs;

namespace GeoTrygghet.Core.Import.Readers;

/// <summary>
/// Recognises the SRID of the WKT in a Shapefile's .prj (ESRI names) or a GeoPackage's srs
/// definition: an EPSG authority clause when present, else the CRS name.
/// </summary>
public static partial class PrjSrid
{
    private static readonly (string Pattern, int Srid)[] Names =
    [
        ("SWEREF99_TM", 3006), ("SWEREF99 TM", 3006),
        ("RT90_25_gon_V", 3021), ("RT90 2.5 gon V", 3021), ("RT90_2.5_gon_V", 3021),
        ("Web_Mercator", 3857), ("Pseudo-Mercator", 3857), ("Pseudo_Mercator", 3857),
        ("SWEREF99_12_00", 3007), ("SWEREF99_13_30", 3008), ("SWEREF99_15_00", 3009), ("SWEREF99_16_30", 3010),
        ("SWEREF99_18_00", 3011), ("SWEREF99_14_15", 3012), ("SWEREF99_15_45", 3013), ("SWEREF99_17_15", 3014),
        ("SWEREF99_18_45", 3015), ("SWEREF99_20_15", 3016), ("SWEREF99_21_45", 3017), ("SWEREF99_23_15", 3018),
    ];

    public static int? FromWkt(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt))
        {
            return null;
        }

        // The last AUTHORITY clause belongs to the outermost CRS.
        var authorities = Authority().Matches(wkt);
        if (authorities.Count > 0)
        {
            var srid = int.Parse(authorities[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (CrsRegistry.IsKnown(srid))
            {
                return srid;
            }
        }

        var normalized = wkt.Replace(' ', '_');
        foreach (var (pattern, srid) in Names)
        {
            if (normalized.Contains(pattern.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
            {
                return srid;
            }
        }

        var trimmed = wkt.TrimStart();
        if (trimmed.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase) &&
            (wkt.Contains("WGS_1984", StringComparison.OrdinalIgnoreCase) || wkt.Contains("WGS 84", StringComparison.OrdinalIgnoreCase)))
        {
            return 4326;
        }

        return null;
    }

    /// <summary>The CRS's name, the first quoted text of the WKT, for messages.</summary>
    public static string NameOf(string wkt) =>
        QuotedName().Match(wkt) is { Success: true } m ? m.Groups[1].Value : wkt.Length > 60 ? wkt[..60] + "…" : wkt;

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"AUTHORITY\[\s*""EPSG""\s*,\s*""?(\d+)""?\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Authority();
}
