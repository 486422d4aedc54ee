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
        var first = GtProcess.Run(db.ConnectionString, "demo", "--no-serve");
        Assert.True(first.ExitCode == 0, first.All);
        var afterFirst = db.Counts();
        var maxId = db.Scalar("SELECT max(id) FROM incidents");

        var second = GtProcess.Run(db.ConnectionString, "demo", "--no-serve");
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
        GtProcess.Run(db.ConnectionString, "demo", "--no-serve");
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
}
