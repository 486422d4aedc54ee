using GeoTrygghet.Core.Domain;
using GeoTrygghet.Core.Import;
using GeoTrygghet.Core.Import.Converters;
using GeoTrygghet.Core.Import.Readers;
using GeoTrygghet.Output.Import;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Tests.Import;

/// <summary>The pipeline's decisions, row by row, with a sink that only collects what it is given.</summary>
public sealed class ImportPipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void After_a_bad_row_nothing_more_reaches_the_sink_nothing_is_committed_and_every_bad_row_is_reported()
    {
        var (result, sink) = Run(ImportKind.Incidents, "i.csv",
            "id,x,y,time_from,category\n1,556000,6597000,2024-01-01T10:00,Stöld\n2,556000,,2024-01-01T10:00,Stöld\n3,556000,6597000,2024-01-01T10:00,Stöld\n4,556000,6597000,yesterday,Stöld\n");

        Assert.False(result.Succeeded);
        Assert.False(sink.Committed);
        Assert.Single(sink.Rows);
        Assert.Equal([2L, 4L], result.Rejected.Select(r => r.Row));
        Assert.Equal("y", result.Rejected[0].Errors.Single().Field);
        Assert.Equal("time_from", result.Rejected[1].Errors.Single().Field);
    }

    [Fact]
    public void Text_the_database_cannot_store_is_rejected_with_its_row_and_field()
    {
        // A NUL byte in a CSV, and an unpaired surrogate from a GeoJSON "\ud800" escape.
        var (csv, _) = Run(ImportKind.Incidents, "nul.csv", "id,x,y,time_from,category\nN1,556000,6597000,2024-01-01T10:00,Miss\0handel\nN2,556000,6597000,2024-01-01T10:00,Stöld\n", keepValid: true);
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S1","time_from":"2024-01-01T10:00","category":"St\ud800ld"},"geometry":{"type":"Point","coordinates":[15.99,59.51]}}]}""";
        var (geojson, _) = Run(ImportKind.Incidents, "s.geojson", json, keepValid: true);

        var nul = Assert.Single(csv.Rejected);
        Assert.Equal(1, nul.Row);
        Assert.Equal("category", nul.Errors.Single().Field);
        Assert.Contains("NUL", nul.Errors.Single().Reason, StringComparison.Ordinal);
        Assert.Contains("unpaired UTF-16 surrogate", Assert.Single(geojson.Rejected).Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Camera_hours_are_read_in_their_short_forms_and_impossible_hours_name_the_field()
    {
        var (result, sink) = Run(ImportKind.Cameras, "k.csv", "id,x,y,hours\nK1,556000,6597000,6-18\nK2,556000,6597000,25:00-06:00\nK3,556000,6597000,18:00-6\n", keepValid: true);

        var bad = Assert.Single(result.Rejected);
        Assert.Equal(2, bad.Row);
        Assert.Equal("hours", bad.Errors.Single().Field);
        var cameras = sink.Rows.Cast<CameraRow>().ToList();
        Assert.Equal((new TimeOnly(6, 0), new TimeOnly(18, 0)), (cameras[0].HoursStart, cameras[0].HoursEnd));
        Assert.Equal((new TimeOnly(18, 0), new TimeOnly(6, 0)), (cameras[1].HoursStart, cameras[1].HoursEnd));

        var (always, alwaysSink) = Run(ImportKind.Cameras, "a.csv", "id,x,y,hours\nK1,556000,6597000,Dygnet runt\nK2,556000,6597000,08:00-08:00\nK3,556000,6597000,08:00-08:00\n");
        Assert.True(always.Succeeded);
        Assert.All(alwaysSink.Rows.Cast<CameraRow>(), k => Assert.Null(k.HoursStart));
        Assert.Contains("hours: '08:00-08:00' starts and ends at the same time and was read as always on (row 2, and 1 more like it)", always.Notes);
    }

    [Fact]
    public void An_unclosed_ring_is_closed_with_a_note_in_WKT_and_in_GeoJSON()
    {
        var (csv, csvSink) = Run(ImportKind.Areas, "u.csv", "id,name,wkt\nU1,Open,\"POLYGON((556000 6597000, 557000 6597000, 557000 6598000, 556000 6598000))\"\n");
        var json = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3006"}},"features":[{"type":"Feature","properties":{"id":"U2","name":"Open"},"geometry":{"type":"Polygon","coordinates":[[[556000,6597000],[557000,6597000],[557000,6598000],[556000,6598000]]]}}]}""";
        var (geojson, jsonSink) = Run(ImportKind.Areas, "u.geojson", json);

        Assert.True(csv.Succeeded);
        Assert.True(geojson.Succeeded);
        Assert.Equal(1_000_000, Assert.IsType<AreaRow>(Assert.Single(csvSink.Rows)).Geom.Area, 6);
        Assert.Equal(1_000_000, Assert.IsType<AreaRow>(Assert.Single(jsonSink.Rows)).Geom.Area, 6);
        Assert.Contains($"{RecordContext.UnclosedRingNote} (row 1)", csv.Notes);
        Assert.Contains($"{RecordContext.UnclosedRingNote} (row 1)", geojson.Notes);
    }

    [Fact]
    public void Coordinate_columns_beside_a_file_geometry_do_not_move_the_point_unless_mapped()
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"P1","time_from":"2024-05-01T22:00","category":"Rån","longitude":16.05,"latitude":59.55},"geometry":{"type":"Point","coordinates":[15.99,59.51]}}]}""";
        var (result, sink) = Run(ImportKind.Incidents, "p.geojson", json);

        Assert.True(result.Succeeded);
        var point = Assert.IsType<IncidentRow>(Assert.Single(sink.Rows)).Geom;
        var (x, y) = new GeoTrygghet.Core.Crs.GeometryReprojector(4326, 3006).Transform(15.99, 59.51);
        Assert.Equal(x, point.X, 6);
        Assert.Equal(y, point.Y, 6);
        Assert.Contains(result.Notes, n => n.Contains("longitude", StringComparison.Ordinal));
    }

    [Fact]
    public void GeoJSON_arrays_become_lists_and_an_object_in_a_field_is_refused_while_unused_objects_do_not_matter()
    {
        var square = "[[[15.99,59.51],[15.991,59.51],[15.991,59.511],[15.99,59.511],[15.99,59.51]]]";
        var json = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"id":"M1","type":"lighting","start_date":"2024-05-01","assets":["light:L1","light:L2"],"style":{"fill":"#ff0"}},"geometry":{"type":"Polygon","coordinates":{{{square}}}}},
              {"type":"Feature","properties":{"id":"M2","type":{"a":1},"start_date":"2024-05-01"},"geometry":{"type":"Polygon","coordinates":{{{square}}}}}]}
            """;
        var (result, sink) = Run(ImportKind.Measures, "m.geojson", json, keepValid: true);

        var measure = Assert.IsType<MeasureRow>(Assert.Single(sink.Rows));
        Assert.Equal(["light:L1", "light:L2"], measure.Assets);
        var bad = Assert.Single(result.Rejected);
        Assert.Equal("type", bad.Errors.Single().Field);
        Assert.Contains("JSON object", bad.Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_id_an_edited_lamp_camera_or_measure_keeps_its_identity_and_two_lamps_stay_two()
    {
        string IdOf(ImportKind kind, string csv) => Run(kind, "e.csv", csv).Sink.Rows.Single() switch
        {
            LightRow l => l.ExternalId,
            CameraRow c => c.ExternalId,
            MeasureRow m => m.ExternalId,
            var other => throw new InvalidOperationException(other.ToString()),
        };

        Assert.Equal(IdOf(ImportKind.Lights, "x,y,lamp_type\n556040,6597260,HPS\n"), IdOf(ImportKind.Lights, "x,y,lamp_type,installed_on\n556040,6597260,LED,2024-05-01\n"));
        Assert.Equal(IdOf(ImportKind.Cameras, "x,y,direction\n556040,6597260,90\n"), IdOf(ImportKind.Cameras, "x,y,direction\n556040,6597260,100\n"));
        var wkt = "\"POLYGON((556000 6597000, 556100 6597000, 556100 6597100, 556000 6597000))\"";
        Assert.Equal(IdOf(ImportKind.Measures, $"type,start_date,wkt\nlighting,2024-05-01,{wkt}\n"), IdOf(ImportKind.Measures, $"type,start_date,end_date,wkt\nlighting,2024-05-01,2024-09-01,{wkt}\n"));
        Assert.NotEqual(IdOf(ImportKind.Lights, "x,y\n556040,6597260\n"), IdOf(ImportKind.Lights, "x,y\n556041,6597260\n"));
        var twoOnOnePole = Run(ImportKind.Lights, "p.csv", "x,y,lamp_type\n556040,6597260,HPS\n556040,6597260,LED\n").Sink.Rows.Cast<LightRow>().ToList();
        Assert.Equal(2, twoOnOnePole.Select(l => l.ExternalId).Distinct().Count());
    }

    [Fact]
    public void A_wkt_value_that_says_its_SRID_is_read_in_it_and_an_unknown_SRID_is_refused()
    {
        var (result, sink) = Run(ImportKind.Lights, "s.csv", "id,wkt\nE1,SRID=3011;POINT(220000 6600000)\nE2,SRID=25832;POINT(500000 6600000)\n", keepValid: true);

        var (x, y) = new GeoTrygghet.Core.Crs.GeometryReprojector(3011, 3006).Transform(220000, 6600000);
        var light = Assert.IsType<LightRow>(Assert.Single(sink.Rows));
        Assert.Equal(x, light.Geom.X, 6);
        Assert.Equal(y, light.Geom.Y, 6);
        Assert.Contains("SRID=25832", Assert.Single(result.Rejected).Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_with_a_garbled_time_is_refused_and_a_GeoJSON_status_history_in_the_stored_form_is_read()
    {
        var (cameras, _) = Run(ImportKind.Cameras, "d.csv", "id,x,y,installed_on\nK1,556000,6597000,2023-05-01T99:99\nK2,556000,6597000,2023-05-01T00:00\n", keepValid: true);
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"L1","status":"working","status_changes":[{"date":"2024-01-10","status":"out"},{"date":"2024-02-01","status":"working"}]},"geometry":{"type":"Point","coordinates":[15.99,59.51]}}]}""";
        var (lights, sink) = Run(ImportKind.Lights, "l.geojson", json);

        Assert.Equal("installed_on", Assert.Single(cameras.Rejected).Errors.Single().Field);
        Assert.True(lights.Succeeded);
        Assert.Equal(2, Assert.IsType<LightRow>(Assert.Single(sink.Rows)).StatusChanges.Count);
    }

    [Theory]
    [InlineData(ImportKind.Lights, "id,x,y,height\nL1,556000,6597000,0\n", "height")]
    [InlineData(ImportKind.Cameras, "id,x,y,fov\nK1,556000,6597000,0\n", "fov")]
    [InlineData(ImportKind.Cameras, "id,x,y,range\nK1,556000,6597000,0\n", "range")]
    [InlineData(ImportKind.Areas, "id,name,safety_score,wkt\nA1,X,-4,\"POLYGON((556000 6597000, 556100 6597000, 556100 6597100, 556000 6597000))\"\n", "safety_score")]
    public void Values_that_cannot_describe_a_real_asset_or_survey_are_refused(ImportKind kind, string csv, string field)
    {
        var (result, _) = Run(kind, "r.csv", csv);
        Assert.Equal(field, Assert.Single(result.Rejected).Errors.Single().Field);
    }

    [Fact]
    public void A_GeoJSON_with_a_byte_order_mark_is_read_and_a_date_whose_time_falls_in_the_DST_gap_keeps_its_date()
    {
        var path = Path.Combine(_dir, "bom.geojson");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"B1","time_from":"2024-05-01T22:00","category":"Rån"},"geometry":{"type":"Point","coordinates":[15.99,59.51]}}]}""")]);
        using var reader = RecordReaderFactory.Open(path, null, null);
        Assert.Equal("B1", Assert.Single(reader.Read()).Values["id"]);

        var (cameras, sink) = Run(ImportKind.Cameras, "g.csv", "id,x,y,installed_on\nK1,556000,6597000,2024-03-31T02:30\n");
        Assert.True(cameras.Succeeded);
        Assert.Equal(new DateOnly(2024, 3, 31), Assert.IsType<CameraRow>(Assert.Single(sink.Rows)).InstalledOn);
    }

    [Fact]
    public void A_bow_tie_polygon_is_rejected_and_overlapping_parts_of_a_multipolygon_are_merged_with_a_note()
    {
        var bowTie = "POLYGON((556000 6597000, 556100 6597100, 556100 6597000, 556000 6597100, 556000 6597000))";
        var touching = "MULTIPOLYGON(((556000 6597000, 556200 6597000, 556200 6597200, 556000 6597200, 556000 6597000)),((556100 6597100, 556300 6597100, 556300 6597300, 556100 6597300, 556100 6597100)))";
        var (result, sink) = Run(ImportKind.Areas, "a.csv", $"id,name,wkt\nA,Bow tie,\"{bowTie}\"\nB,Overlapping,\"{touching}\"\n", keepValid: true);

        Assert.Equal("A", result.Rejected.Single().Values["id"]);
        Assert.Contains("no unambiguous repair", result.Rejected.Single().Errors.Single().Reason, StringComparison.Ordinal);
        var area = Assert.IsType<AreaRow>(Assert.Single(sink.Rows));
        Assert.True(area.Geom.IsValid);
        Assert.Equal(new WKTReaderArea(touching).Value, area.Geom.Area, 6);
        Assert.Contains(result.Notes, n => n.Contains("repaired an invalid polygon", StringComparison.Ordinal));
    }

    [Fact]
    public void A_point_outside_the_analysis_crs_area_is_rejected_even_when_valid_in_its_own_crs()
    {
        // Chicago in WGS 84 is a valid WGS 84 position but not a SWEREF 99 TM one.
        var (result, _) = Run(ImportKind.Incidents, "c.csv", "id,lon,lat,time_from,category\n1,-87.6277,41.7922,2024-01-01T10:00,Stöld\n");

        Assert.Contains("analysis CRS EPSG:3006", result.Rejected.Single().Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,lon,lat,time_from,category\n1,59.51,15.99,2024-01-01T10:00,Stöld\n", "look swapped")]
    [InlineData("id,x,y,time_from,category\n1,1471000,6596000,2024-01-01T10:00,Stöld\n", "look like RT90")]
    [InlineData("id,x,y,time_from,category\n1,6597000,556000,2024-01-01T10:00,Stöld\n", "x and y look swapped")]
    [InlineData("id,x,y,time_from,category\n1,15.99,59.51,2024-01-01T10:00,Stöld\n", "look like degrees")]
    public void Common_coordinate_mix_ups_are_named_in_the_error(string csv, string hint)
    {
        var (result, _) = Run(ImportKind.Incidents, "mix.csv", csv);
        Assert.Contains(hint, result.Rejected.Single().Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_light_status_must_agree_with_its_last_change_and_defaults_to_it()
    {
        var (result, sink) = Run(ImportKind.Lights, "l.csv",
            "id,x,y,status,status_changes\nL1,556000,6597000,,2024-01-10:out;2024-02-01:working\nL2,556000,6597010,working,2024-01-10:out\nL3,556000,6597020,out,\n", keepValid: true);

        Assert.Equal("L2", result.Rejected.Single().Values["id"]);
        var rows = sink.Rows.Cast<LightRow>().ToList();
        Assert.Equal("working", rows[0].Status);
        Assert.Equal(2, rows[0].StatusChanges.Count);
        Assert.Equal("out", rows[1].Status);
    }

    [Fact]
    public void Reports_need_a_known_category_and_map_Swedish_words()
    {
        var (result, sink) = Run(ImportKind.Reports, "r.csv",
            "id,x,y,time_from,category\nR1,556000,6597000,2024-01-01T10:00,Klotter\nR2,556000,6597000,2024-01-01T10:00,Fågelholk\n", keepValid: true);

        Assert.Equal("graffiti", sink.Rows.Cast<ReportRow>().Single().Category);
        Assert.Contains("not a report category", result.Rejected.Single().Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_area_rejects_points_outside_it()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(3006);
        var square = factory.CreatePolygon([new(555000, 6596000), new(557000, 6596000), new(557000, 6598000), new(555000, 6598000), new(555000, 6596000)]);
        var settings = ImportSettings.Default with { StudyArea = new StudyArea("kommun", square) };
        var (result, sink) = Run(ImportKind.Incidents, "s.csv",
            "id,x,y,time_from,category\n1,556000,6597000,2024-01-01T10:00,Stöld\n2,560000,6597000,2024-01-01T10:00,Stöld\n", keepValid: true, settings: settings);

        Assert.Single(sink.Rows);
        Assert.Contains("outside the study area 'kommun'", result.Rejected.Single().Errors.Single().Reason, StringComparison.Ordinal);
    }

    private (ImportResult Result, ListSink Sink) Run(ImportKind kind, string name, string content, bool keepValid = false, ImportSettings? settings = null)
    {
        settings ??= ImportSettings.Default;
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        var sink = new ListSink();
        using var reader = RecordReaderFactory.Open(path, null, null);
        var request = new ImportRequest(kind, path, KeepValid: keepValid);
        var result = kind switch
        {
            ImportKind.Incidents => new ImportPipeline<IncidentRow>(new IncidentConverter(settings), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<IncidentRow>()),
            ImportKind.Reports => new ImportPipeline<ReportRow>(new ReportConverter(), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<ReportRow>()),
            ImportKind.Lights => new ImportPipeline<LightRow>(new LightConverter(), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<LightRow>()),
            ImportKind.Areas => new ImportPipeline<AreaRow>(new AreaConverter(), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<AreaRow>()),
            ImportKind.Cameras => new ImportPipeline<CameraRow>(new CameraConverter(), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<CameraRow>()),
            ImportKind.Measures => new ImportPipeline<MeasureRow>(new MeasureConverter(), settings, RejectsWriter.Csv).Run(request, reader, () => sink.As<MeasureRow>()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return (result, sink);
    }

    private sealed record WKTReaderArea(string Wkt)
    {
        public double Value => new NetTopologySuite.IO.WKTReader().Read(Wkt).Buffer(0).Area;
    }

    private sealed class ListSink
    {
        public List<object> Rows { get; } = [];

        public bool Committed { get; private set; }

        public IImportSink<T> As<T>() => new Typed<T>(this);

        private sealed class Typed<T>(ListSink owner) : IImportSink<T>
        {
            public void Add(T row) => owner.Rows.Add(row!);

            public ImportCounts Commit()
            {
                owner.Committed = true;
                return new ImportCounts(owner.Rows.Count, 0, 0);
            }

            public void Dispose()
            {
            }
        }
    }
}
