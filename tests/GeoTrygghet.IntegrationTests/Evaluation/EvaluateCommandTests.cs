using System.Text.Json;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Evaluation;

/// <summary>
/// <c>gt evaluate</c> on the demo town, run as a user runs it: the planted lighting measure (M01, night-time
/// incidents halved in the Parkstigen corridor) is found with the planted effect inside its interval, the
/// camera measure with no planted effect is not, and the counts are those PostGIS gives for the same areas.
/// </summary>
public sealed class EvaluateCommandTests : IClassFixture<DemoTownDatabase>, IDisposable
{
    private readonly DemoTownDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-eval-").FullName;
    private readonly JsonElement _truth;

    public EvaluateCommandTests(DemoTownDatabase db)
    {
        _db = db;
        _truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(GtProcess.RepositoryRoot, "data", "demo", "ground_truth.json"))).RootElement.Clone();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_planted_lighting_measure_is_found_after_dark_with_the_planted_effect_in_its_interval()
    {
        var result = Evaluate("--measure", "M01");
        var planted = 1 - _truth.GetProperty("lighting_measure").GetProperty("planted_effect_share").GetDouble();
        var dark = result["dark"]!["rate_ratio"]!;
        var (low, high) = Interval(dark["ci90"]!);
        Assert.True(low <= planted && planted <= high, $"planted night rate ratio {planted} outside the 90 % interval [{low}, {high}]");
        Assert.True(high < 1, "the fall after dark is significant");
        Assert.True(dark["p"]!.GetValue<double>() < 0.01);
        var (dayLow, dayHigh) = Interval(result["daylight"]!["rate_ratio"]!["ci90"]!);
        Assert.True(dayLow <= 1 && 1 <= dayHigh, $"no planted effect by day, but [{dayLow}, {dayHigh}]");
        Assert.True(result["wdd"]!["estimate"]!.GetValue<double>() < 0);
        Assert.Equal("2022-07-03", result["periods"]!["before"]!["from"]!.GetValue<string>());
        Assert.Contains("minskning", result["summary_sv"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_camera_measure_without_a_planted_effect_shows_none()
    {
        var result = Evaluate("--measure", "M02");
        Assert.Equal("camera", result["measure"]!["type"]!.GetValue<string>());
        var (low, high) = Interval(result["relative_effect"]!["ci90"]!);
        Assert.True(low <= 1 && 1 <= high, $"no planted effect, but the relative effect's interval is [{low}, {high}]");
        // The data start 2022-01-01, nine months before the camera: the default windows shrink to what the data cover, and say so.
        Assert.Equal(275, result["periods"]!["before"]!["days"]!.GetValue<int>());
        Assert.Contains("cover on both sides", result["defaults"]!["before_days"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_counts_are_those_PostGIS_gives_for_the_measure_its_200_m_ring_and_the_rest_of_the_districts()
    {
        var result = Evaluate("--measure", "M01", "--before", "200", "--after", "300");
        var sql = _db.Rows("""
            WITH m AS (SELECT geom FROM measures WHERE external_id = 'M01'),
                 d AS (SELECT ST_Union(geom) g FROM areas WHERE kind = 'district'),
                 e AS (SELECT i.geom, (i.time_from AT TIME ZONE 'Europe/Stockholm')::date AS day FROM incidents i)
            SELECT
              count(*) FILTER (WHERE ST_Covers(m.geom, e.geom) AND day >= date '2023-07-03' - 200 AND day < date '2023-07-03'),
              count(*) FILTER (WHERE ST_Covers(m.geom, e.geom) AND day >= date '2023-07-03' AND day < date '2023-07-03' + 300),
              count(*) FILTER (WHERE NOT ST_Covers(m.geom, e.geom) AND ST_DWithin(m.geom, e.geom, 200) AND day >= date '2023-07-03' - 200 AND day < date '2023-07-03'),
              count(*) FILTER (WHERE NOT ST_Covers(m.geom, e.geom) AND ST_DWithin(m.geom, e.geom, 200) AND day >= date '2023-07-03' AND day < date '2023-07-03' + 300),
              count(*) FILTER (WHERE ST_Covers(d.g, e.geom) AND NOT ST_DWithin(m.geom, e.geom, 200) AND day >= date '2023-07-03' - 200 AND day < date '2023-07-03'),
              count(*) FILTER (WHERE ST_Covers(d.g, e.geom) AND NOT ST_DWithin(m.geom, e.geom, 200) AND day >= date '2023-07-03' AND day < date '2023-07-03' + 300)
            FROM e, m, d
            """)[0];
        var counts = result["counts"]!;
        var names = new[] { "R0", "R1", "B0", "B1", "C0", "C1" };
        for (var i = 0; i < names.Length; i++)
        {
            // ST_Buffer's polygon approximates the circle's arcs, ST_DWithin is exact: an event right on the ring's edge may differ.
            var expected = (long)sql[i]!;
            var ours = counts[names[i]]!.GetValue<long>();
            Assert.True(Math.Abs(ours - expected) <= Math.Max(1, expected / 500), $"{names[i]}: gt {ours}, PostGIS {expected}");
        }

        Assert.Equal(counts["R0"]!.GetValue<long>(), result["dark"]!["counts"]!["R0"]!.GetValue<long>() + result["daylight"]!["counts"]!["R0"]!.GetValue<long>());
        Assert.Contains(result["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("periods differ in length", StringComparison.Ordinal));
    }

    [Fact]
    public void A_treated_file_with_a_date_gives_the_same_evaluation_as_the_register()
    {
        var measures = JsonNode.Parse(File.ReadAllText(Path.Combine(GtProcess.RepositoryRoot, "data", "demo", "measures.geojson")))!.AsObject();
        var m01 = measures["features"]!.AsArray().First(f => f!["properties"]!["id"]!.GetValue<string>() == "M01")!.DeepClone();
        var file = Path.Combine(_dir, "parkstigen.geojson");
        File.WriteAllText(file, new JsonObject { ["type"] = "FeatureCollection", ["crs"] = measures["crs"]!.DeepClone(), ["features"] = new JsonArray(m01) }.ToJsonString());
        var fromFile = Evaluate("--treated", file, "--date", "2023-07-03", "--dark-only");
        var fromRegister = Evaluate("--measure", "M01", "--dark-only");
        Assert.Equal(fromRegister["counts"]!.ToJsonString(), fromFile["counts"]!.ToJsonString());
        Assert.Equal(fromRegister["dark"]!["counts"]!.ToJsonString(), fromFile["counts"]!.ToJsonString());
    }

    [Fact]
    public void Wrong_requests_are_refused_with_a_message_that_helps()
    {
        var unknown = GtProcess.Run(_db.ConnectionString, "evaluate", "--measure", "M99");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no measure 'M99'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("M01", unknown.Stderr, StringComparison.Ordinal);
        var noDate = GtProcess.Run(_db.ConnectionString, "evaluate", "--treated", "x.geojson");
        Assert.Equal(2, noDate.ExitCode);
        Assert.Contains("--date", noDate.Stderr, StringComparison.Ordinal);
        var both = GtProcess.Run(_db.ConnectionString, "evaluate");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("either --measure", both.Stderr, StringComparison.Ordinal);
    }

    private JsonObject Evaluate(params string[] args)
    {
        var output = Path.Combine(_dir, $"eval-{Guid.NewGuid():N}.json");
        var run = GtProcess.Run(_db.ConnectionString, ["evaluate", .. args, "--out", output]);
        Assert.True(run.ExitCode == 0, run.All);
        var result = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        foreach (var key in new[] { "counts", "wdq", "success_measure", "wdd", "rate_ratio", "dark", "daylight", "summary_sv", "warnings" })
        {
            Assert.True(result.ContainsKey(key), $"the output has no '{key}'");
        }

        foreach (var key in new[] { "estimate", "se", "z", "ci90" })
        {
            Assert.NotNull(result["wdd"]![key]);
        }

        return result;
    }

    private static (double Low, double High) Interval(JsonNode ci) => (ci[0]!.GetValue<double>(), ci[1]!.GetValue<double>());
}
