using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary><c>gt demo</c> on a real PostGIS: every demo file loads whole, and loading it again changes nothing.</summary>
public sealed class DemoTownImportTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly string[] DemoTables = ["incidents", "reports", "street_lights", "cameras", "measures", "areas", "basemap_features"];

    [Fact]
    public void The_demo_town_imported_twice_gives_identical_table_counts_and_matches_its_files()
    {
        var first = GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        Assert.True(first.ExitCode == 0, first.All);
        var afterFirst = db.Counts();
        var maxId = db.Scalar("SELECT max(id) FROM incidents");

        var second = GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        Assert.True(second.ExitCode == 0, second.All);

        Assert.Equal(afterFirst, db.Counts());
        Assert.Equal(maxId, db.Scalar("SELECT max(id) FROM incidents"));
        Assert.DoesNotMatch(@"rejected [1-9]", first.Stdout);
        var demo = Path.Combine(GtProcess.RepositoryRoot, "data", "demo");
        Assert.Equal(File.ReadLines(Path.Combine(demo, "incidents.csv")).Count() - 1, afterFirst["incidents"]);
        Assert.Equal(File.ReadLines(Path.Combine(demo, "lights.csv")).Count() - 1, afterFirst["street_lights"]);
        using var measures = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo, "measures.geojson")));
        Assert.Equal(measures.RootElement.GetProperty("features").GetArrayLength(), afterFirst["measures"]);
        Assert.All(DemoTables, t => Assert.True(afterFirst[t] > 0, $"{t} is empty after the demo"));
    }

    [Fact]
    public void The_planted_lighting_measure_and_its_new_lights_are_linked_in_the_store()
    {
        GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        var measure = db.Rows("SELECT type, start_date, cardinality(assets) FROM measures WHERE external_id = 'M01'").Single();
        Assert.Equal("lighting", measure[0]);
        // Every light the measure names is stored, installed on the measure's date, and lies in its corridor.
        Assert.Equal(0, db.Scalar("""
            SELECT count(*) FROM measures m, unnest(m.assets) a
            WHERE m.external_id = 'M01' AND a LIKE 'light:%' AND NOT EXISTS (
                SELECT 1 FROM street_lights l WHERE l.external_id = substr(a, 7)
                  AND (l.installed_on = m.start_date OR l.status = 'removed') AND ST_DWithin(l.geom, m.geom, 30))
            """));
        Assert.True(db.Scalar("SELECT count(*) FROM street_light_status_periods WHERE status = 'out'") > 0);
    }

    /// <summary>
    /// Issue #11: plain <c>gt demo</c> loads a town that ends yesterday, replacing the committed one (no row of the old
    /// town and no run made of it is left), and the viewer's default plan, the coming Friday evening, finds hotspots with risk.
    /// </summary>
    [Fact]
    public void Plain_gt_demo_runs_up_to_yesterday_and_the_coming_friday_can_be_planned()
    {
        GtProcess.Run(db.ConnectionString, DemoLoad.NoServe);
        var oldRun = GtProcess.Run(db.ConnectionString, "hotspots", "gistar", "--name", "demo Gi*");
        Assert.True(oldRun.ExitCode == 0, oldRun.All);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var load = GtProcess.Run(db.ConnectionString, "demo", "--no-serve");
        Assert.True(load.ExitCode == 0, load.All);
        Assert.Contains("up to " + DemoLoad.CommittedEnd, load.Stdout);
        Assert.Contains("to " + yesterday, load.Stdout);

        var town = Path.Combine(GtProcess.RepositoryRoot, ".local", "demo", "town-" + yesterday);
        Assert.Equal(File.ReadLines(Path.Combine(town, "incidents.csv")).Count() - 1, db.Scalar("SELECT count(*) FROM incidents"));
        Assert.Equal(File.ReadLines(Path.Combine(town, "reports.csv")).Count() - 1, db.Scalar("SELECT count(*) FROM reports"));
        Assert.Equal(yesterday, db.Rows("SELECT value FROM deployment_settings WHERE key = 'demo_end'").Single()[0]);
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM incidents WHERE (time_from AT TIME ZONE 'Europe/Stockholm')::date > DATE '{yesterday}'"));
        Assert.True(db.Scalar($"SELECT count(*) FROM incidents WHERE (time_from AT TIME ZONE 'Europe/Stockholm')::date > DATE '{yesterday}' - 31") > 100);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM analysis_runs"));
        var newRun = GtProcess.Run(db.ConnectionString, "hotspots", "gistar", "--name", "demo Gi*");
        Assert.True(newRun.ExitCode == 0, newRun.All);

        var friday = today;
        while (friday.DayOfWeek != DayOfWeek.Friday)
        {
            friday = friday.AddDays(1);
        }

        var plan = Path.Combine(Path.GetTempPath(), "gt-plan-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var run = GtProcess.Run(db.ConnectionString, "patrol", "plan", "--shift", friday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T18:00/02:00",
                "--patrols", "2", "--out", plan);
            Assert.True(run.ExitCode == 0, run.All);
            using var json = JsonDocument.Parse(File.ReadAllText(plan));
            Assert.True(json.RootElement.GetProperty("stops").GetArrayLength() > 0);
        }
        finally
        {
            File.Delete(plan);
            File.Delete(Path.ChangeExtension(plan, ".geojson"));
        }
    }
}
