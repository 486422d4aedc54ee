using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;
using NetTopologySuite.IO;

namespace GeoTrygghet.IntegrationTests.Overlay;

/// <summary>
/// <c>gt overlay</c> on the demo town: the planted dark path is mostly unlit before its new lighting and lit
/// after, with exactly the planted broken lamps; what cameras see lies inside PostGIS's own view sectors during
/// their hours; area sums match PostGIS; candidates cover only dark, unlit events.
/// </summary>
public sealed class OverlayCommandTests : IClassFixture<DemoTownDatabase>, IDisposable
{
    private readonly DemoTownDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-overlay-").FullName;
    private readonly JsonElement _truth;

    public OverlayCommandTests(DemoTownDatabase db)
    {
        _db = db;
        _truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(GtProcess.RepositoryRoot, "data", "demo", "ground_truth.json"))).RootElement.Clone();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_dark_path_is_unlit_before_its_new_lamps_and_lit_after_with_the_planted_broken_lamps_named()
    {
        var rows = Events();
        var corridor = new WKTReader().Read(_truth.GetProperty("dark_path").GetProperty("corridor_wkt").GetString());
        var date = DateTimeOffset.Parse(_truth.GetProperty("lighting_measure").GetProperty("date").GetString()! + "T00:00:00+02:00", CultureInfo.InvariantCulture);
        var onPath = rows.Where(r => r.Dark && corridor.Covers(corridor.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(r.X, r.Y)))).ToList();
        var before = onPath.Where(r => r.Time < date).ToList();
        var after = onPath.Where(r => r.Time >= date).ToList();
        Assert.True(before.Count > 50 && after.Count > 25, $"{before.Count} and {after.Count} dark events on the path");
        var litBefore = (double)before.Count(r => r.Lit) / before.Count;
        var litAfter = (double)after.Count(r => r.Lit) / after.Count;
        Assert.True(litBefore < 0.5, $"old lamps 75 m apart light {litBefore:P0} of the dark events");
        Assert.True(litAfter > 0.9, $"new lamps 25 m apart light {litAfter:P0} of the dark events");
        var plantedOut = _truth.GetProperty("lighting_measure").GetProperty("old_lights_out_before").EnumerateArray().Select(e => e.GetString()!).Order().ToList();
        Assert.Equal(plantedOut, before.SelectMany(r => r.LampsOut).Distinct().Order().ToList());
        Assert.Empty(after.SelectMany(r => r.LampsOut));
    }

    [Fact]
    public void What_the_cameras_see_lies_in_PostGIS_view_sectors_and_recording_hours()
    {
        var watched = Events().Where(r => r.Cameras.Count > 0).ToList();
        Assert.True(watched.Count > 20, $"{watched.Count} watched events");
        var ids = string.Join(',', watched.Select(r => r.Id[2..]));
        var outside = _db.Scalar($"""
            SELECT count(*) FROM incidents i
            WHERE i.id IN ({ids})
              AND NOT EXISTS (SELECT 1 FROM camera_view_sectors s JOIN cameras c ON c.id = s.camera_id
                              WHERE ST_Covers(ST_Buffer(s.geom, 0.5), i.geom)
                                AND (c.installed_on IS NULL OR c.installed_on <= (i.time_from AT TIME ZONE 'Europe/Stockholm')::date)
                                AND (c.hours_start IS NULL OR CASE WHEN c.hours_start < c.hours_end
                                     THEN (i.time_from AT TIME ZONE 'Europe/Stockholm')::time >= c.hours_start AND (i.time_from AT TIME ZONE 'Europe/Stockholm')::time < c.hours_end
                                     ELSE (i.time_from AT TIME ZONE 'Europe/Stockholm')::time >= c.hours_start OR (i.time_from AT TIME ZONE 'Europe/Stockholm')::time < c.hours_end END))
            """);
        Assert.Equal(0, outside);
    }

    [Fact]
    public void Area_counts_match_PostGIS_and_a_runs_hotspots_get_their_share_after_dark()
    {
        var output = Path.Combine(_dir, "areas.csv");
        var run = GtProcess.Run(_db.ConnectionString, "overlay", "areas", "--areas", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        var rows = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(_db.Scalar("SELECT count(*) FROM areas"), rows.Count);
        foreach (var r in rows)
        {
            var expected = _db.Scalar($"SELECT count(*) FROM incidents i JOIN areas a ON ST_Covers(a.geom, i.geom) WHERE a.external_id = '{r[0]}'");
            Assert.Equal(expected, long.Parse(r[2], CultureInfo.InvariantCulture));
            Assert.InRange(double.Parse(r[11], CultureInfo.InvariantCulture), 0.05, 1);
        }

        var dbscan = GtProcess.Run(_db.ConnectionString, "hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "overlay-test");
        Assert.True(dbscan.ExitCode == 0, dbscan.All);
        var hotspots = Path.Combine(_dir, "hotspots.geojson");
        var overlay = GtProcess.Run(_db.ConnectionString, "overlay", "areas", "--run", "overlay-test", "--out", hotspots);
        Assert.True(overlay.ExitCode == 0, overlay.All);
        var features = JsonNode.Parse(File.ReadAllText(hotspots))!["features"]!.AsArray();
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.InRange(f!["properties"]!["dark_share"]!.GetValue<double>(), 0, 1));
        var missing = GtProcess.Run(_db.ConnectionString, "overlay", "areas", "--run", "no-such-run", "--out", hotspots);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no analysis run 'no-such-run'", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lamp_candidates_cover_only_dark_unlit_events_in_falling_order()
    {
        var output = Path.Combine(_dir, "candidates.geojson");
        var run = GtProcess.Run(_db.ConnectionString, "overlay", "candidates", "--kind", "light", "--k", "4", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        var features = JsonNode.Parse(File.ReadAllText(output))!["features"]!.AsArray();
        Assert.Equal(4, features.Count);
        var darkUnlit = Events().Where(r => r.Dark && !r.Lit).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var previous = double.MaxValue;
        var share = 0.0;
        foreach (var f in features)
        {
            var p = f!["properties"]!;
            Assert.True(p["weight"]!.GetValue<double>() <= previous);
            previous = p["weight"]!.GetValue<double>();
            Assert.True(p["cumulative_share"]!.GetValue<double>() > share);
            share = p["cumulative_share"]!.GetValue<double>();
            Assert.All(p["event_ids"]!.GetValue<string>().Split(';'), id => Assert.Contains(id, darkUnlit));
        }
    }

    private sealed record Row(string Id, double X, double Y, DateTimeOffset Time, bool Dark, bool Lit, List<string> LampsOut, List<string> Cameras);

    private List<Row> Events()
    {
        var output = Path.Combine(_dir, $"events-{Guid.NewGuid():N}.csv");
        var run = GtProcess.Run(_db.ConnectionString, "overlay", "events", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        return File.ReadLines(output).Skip(1).Select(l => l.Split(',')).Select(p => new Row(p[0], D(p[1]), D(p[2]),
            DateTimeOffset.Parse(p[3], CultureInfo.InvariantCulture), p[5] == "1", p[6] == "1",
            p[7].Split(';', StringSplitOptions.RemoveEmptyEntries).ToList(), p[8].Split(';', StringSplitOptions.RemoveEmptyEntries).ToList())).ToList();
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
