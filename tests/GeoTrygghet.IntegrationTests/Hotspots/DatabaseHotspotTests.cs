using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Hotspots;

/// <summary>
/// <c>gt hotspots</c> without <c>--input</c>: events filtered by PostGIS, the run stored with its
/// features. The database filters are checked against the same selection written independently in
/// SQL and run through the file mode.
/// </summary>
public sealed class DatabaseHotspotTests : IClassFixture<TestDatabase>, IDisposable
{
    private readonly TestDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-hot-").FullName;

    public DatabaseHotspotTests(TestDatabase db)
    {
        _db = db;
        var demo = GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        Assert.True(demo.ExitCode == 0, demo.All);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_database_run_equals_the_file_run_on_the_same_events_and_is_stored_with_its_cells()
    {
        var fromDb = Path.Combine(_dir, "db.csv");
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "gistar", "--from", "2023-01-01", "--to", "2023-12-31", "--category", "violence",
            "--cell", "100", "--band", "250", "--name", "våld 2023", "--out", fromDb);
        Assert.True(run.ExitCode == 0, run.All);

        // The same selection, written here in SQL: violence group, local dates of 2023.
        var rows = _db.Rows("""
            SELECT id, ST_X(geom), ST_Y(geom) FROM incidents
            WHERE category_group = 'violence'
              AND (time_from AT TIME ZONE 'Europe/Stockholm')::date BETWEEN '2023-01-01' AND '2023-12-31'
            ORDER BY id
            """);
        var csv = new StringBuilder("id,x,y\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r[0]},{(double)r[1]!:R},{(double)r[2]!:R}\n");
        }

        var input = Path.Combine(_dir, "events.csv");
        File.WriteAllText(input, csv.ToString());
        var fromFile = Path.Combine(_dir, "file.csv");
        var fileRun = GtProcess.Run(_db.ConnectionString, "hotspots", "gistar", "--input", input, "--cell", "100", "--band", "250", "--out", fromFile);
        Assert.True(fileRun.ExitCode == 0, fileRun.All);

        Assert.True(rows.Count > 100);
        Assert.Equal(File.ReadAllLines(fromFile), File.ReadAllLines(fromDb));
        var stored = _db.Rows("SELECT id, method, feature_count, (report->>'Points')::int FROM analysis_runs WHERE name = 'våld 2023'").Single();
        Assert.Equal("Getis-Ord Gi*", stored[1]);
        Assert.Equal(File.ReadAllLines(fromDb).Length - 1, (int)stored[2]!);
        Assert.Equal(rows.Count, (int)stored[3]!);
        Assert.Equal((long)(int)stored[2]!, _db.Scalar($"SELECT count(*) FROM analysis_features WHERE run_id = {stored[0]} AND ST_Area(geom) BETWEEN 9999.99 AND 10000.01"));
    }

    [Fact]
    public void A_drawn_study_area_limits_the_events_in_the_database_and_in_a_file_alike()
    {
        var area = Path.Combine(_dir, "drawn.geojson");
        File.WriteAllText(area, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3006"}},
             "features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[555800,6597000],[556300,6597000],[556300,6597500],[555800,6597500],[555800,6597000]]]}}]}
            """);
        var expected = _db.Scalar("SELECT count(*) FROM incidents WHERE ST_Covers(ST_MakeEnvelope(555800, 6597000, 556300, 6597500, 3006), geom)");

        var db = GtProcess.Run(_db.ConnectionString, "hotspots", "kde", "--area-file", area, "--cell", "50", "--bandwidth", "100", "--name", "drawn area");
        Assert.True(db.ExitCode == 0, db.All);
        Assert.Equal(expected, _db.Scalar("SELECT (report->>'Points')::bigint FROM analysis_runs WHERE name = 'drawn area'"));

        var events = Path.Combine(_dir, "all.csv");
        File.WriteAllLines(events, _db.Rows("SELECT id, ST_X(geom), ST_Y(geom) FROM incidents").Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]},{(double)r[1]!:R},{(double)r[2]!:R}")).Prepend("id,x,y"));
        var output = Path.Combine(_dir, "drawn.csv");
        var file = GtProcess.Run(_db.ConnectionString, "hotspots", "kde", "--input", events, "--area-file", area, "--cell", "50", "--bandwidth", "100", "--out", output);
        Assert.True(file.ExitCode == 0, file.All);
        using var meta = JsonDocument.Parse(File.ReadAllText(output + ".meta.json"));
        Assert.Equal(expected, meta.RootElement.GetProperty("Points").GetInt64());
    }

    [Fact]
    public void A_dual_kde_divides_the_incident_density_by_the_density_of_working_lights()
    {
        var output = Path.Combine(_dir, "dual.csv");
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "kde", "--cell", "100", "--bandwidth", "200", "--ratio-to", "lights", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        var rows = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("cx,cy,density,denominator,ratio", File.ReadLines(output).First());
        var withRatio = rows.Where(r => r[4].Length > 0).ToList();
        Assert.NotEmpty(withRatio);
        Assert.All(withRatio, r => Assert.Equal(double.Parse(r[2], CultureInfo.InvariantCulture) / double.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture), 9));
        // Where no working lamp is near, there is no ratio rather than a division by zero.
        Assert.All(rows.Where(r => double.Parse(r[3], CultureInfo.InvariantCulture) == 0), r => Assert.Equal(string.Empty, r[4]));
    }

    [Fact]
    public void Hours_that_wrap_past_midnight_select_the_evening_and_the_night_in_Stockholm_time()
    {
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "kde", "--hours", "18-6", "--cell", "100", "--bandwidth", "200", "--name", "kväll och natt");
        Assert.True(run.ExitCode == 0, run.All);

        var expected = _db.Scalar("""
            SELECT count(*) FROM incidents
            WHERE extract(hour FROM time_from AT TIME ZONE 'Europe/Stockholm') >= 18
               OR extract(hour FROM time_from AT TIME ZONE 'Europe/Stockholm') < 6
            """);
        Assert.Equal(expected, _db.Scalar("SELECT (report->>'Points')::bigint FROM analysis_runs WHERE name = 'kväll och natt'"));
        Assert.True(expected < _db.Scalar("SELECT count(*) FROM incidents"));
    }

    [Fact]
    public void An_unknown_area_and_a_repeated_run_name_are_refused_with_what_to_do()
    {
        var area = GtProcess.Run(_db.ConnectionString, "hotspots", "gistar", "--area", "Ingenstans");
        Assert.Equal(2, area.ExitCode);
        Assert.Contains("no area named 'Ingenstans'", area.Stderr, StringComparison.Ordinal);
        Assert.Contains("Centrum", area.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, GtProcess.Run(_db.ConnectionString, "hotspots", "dbscan", "--eps", "30", "--min-points", "10", "--area", "Centrum", "--name", "centrum").ExitCode);
        var again = GtProcess.Run(_db.ConnectionString, "hotspots", "dbscan", "--eps", "30", "--min-points", "10", "--area", "Centrum", "--name", "centrum");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
        using var report = JsonDocument.Parse((string)_db.Rows("SELECT report::text FROM analysis_runs WHERE name = 'centrum'").Single()[0]!);
        Assert.Equal(30, report.RootElement.GetProperty("Parameters").GetProperty("eps_m").GetDouble());
        // Every cluster of a run limited to Centrum lies in Centrum.
        Assert.Equal(0, _db.Scalar("""
            SELECT count(*) FROM analysis_features f JOIN analysis_runs r ON r.id = f.run_id, areas a
            WHERE r.name = 'centrum' AND a.name = 'Centrum' AND NOT ST_Intersects(a.geom, f.geom)
            """));
    }
}
