using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace GeoTrygghet.IntegrationTests.Crs;

/// <summary>
/// A deployment may choose another projected analysis CRS (README): the end-to-end path — schema, import of the demo
/// files, a stored Gi* and DBSCAN run, tiles, OGC pages, an evaluation, an overlay and a plan — works in a database made
/// with <c>GEOTRYGGHET_SRID=3010</c> (SWEREF 99 16 30) as it does in one made with 3006, and every command after
/// <c>gt db up</c> takes the CRS from the database without the variable. (With 3010, <c>gt db up</c> ended in an
/// unhandled EF Core PendingModelChangesWarning, and evaluations mixed SRIDs.)
/// </summary>
public sealed class AnalysisCrsEndToEndTests
{
    // Stora torget, the demo's planted hotspot H1, in SWEREF 99 TM.
    private const double TorgetE = 556033, TorgetN = 6597260;

    [Fact]
    public async Task The_demo_gives_the_same_answers_in_a_database_made_with_another_analysis_crs()
    {
        var tm = await EndToEnd(3006);
        var other = await EndToEnd(3010);
        Assert.Equal(tm.BboxIncidents, other.BboxIncidents);
        Assert.Equal(tm.FirstPositions, other.FirstPositions);
        Assert.Equal(tm.TileFeatures, other.TileFeatures);
    }

    private sealed record Answers(long BboxIncidents, IReadOnlyList<string> FirstPositions, int TileFeatures);

    private static async Task<Answers> EndToEnd(int srid)
    {
        using var db = TestDatabase.WithoutSchema();
        var up = GtProcess.RunWith(db.ConnectionString, new Dictionary<string, string> { ["GEOTRYGGHET_SRID"] = srid.ToString(CultureInfo.InvariantCulture) }, "db", "up");
        Assert.True(up.ExitCode == 0, up.All);
        Assert.Equal(srid, db.Scalar("SELECT Find_SRID('public', 'incidents', 'geom')"));
        Assert.Equal(srid, db.Scalar("SELECT Find_SRID('public', 'patrol_visits', 'geom')"));

        // From here on without the variable: the database says which CRS it has.
        var demo = GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        Assert.True(demo.ExitCode == 0, demo.All);
        Assert.True(db.Scalar("SELECT count(*) FROM incidents") > 1000);
        foreach (var args in new[] { new[] { "hotspots", "gistar", "--name", "demo Gi*" }, ["hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "demo DBSCAN"] })
        {
            var run = GtProcess.Run(db.ConnectionString, args);
            Assert.True(run.ExitCode == 0, run.All);
        }

        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM analysis_features WHERE ST_SRID(geom) <> {srid}"));
        var torget = $"ST_Transform(ST_SetSRID(ST_MakePoint({TorgetE}, {TorgetN}), 3006), {srid})";
        Assert.True(db.Scalar($"SELECT count(*) FROM analysis_features f JOIN analysis_runs r ON r.id = f.run_id WHERE r.name = 'demo DBSCAN' AND ST_Covers(f.geom, {torget})") == 1,
            "the DBSCAN run finds Stora torget");
        Assert.True(db.Scalar($"SELECT count(*) FROM analysis_features f JOIN analysis_runs r ON r.id = f.run_id WHERE r.name = 'demo Gi*' AND (f.properties->>'bin')::int = 3 AND ST_DWithin(f.geom, {torget}, 30)") >= 1,
            "the Gi* run has a 99 % hot cell at Stora torget");
        Assert.Equal($"EPSG:{srid}", db.Rows("SELECT report->'Parameters'->>'crs' FROM analysis_runs WHERE name = 'demo Gi*'").Single()[0]);

        var cli = GtProcess.Run(db.ConnectionString, "hotspots", "knox", "--from", "2024-01-01");
        Assert.True(cli.ExitCode == 0, cli.All);

        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        await using var app = ServerApp.Build(new ServerOptions { ConnectionString = db.ConnectionString, Urls = url });
        await app.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", GeoTrygghet.Application.Access.Accounts.IssueToken(db.ConnectionString, "polis.analytiker", TimeSpan.FromHours(1)).Token);

        using var page = JsonDocument.Parse(await http.GetStringAsync($"{url}/ogc/collections/incidents/items?bbox=15.985,59.505,15.995,59.512&limit=10000"));
        var positions = page.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("geometry").GetProperty("coordinates"))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c[0].GetDouble():0.00000},{c[1].GetDouble():0.00000}"))
            .Order(StringComparer.Ordinal).Take(20).ToList();

        var bytes = await http.GetByteArrayAsync($"{url}/tiles/incidents/14/8919/4802.mvt");
        using var stream = new MemoryStream(bytes);
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(8919, 4802, 14));
        var tileFeatures = tile.Layers.Where(l => l.Name == "incidents").Sum(l => l.Features.Count);
        Assert.True(tileFeatures > 0);

        foreach (var path in new[] { "/evaluate/M01", "/overlay/areas?areas=all", "/overlay/lit.geojson", "/patrol/plan.json?shift=2024-11-29T18:00/02:00&patrols=2", "/tiles/hotspots.json", "/raster/incidents/14/8919/4802.png" })
        {
            using var response = await http.GetAsync(url + path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} in EPSG:{srid}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await app.StopAsync();
        return new Answers(page.RootElement.GetProperty("numberReturned").GetInt64(), positions, tileFeatures);
    }

}
