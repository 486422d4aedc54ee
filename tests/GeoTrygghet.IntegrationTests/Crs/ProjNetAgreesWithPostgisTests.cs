using System.Globalization;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Crs;

/// <summary>
/// Every CRS of the registry transforms as PostGIS <c>ST_Transform</c> does, to within a centimetre, over
/// a grid of points across Sweden (each local zone over its own band).
/// </summary>
public sealed class ProjNetAgreesWithPostgisTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    public static TheoryData<int> Srids() => new(CrsRegistry.All.Select(c => c.Srid).Where(s => s != 4326).Order());

    [Theory]
    [MemberData(nameof(Srids))]
    public void Forward_and_back_to_SWEREF99_TM_agree_with_ST_Transform_within_a_centimetre(int srid)
    {
        var crs = CrsRegistry.Get(srid);
        var points = new List<(double Lon, double Lat)>();
        for (var lat = 55.4; lat <= 69.0; lat += 0.85)
        {
            for (var lon = Math.Max(crs.MinLon, 10.6) + 0.05; lon <= Math.Min(crs.MaxLon, 24.0); lon += crs.MaxLon - crs.MinLon > 5 ? 0.9 : 0.3)
            {
                points.Add((lon, lat));
            }
        }

        Assert.True(points.Count >= 20, $"too few sample points for EPSG:{srid}");
        var toCrs = new GeometryReprojector(4326, srid);
        var toSweref = new GeometryReprojector(srid, 3006);
        var values = string.Join(",", points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"({i},{p.Lon:R},{p.Lat:R})")));
        var rows = db.Rows(string.Create(CultureInfo.InvariantCulture, $"""
            WITH p(i, lon, lat) AS (VALUES {values}),
                 t AS (SELECT i, ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), {srid}) AS g FROM p)
            SELECT i, ST_X(g), ST_Y(g), ST_X(ST_Transform(g, 3006)), ST_Y(ST_Transform(g, 3006)) FROM t ORDER BY i
            """));
        var worstForward = 0.0;
        var worstBack = 0.0;
        foreach (var row in rows)
        {
            var i = (int)row[0]!;
            var (x, y) = toCrs.Transform(points[i].Lon, points[i].Lat);
            var factor = srid == 3857 ? Math.Cos(points[i].Lat * Math.PI / 180) : 1.0; // Web Mercator metres are stretched
            worstForward = Math.Max(worstForward, Math.Sqrt(Math.Pow(x - (double)row[1]!, 2) + Math.Pow(y - (double)row[2]!, 2)) * factor);
            var (sx, sy) = toSweref.Transform((double)row[1]!, (double)row[2]!);
            worstBack = Math.Max(worstBack, Math.Sqrt(Math.Pow(sx - (double)row[3]!, 2) + Math.Pow(sy - (double)row[4]!, 2)));
        }

        Assert.True(worstForward < 0.01, string.Create(CultureInfo.InvariantCulture, $"EPSG:4326 → EPSG:{srid} differs from PostGIS by {worstForward:0.0000} m"));
        Assert.True(worstBack < 0.01, string.Create(CultureInfo.InvariantCulture, $"EPSG:{srid} → EPSG:3006 differs from PostGIS by {worstBack:0.0000} m"));
    }
}
