using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Patrol;

/// <summary>
/// Following a plan up on the demo town: a GPS track that follows the plan gives every visit and minute back
/// (imported twice, stored once); check-ins of half the stops give half the dosage; the events counted under
/// presence are those PostGIS counts for the same places and hours; a bad check-in row changes nothing.
/// </summary>
public sealed class PatrolFollowUpTests : IClassFixture<DemoTownDatabase>, IDisposable
{
    private readonly DemoTownDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-followup-").FullName;
    private readonly string _plan;
    private readonly JsonObject _planJson;

    public PatrolFollowUpTests(DemoTownDatabase db)
    {
        _db = db;
        if (_db.Scalar("SELECT count(*) FROM analysis_runs WHERE name = 'followup-test'") == 0)
        {
            var run = GtProcess.Run(db.ConnectionString, "hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "followup-test");
            Assert.True(run.ExitCode == 0, run.All);
        }

        _plan = Path.Combine(_dir, "plan.json");
        var plan = GtProcess.Run(db.ConnectionString, "patrol", "plan", "--shift", "2024-11-29T18:00/02:00", "--patrols", "2", "--run", "followup-test", "--seed", "3", "--out", _plan);
        Assert.True(plan.ExitCode == 0, plan.All);
        _planJson = JsonNode.Parse(File.ReadAllText(_plan))!.AsObject();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_track_that_follows_the_plan_gives_every_visit_and_minute_back_and_counts_the_events_PostGIS_counts()
    {
        var gpx = Path.Combine(_dir, "track.gpx");
        File.WriteAllText(gpx, Track(Stops()));
        var first = GtProcess.Run(_db.ConnectionString, "patrol", "visits", gpx, "--source", "track");
        Assert.True(first.ExitCode == 0, first.All);
        var again = GtProcess.Run(_db.ConnectionString, "patrol", "visits", gpx, "--source", "track");
        Assert.Contains($"0 new, 0 updated, {Stops().Count} unchanged", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(Stops().Count, _db.Scalar("SELECT count(*) FROM patrol_visits WHERE source = 'track'"));

        var result = FollowUp("track");
        var totals = result["totals"]!;
        Assert.Equal(totals["visits_planned"]!.GetValue<int>(), totals["visits_made"]!.GetValue<int>());
        Assert.Equal(totals["minutes_planned"]!.GetValue<double>(), totals["minutes_made"]!.GetValue<double>(), 1);
        Assert.Equal(1.0, totals["dosage"]!.GetValue<double>(), 3);

        // Events within 100 m of the busiest hotspot during its visits and the two hours after, counted by PostGIS.
        var hotspot = result["hotspots"]!.AsArray().OrderByDescending(h => h!["visits_made"]!.GetValue<int>()).First()!;
        var id = hotspot["hotspot"]!.GetValue<string>();
        var stops = Stops().Where(s => s["hotspot"]!.GetValue<string>() == id).ToList();
        var windows = string.Join(" OR ", stops.Select(s => $"(i.time_from >= '{s["arrive"]}'::timestamptz AND i.time_from < '{s["depart"]}'::timestamptz + interval '120 minutes')"));
        var before = string.Join(" OR ", Enumerable.Range(1, 8).SelectMany(k => stops.Select(s =>
            $"(i.time_from >= '{s["arrive"]}'::timestamptz - interval '{7 * k} days' AND i.time_from < '{s["depart"]}'::timestamptz + interval '120 minutes' - interval '{7 * k} days')")));
        var point = $"ST_Transform(ST_SetSRID(ST_MakePoint({stops[0]["lon"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture)}, {stops[0]["lat"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture)}), 4326), 3006)";
        Assert.Equal(_db.Scalar($"SELECT count(*) FROM incidents i WHERE ST_DWithin(i.geom, {point}, 100) AND ({windows})"), hotspot["events_with_presence"]!.GetValue<long>());
        Assert.Equal(_db.Scalar($"SELECT count(*) FROM incidents i WHERE ST_DWithin(i.geom, {point}, 100) AND ({before})"), hotspot["events_without"]!.GetValue<long>());
        Assert.NotNull(result["summary_sv"]);
    }

    [Fact]
    public void Check_ins_of_half_the_stops_give_half_the_dosage_and_a_bad_row_changes_nothing()
    {
        var stops = Stops();
        var half = stops.Where((_, i) => i % 2 == 0).ToList();
        var csv = new StringBuilder("patrol,arrive,depart,lon,lat\n");
        foreach (var s in half)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s["patrol"]},{s["arrive"]},{s["depart"]},{s["lon"]!.GetValue<double>()},{s["lat"]!.GetValue<double>()}\n");
        }

        var path = Path.Combine(_dir, "checkins.csv");
        File.WriteAllText(path, csv.ToString());
        var import = GtProcess.Run(_db.ConnectionString, "patrol", "visits", path, "--source", "checkins");
        Assert.True(import.ExitCode == 0, import.All);
        var nosuch = GtProcess.Run(_db.ConnectionString, "patrol", "followup", "--plan", _plan, "--source", "nosuch", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, nosuch.ExitCode);
        Assert.Contains("sources: checkins", nosuch.Stderr, StringComparison.Ordinal);
        var totals = FollowUp("checkins")["totals"]!;
        Assert.Equal(half.Count, totals["visits_made"]!.GetValue<int>());
        Assert.Equal(half.Sum(s => s["minutes"]!.GetValue<double>()), totals["minutes_made"]!.GetValue<double>(), 1);

        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, csv.ToString() + "2,2024-11-29T23:00,2024-11-29T22:00,15.99,59.51\n");
        var count = _db.Scalar("SELECT count(*) FROM patrol_visits");
        var refused = GtProcess.Run(_db.ConnectionString, "patrol", "visits", bad, "--source", "bad");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"row {half.Count + 1} (line {half.Count + 2}), field depart", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(count, _db.Scalar("SELECT count(*) FROM patrol_visits"));

        // A batch can be taken out again: counted first, deleted with --yes.
        var counted = GtProcess.Run(_db.ConnectionString, "patrol", "delete-visits", "--source", "checkins");
        Assert.Contains($"{half.Count} visits of source 'checkins'", counted.Stdout, StringComparison.Ordinal);
        Assert.Equal(half.Count, _db.Scalar("SELECT count(*) FROM patrol_visits WHERE source = 'checkins'"));
        var deleted = GtProcess.Run(_db.ConnectionString, "patrol", "delete-visits", "--source", "checkins", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.All);
        Assert.Equal(0, _db.Scalar("SELECT count(*) FROM patrol_visits WHERE source = 'checkins'"));
    }

    private List<JsonNode> Stops() => _planJson["stops"]!.AsArray().Select(s => s!).ToList();

    private JsonNode FollowUp(string source)
    {
        var output = Path.Combine(_dir, $"followup-{source}.json");
        var run = GtProcess.Run(_db.ConnectionString, "patrol", "followup", "--plan", _plan, "--source", source, "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonNode.Parse(File.ReadAllText(output))!;
    }

    /// <summary>A GPX track per patrol that stands at each stop from arrival to departure, a point every 30 s.</summary>
    private static string Track(List<JsonNode> stops)
    {
        var gpx = new StringBuilder("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
        foreach (var patrol in stops.GroupBy(s => s["patrol"]!.GetValue<int>()))
        {
            gpx.Append(CultureInfo.InvariantCulture, $"<trk><name>Patrull {patrol.Key}</name><trkseg>\n");
            foreach (var s in patrol)
            {
                var depart = DateTimeOffset.Parse(s["depart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                for (var t = DateTimeOffset.Parse(s["arrive"]!.GetValue<string>(), CultureInfo.InvariantCulture); t <= depart; t = t.AddSeconds(30))
                {
                    gpx.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{s["lat"]!.GetValue<double>()}\" lon=\"{s["lon"]!.GetValue<double>()}\"><time>{t.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</time></trkpt>\n");
                }
            }

            gpx.Append("</trkseg></trk>\n");
        }

        return gpx.Append("</gpx>\n").ToString();
    }
}
