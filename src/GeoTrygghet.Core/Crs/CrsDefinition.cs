namespace GeoTrygghet.Core.Crs;

/// <summary>
/// A coordinate reference system GeoTrygghet knows: its EPSG code, its PROJ parameters (the ones
/// PostGIS 3 ships in <c>spatial_ref_sys</c>, so both sides transform with the same numbers) and the
/// area, in WGS 84 degrees, where coordinates in it make sense.
/// </summary>
public sealed record CrsDefinition(
    int Srid,
    string Name,
    bool IsGeographic,
    string Wkt,
    double MinLon,
    double MinLat,
    double MaxLon,
    double MaxLat)
{
    public string Code => $"EPSG:{Srid.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public bool ContainsLonLat(double lon, double lat) =>
        lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;
}
