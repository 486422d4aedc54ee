using System.Globalization;
using System.Text;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary>The real <c>gt import</c> process against a real PostGIS: exit codes, all or nothing, idempotency, rejects.</summary>
public sealed class ImportCommandTests(TestDatabase db) : IClassFixture<TestDatabase>, IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_with_one_bad_row_among_a_thousand_leaves_the_database_unchanged_and_names_the_row()
    {
        var good = WriteIncidents("good.csv", 1000, source: "a");
        Assert.Equal(0, Gt("import", "incidents", good, "--source", "before").ExitCode);
        var before = db.Counts();

        var lines = File.ReadAllLines(WriteIncidents("bad.csv", 1000, source: "b")).ToList();
        lines[737] = lines[737].Replace("2024-05-", "2024-13-", StringComparison.Ordinal); // line 738 holds data row 737
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllLines(bad, lines);

        var result = Gt("import", "incidents", bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv, row 737 (line 738): field time_from", result.All, StringComparison.Ordinal);
        Assert.Equal(before, db.Counts());
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'bad'"));
    }

    [Fact]
    public void Importing_the_same_file_twice_leaves_the_database_unchanged()
    {
        var file = WriteIncidents("twice.csv", 500, source: "x");
        var first = Gt("import", "incidents", file, "--source", "twice");
        var afterFirst = db.Counts();
        var stamp = db.Scalar("SELECT extract(epoch FROM max(imported_at))::bigint FROM incidents WHERE source = 'twice'");
        var second = Gt("import", "incidents", file, "--source", "twice");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("inserted 500, updated 0", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("imported 0 (inserted 0, updated 0), unchanged 500", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(afterFirst, db.Counts());
        Assert.Equal(stamp, db.Scalar("SELECT extract(epoch FROM max(imported_at))::bigint FROM incidents WHERE source = 'twice'"));
    }

    [Fact]
    public void Rows_without_an_id_get_a_stable_hash_so_a_second_import_adds_nothing_and_identical_rows_are_both_kept()
    {
        var file = Path.Combine(_dir, "noid.csv");
        File.WriteAllText(file, "x,y,time_from,category\n556000,6597000,2024-03-01T22:00,Misshandel\n556000,6597000,2024-03-01T22:00,Misshandel\n556100,6597100,2024-03-02T01:00,Stöld\n");
        Gt("import", "incidents", file, "--source", "noid");
        var second = Gt("import", "incidents", file, "--source", "noid");

        Assert.Equal(3, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'noid'"));
        Assert.Contains("unchanged 3", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_row_is_updated_in_place_not_duplicated()
    {
        var file = Path.Combine(_dir, "change.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nA1,556000,6597000,2024-03-01T22:00,Misshandel\nA2,556050,6597050,2024-03-01T23:00,Stöld\n");
        Gt("import", "incidents", file, "--source", "change");
        File.WriteAllText(file, "id,x,y,time_from,category\nA1,556000,6597000,2024-03-01T22:00,Misshandel, grov\nA2,556050,6597050,2024-03-01T23:00,Stöld\n".Replace("Misshandel, grov", "\"Misshandel, grov\"", StringComparison.Ordinal));
        var result = Gt("import", "incidents", file, "--source", "change");

        Assert.Contains("inserted 0, updated 1), unchanged 1", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'change'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'change' AND category = 'Misshandel, grov'"));
    }

    [Fact]
    public void Keep_valid_commits_the_good_rows_and_writes_every_rejected_row_with_its_reason()
    {
        var file = Path.Combine(_dir, "mixed.csv");
        File.WriteAllText(file, string.Join('\n',
            "id,x,y,time_from,time_to,category,accuracy",
            "M1,556000,6597000,2024-03-01T22:00,,Misshandel,5",
            "M2,556000,abc,2024-03-01T22:00,,Misshandel,5",
            "M3,556000,6597000,2024-03-01T22:00,2024-03-01T21:00,Stöld,5",
            "M4,556000,6597000,,,Stöld,5",
            "M5,16.0,59.5,2024-03-01T22:00,,Stöld,5",
            "M6,556000,6597000,2024-03-31T02:30,,Stöld,5",
            "M7,556000,6597000,2024-03-01T22:00,,Stöld,\"12,5\"",
            "M1,556000,6597000,2024-03-01T22:00,,Misshandel,5",
            "M9,556200,6597200,2024-03-01T22:00:00+01:00,,Rån,10") + "\n");
        var rejects = Path.Combine(_dir, "mixed.rejects.csv");

        var result = Gt("import", "incidents", file, "--source", "mixed", "--keep-valid", "--rejects", rejects);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'mixed'"));
        var lines = File.ReadAllLines(rejects);
        Assert.Equal(8, lines.Length); // header + 7 rejected rows
        Assert.StartsWith("rejected_row,rejected_at,rejected_reason,id,x,y", lines[0], StringComparison.Ordinal);
        string Reason(string id) => lines.Single(l => l.Contains($",{id},", StringComparison.Ordinal) && !l.StartsWith("8,", StringComparison.Ordinal) || l.StartsWith("8,", StringComparison.Ordinal) && id == "M1dup");
        Assert.Contains("y: 'abc' is not a number", Reason("M2"), StringComparison.Ordinal);
        Assert.Contains("time_to: 2024-03-01T21:00:00+01:00 is before time_from 2024-03-01T22:00:00+01:00", Reason("M3"), StringComparison.Ordinal);
        Assert.Contains("time_from: is required", Reason("M4"), StringComparison.Ordinal);
        Assert.Contains("outside the valid area", Reason("M5"), StringComparison.Ordinal);
        Assert.Contains("does not exist in Europe/Stockholm", Reason("M6"), StringComparison.Ordinal);
        Assert.Contains("decimal comma", Reason("M7"), StringComparison.Ordinal);
        Assert.Contains("is repeated (first at row 1)", Reason("M1dup"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejects_path_that_is_the_input_or_cannot_be_written_is_refused_before_anything_is_imported()
    {
        var file = Path.Combine(_dir, "self.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nS1,556000,6597000,2024-03-01T22:00,Misshandel\nS2,556000,abc,2024-03-01T22:00,Misshandel\n");
        var original = File.ReadAllText(file);

        var self = Gt("import", "incidents", file, "--source", "self", "--keep-valid", "--rejects", file);
        var nowhere = Gt("import", "incidents", file, "--source", "self", "--keep-valid", "--rejects", Path.Combine(_dir, "no", "such", "r.csv"));

        Assert.Equal(2, self.ExitCode);
        Assert.Contains("would overwrite", self.Stderr, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllText(file));
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("does not exist", nowhere.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'self'"));
    }

    [Fact]
    public void A_corrected_rejects_file_imports_as_it_is_without_its_bookkeeping_columns_becoming_data()
    {
        var file = Path.Combine(_dir, "fix.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nF1,556000,6597000,2024-03-01T22:00,Misshandel\nF2,556000,abc,2024-03-01T22:00,Misshandel\n");
        var rejects = Path.Combine(_dir, "fix.rejects.csv");
        Assert.Equal(0, Gt("import", "incidents", file, "--source", "fix", "--keep-valid", "--rejects", rejects).ExitCode);

        File.WriteAllText(rejects, File.ReadAllText(rejects).Replace(",abc,", ",6597100,", StringComparison.Ordinal));
        var again = Gt("import", "incidents", rejects, "--source", "fix");

        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'fix'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'fix' AND location_name IS NOT NULL"));
    }

    [Fact]
    public void Rejects_of_a_GeoJSON_file_carry_their_geometry_so_the_corrected_file_lands_where_the_feature_was()
    {
        var file = Path.Combine(_dir, "geo.geojson");
        File.WriteAllText(file, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"G1","time_from":"2024-03-01T22:00","category":"Rån"},"geometry":{"type":"Point","coordinates":[15.99,59.51]}},{"type":"Feature","properties":{"id":"G2","time_from":"2024-13-01T22:00","category":"Rån"},"geometry":{"type":"Point","coordinates":[15.991,59.511]}}]}""");
        var rejects = Path.Combine(_dir, "geo.rejects.csv");
        Assert.Equal(0, Gt("import", "incidents", file, "--source", "geo", "--keep-valid", "--rejects", rejects).ExitCode);

        File.WriteAllText(rejects, File.ReadAllText(rejects).Replace("2024-13-01", "2024-12-01", StringComparison.Ordinal));
        var again = Gt("import", "incidents", rejects, "--source", "geo", "--keep-valid", "--rejects", Path.Combine(_dir, "geo.rejects2.csv"));

        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'geo' AND external_id = 'G2' AND ST_DWithin(geom, ST_Transform(ST_SetSRID(ST_MakePoint(15.991, 59.511), 4326), 3006), 0.01)"));
        Assert.StartsWith("rejected_row,rejected_at,rejected_reason,", File.ReadLines(Path.Combine(_dir, "geo.rejects2.csv")).First(), StringComparison.Ordinal);
        Assert.Single(File.ReadLines(Path.Combine(_dir, "geo.rejects2.csv")).First().Split(','), c => c == "rejected_row");
    }

    [Fact]
    public void The_deployment_settings_are_applied_and_a_misspelt_or_broken_settings_file_is_refused()
    {
        var area = Path.Combine(_dir, "kommun.geojson");
        File.WriteAllText(area, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3006"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[555000,6596000],[558000,6596000],[558000,6599000],[555000,6599000],[555000,6596000]]]}}]}""");
        var file = Path.Combine(_dir, "cfg.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nC1,556000,6597000,2024-03-01T22:00,Misshandel\nC2,556000,6597000,2024-03-01T22:00,Stöld\nC3,560000,6597000,2024-03-01T22:00,Misshandel\n");
        GtProcess.Result With(string json)
        {
            var config = Path.Combine(_dir, "geotrygghet.json");
            File.WriteAllText(config, json);
            return GtProcess.RunWith(db.ConnectionString, new Dictionary<string, string> { ["GEOTRYGGHET_CONFIG"] = config }, "import", "incidents", file, "--source", "cfg", "--keep-valid", "--rejects", Path.Combine(_dir, "cfg.rejects.csv"));
        }

        var typo = With("""{"studyarea": "kommun.geojson", "incidentCategory": ["Misshandel"]}""");
        var broken = With("{bad json");
        var applied = With("""{"studyArea": "kommun.geojson", "incidentCategories": ["Misshandel"]}""");

        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("unknown setting(s) 'studyarea', 'incidentCategory'", typo.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("geotrygghet.json: the configuration file is not valid JSON", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.All, StringComparison.Ordinal);
        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Equal(["C1"], db.Rows("SELECT external_id FROM incidents WHERE source = 'cfg'").Select(r => (string)r[0]!));
        var rejected = File.ReadAllText(Path.Combine(_dir, "cfg.rejects.csv"));
        Assert.Contains("not in the configured category list", rejected, StringComparison.Ordinal);
        Assert.Contains("study area", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_a_field_mapped_twice_and_an_invisible_source_name_are_refused_with_what_to_do()
    {
        var file = WriteIncidents("opts.csv", 3, "o");

        var folder = Gt("import", "incidents", _dir);
        var twice = Gt("import", "incidents", file, "--map", "time_from=time_from", "--map", "time_from=time_to");
        var invisible = Gt("import", "incidents", file, "--source", "a\tb");

        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a folder", folder.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("maps time_from twice", twice.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, invisible.ExitCode);
        Assert.Contains("--source must be a visible name", invisible.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_with_the_line_and_what_to_do_not_a_stack_trace()
    {
        var file = Path.Combine(_dir, "ansi.csv");
        var text = "id,x,y,time_from,category\n1,556000,6597000,2024-01-01T10:00,Sk\u00e4rg\u00e5rd\n";
        File.WriteAllBytes(file, System.Text.Encoding.Latin1.GetBytes(text));

        var result = Gt("import", "incidents", file, "--source", "ansi");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2 is not valid UTF-8", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Hotspot_statistics_refuse_too_few_events_and_database_filters_on_a_file()
    {
        var file = Path.Combine(_dir, "two.csv");
        File.WriteAllText(file, "id,x,y\n1,557000,6598000\n2,557300,6598200\n");

        var few = Gt("hotspots", "gistar", "--input", file, "--out", Path.Combine(_dir, "g.csv"));
        Assert.Equal(2, few.ExitCode);
        Assert.Contains("needs at least 30 events", few.Stderr, StringComparison.Ordinal);

        var ignored = Gt("hotspots", "kde", "--input", file, "--out", Path.Combine(_dir, "k.csv"), "--from", "2024-01-01");
        Assert.Equal(2, ignored.ExitCode);
        Assert.Contains("--from filter the database", ignored.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_can_be_counted_then_deleted_and_other_sources_stay()
    {
        Gt("import", "incidents", WriteIncidents("keep.csv", 20, "k"), "--source", "keep");
        Gt("import", "incidents", WriteIncidents("drop.csv", 30, "d"), "--source", "drop");

        var dry = Gt("import", "delete", "incidents", "--source", "drop");
        Assert.Contains("30 rows of source 'drop'", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(30, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'drop'"));

        var unknown = Gt("import", "delete", "incidents", "--source", "dorp");
        Assert.Contains("has no rows of source 'dorp'; its sources:", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("drop (30)", unknown.Stderr, StringComparison.Ordinal);

        var done = Gt("import", "delete", "incidents", "--source", "drop", "--yes");
        Assert.Equal(0, done.ExitCode);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'drop'"));
        Assert.Equal(20, db.Scalar("SELECT count(*) FROM incidents WHERE source = 'keep'"));
    }

    [Fact]
    public void Db_status_json_lists_every_table_with_its_row_count()
    {
        var file = WriteIncidents("status.csv", 7, source: "s");
        Gt("import", "incidents", file, "--source", "status-test");
        var result = Gt("db", "status", "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var tables = doc.RootElement.GetProperty("tables");
        Assert.Equal(db.Scalar("SELECT count(*) FROM incidents"), tables.GetProperty("incidents").GetInt64());
        foreach (var t in new[] { "reports", "street_lights", "cameras", "measures", "areas" })
        {
            Assert.Equal(db.Scalar($"SELECT count(*) FROM {t}"), tables.GetProperty(t).GetInt64());
        }

        Assert.Contains(db.Name, doc.RootElement.GetProperty("connection_string").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_without_the_schema_is_refused_with_a_clear_message()
    {
        var empty = new Npgsql.NpgsqlConnectionStringBuilder(db.AdminConnectionString) { Database = "postgres" }.ConnectionString;
        var result = GtProcess.Run(empty, "db", "status");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run ./gt db up", result.Stderr, StringComparison.Ordinal);
    }

    private GtProcess.Result Gt(params string[] args) => GtProcess.Run(db.ConnectionString, args);

    private string WriteIncidents(string name, int count, string source)
    {
        var sb = new StringBuilder("id,x,y,time_from,time_to,category,crime_code,accuracy\n");
        var random = new Random(count);
        for (var i = 1; i <= count; i++)
        {
            var day = 1 + (i % 28);
            sb.Append(Inv, $"{source}{i},{556000 + random.Next(-1500, 1500)}.25,{6597000 + random.Next(-1500, 1500)}.75,2024-05-{day:00}T{i % 24:00}:15:00+02:00,,Misshandel,0375,{i % 50}\n");
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
