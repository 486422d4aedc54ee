using System.Globalization;
using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Hotspots;

/// <summary>
/// The hotspot verbs find what the demo town planted (data/demo/ground_truth.json), run as a user
/// runs them: the gt process on the committed demo files.
/// </summary>
public sealed class DemoGroundTruthTests : IClassFixture<TestDatabase>, IDisposable
{
    private readonly TestDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-truth-").FullName;
    private readonly string _input;
    private readonly JsonElement _hotspots;

    public DemoGroundTruthTests(TestDatabase db)
    {
        _db = db;
        var demo = Path.Combine(GtProcess.RepositoryRoot, "data", "demo");
        // The hotspot contract's columns from the demo's incidents (x, y are already EPSG:3006).
        _input = Path.Combine(_dir, "incidents.csv");
        File.WriteAllLines(_input, File.ReadLines(Path.Combine(demo, "incidents.csv")).Select(l => string.Join(',', l.Split(',').Take(5))));
        _hotspots = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo, "ground_truth.json"))).RootElement.GetProperty("hotspots").Clone();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Gi_star_marks_the_cells_at_the_planted_hotspots_hot_at_99_percent()
    {
        var output = Path.Combine(_dir, "gi.csv");
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "gistar", "--input", _input, "--cell", "50", "--band", "100", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        var cells = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).Select(p => (X: D(p[0]), Y: D(p[1]), Bin: int.Parse(p[5], CultureInfo.InvariantCulture))).ToList();
        foreach (var id in new[] { "H1", "H2" })
        {
            var (x, y) = Centre(id);
            var cell = cells.OrderBy(c => ((c.X - x) * (c.X - x)) + ((c.Y - y) * (c.Y - y))).First();
            Assert.True(cell.Bin == 3, $"{id}: the cell at its centre has bin {cell.Bin}");
        }
    }

    [Fact]
    public void The_hotspot_planted_in_the_last_year_is_found_emerging_by_quarter()
    {
        var output = Path.Combine(_dir, "emerging.csv");
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "emerging", "--input", _input, "--cell", "100", "--band", "150", "--step", "quarter", "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        var (x, y) = Centre("H4");
        var cell = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).OrderBy(p => Math.Pow(D(p[0]) - x, 2) + Math.Pow(D(p[1]) - y, 2)).First();
        Assert.Contains(cell[2], new[] { "consecutive_hot", "new_hot" });
        Assert.Equal("0", cell[6]); // cold_steps: never a cold spot
    }

    [Fact]
    public void Dbscan_puts_the_centre_of_every_compact_planted_hotspot_in_a_cluster()
    {
        var output = Path.Combine(_dir, "clusters.geojson");
        var labels = Path.Combine(_dir, "labels.csv");
        var run = GtProcess.Run(_db.ConnectionString, "hotspots", "dbscan", "--input", _input, "--eps", "30", "--min-points", "15", "--out", labels, "--clusters", output);
        Assert.True(run.ExitCode == 0, run.All);
        using var doc = JsonDocument.Parse(File.ReadAllText(output));
        var polygons = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => new NetTopologySuite.IO.WKTReader().Read(Wkt(f.GetProperty("geometry")))).ToList();
        foreach (var id in new[] { "H1", "H2" })
        {
            var (x, y) = Centre(id);
            var point = new NetTopologySuite.Geometries.Point(x, y);
            Assert.True(polygons.Any(p => p.Distance(point) < 30), $"{id}: no cluster within 30 m of its centre");
        }

        Assert.Equal("DBSCAN", doc.RootElement.GetProperty("analysis").GetProperty("Method").GetString());
    }

    private (double X, double Y) Centre(string id)
    {
        var h = _hotspots.EnumerateArray().First(e => e.GetProperty("id").GetString() == id);
        if (h.TryGetProperty("centre", out var c))
        {
            return (c[0].GetDouble(), c[1].GetDouble());
        }

        var start = h.GetProperty("from");
        var end = h.GetProperty("to");
        return ((start[0].GetDouble() + end[0].GetDouble()) / 2, (start[1].GetDouble() + end[1].GetDouble()) / 2);
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Wkt(JsonElement geometry)
    {
        var rings = geometry.GetProperty("coordinates").EnumerateArray().Select(ring =>
            "(" + string.Join(", ", ring.EnumerateArray().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p[0].GetDouble():R} {p[1].GetDouble():R}"))) + ")");
        return $"POLYGON ({string.Join(", ", rings)})";
    }
}
