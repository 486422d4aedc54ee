using System.Diagnostics;
using System.Globalization;
using System.Text;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Import;

/// <summary>
/// The same points, written in WGS 84, SWEREF 99 TM, SWEREF 99 16 30 and RT90 2.5 gon V (coordinates
/// computed by PostGIS), and in GeoJSON, Shapefile and GeoPackage files made by GDAL's ogr2ogr, all land
/// on the same stored positions within a centimetre.
/// </summary>
public sealed class SamePointsInEveryCrsTests(TestDatabase db) : IClassFixture<TestDatabase>, IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-crs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Points_given_in_4326_3006_3010_and_3021_and_as_GeoJSON_Shapefile_GeoPackage_land_within_a_centimetre()
    {
        var truth = Enumerable.Range(0, 25).Select(i => (Id: $"P{i}", X: 553000.0 + 257.37 * i, Y: 6594000.0 + 311.13 * (i % 7) + 0.5 * i)).ToList();
        var values = string.Join(",", truth.Select(t => string.Create(Inv, $"('{t.Id}',{t.X:R},{t.Y:R})")));
        foreach (var srid in new[] { 4326, 3006, 3010, 3021 })
        {
            var rows = db.Rows(string.Create(Inv, $"""
                WITH p(id, x, y) AS (VALUES {values})
                SELECT id, ST_X(g), ST_Y(g) FROM (SELECT id, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 3006), {srid}) AS g FROM p) t ORDER BY id
                """));
            var csv = new StringBuilder(srid == 4326 ? "id,lon,lat,time_from,category\n" : "id,x,y,time_from,category\n");
            foreach (var r in rows)
            {
                csv.Append(Inv, $"{r[0]},{(double)r[1]!:R},{(double)r[2]!:R},2024-06-01T12:00+02:00,Stöld\n");
            }

            var path = Path.Combine(_dir, string.Create(Inv, $"points_{srid}.csv"));
            File.WriteAllText(path, csv.ToString());
            var args = srid == 4326
                ? new[] { "import", "incidents", path, "--source", "csv4326" }
                : ["import", "incidents", path, "--crs", string.Create(Inv, $"EPSG:{srid}"), "--source", string.Create(Inv, $"csv{srid}")];
            var result = GtProcess.Run(db.ConnectionString, args);
            Assert.True(result.ExitCode == 0, result.All);
        }

        // GDAL writes the CRS into each format: .prj for the Shapefile, gpkg_spatial_ref_sys, the GeoJSON crs member.
        Ogr("GeoJSON", "points.geojson", "points_3010.csv", "EPSG:3010");
        Ogr("ESRI Shapefile", "points.shp", "points_3021.csv", "EPSG:3021");
        Ogr("GPKG", "points.gpkg", "points_3010.csv", "EPSG:3010");
        foreach (var (file, source) in new[] { ("points.geojson", "geojson"), ("points.shp", "shp"), ("points.gpkg", "gpkg") })
        {
            var result = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, file), "--source", source);
            Assert.True(result.ExitCode == 0, result.All);
            Assert.Contains("(the file)", result.Stderr, StringComparison.Ordinal);
        }

        var worst = db.Rows($"""
            WITH t(id, x, y) AS (VALUES {values})
            SELECT i.source, count(*), max(ST_Distance(i.geom, ST_SetSRID(ST_MakePoint(t.x, t.y), 3006)))
            FROM incidents i JOIN t ON t.id = i.external_id
            GROUP BY i.source ORDER BY i.source
            """);
        Assert.Equal(7, worst.Count);
        foreach (var row in worst)
        {
            Assert.Equal(25L, row[1]);
            Assert.True((double)row[2]! < 0.01, string.Create(Inv, $"{row[0]}: {(double)row[2]!:0.0000} m from the truth"));
        }
    }

    [Fact]
    public void A_Shapefile_whose_CRS_is_unknown_or_missing_is_refused_until_crs_says_it_and_its_Windows_1252_text_is_read_right()
    {
        File.WriteAllText(Path.Combine(_dir, "k.csv"), "id,x,y,time_from,category,location_name\nK1,553500.25,6594800.5,2024-06-01T12:00+02:00,Skadegörelse,Köpmangatan\n");
        Ogr("ESRI Shapefile", "utm.shp", "k.csv", "EPSG:25832");
        Ogr("ESRI Shapefile", "noprj.shp", "k.csv", "EPSG:3006", "-lco", "ENCODING=CP1252");
        File.Delete(Path.Combine(_dir, "noprj.prj"));
        File.Delete(Path.Combine(_dir, "noprj.cpg"));
        var before = db.Counts();

        var utm = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, "utm.shp"), "--source", "utm");
        var noPrj = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, "noprj.shp"), "--source", "noprj");

        Assert.Equal(2, utm.ExitCode);
        Assert.Contains("utm.shp: has a .prj naming a CRS GeoTrygghet does not know", utm.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noPrj.ExitCode);
        Assert.Contains("noprj.shp: has no .prj", noPrj.Stderr, StringComparison.Ordinal);
        Assert.Contains("--crs", noPrj.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, db.Counts());

        var given = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, "noprj.shp"), "--crs", "EPSG:3006", "--source", "noprj");
        Assert.True(given.ExitCode == 0, given.All);
        Assert.Contains("read as Windows-1252", given.Stderr, StringComparison.Ordinal);
        var row = db.Rows("SELECT category, location_name, ST_X(geom), ST_Y(geom) FROM incidents WHERE source = 'noprj'").Single();
        Assert.Equal("Skadegörelse", row[0]);
        Assert.Equal("Köpmangatan", row[1]);
        Assert.Equal(553500.25, (double)row[2]!, 6);

        // GDAL's default: Windows-1252 bytes, no .cpg, the "ANSI" language driver byte (0x57); and the
        // .dbf cuts location_name to location_n.
        Ogr("ESRI Shapefile", "ansi.shp", "k.csv", "EPSG:3006");
        Assert.False(File.Exists(Path.Combine(_dir, "ansi.cpg")));
        var ansi = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, "ansi.shp"), "--source", "ansi");
        Assert.True(ansi.ExitCode == 0, ansi.All);
        Assert.Equal(["Skadegörelse", "Köpmangatan"], db.Rows("SELECT category, location_name FROM incidents WHERE source = 'ansi'").Single().Select(v => (string)v!));

        // UTF-8 text that does not say so (no .cpg, language byte 0), with a 254-character field whose
        // width in the header is byte 0xFE: only the records decide, so it is read as UTF-8.
        Ogr("ESRI Shapefile", "wide.shp", "k.csv", "EPSG:3006", "-lco", "ENCODING=UTF-8", "-sql", "SELECT id, time_from, category, CAST(location_name AS character(254)) AS location_n FROM k");
        File.Delete(Path.Combine(_dir, "wide.cpg"));
        var wide = GtProcess.Run(db.ConnectionString, "import", "incidents", Path.Combine(_dir, "wide.shp"), "--source", "wide");
        Assert.True(wide.ExitCode == 0, wide.All);
        Assert.DoesNotContain("Windows-1252", wide.Stderr, StringComparison.Ordinal);
        Assert.Equal(["Skadegörelse", "Köpmangatan"], db.Rows("SELECT category, location_name FROM incidents WHERE source = 'wide'").Single().Select(v => (string)v!));
    }

    private void Ogr(string driver, string output, string input, string srs, params string[] more)
    {
        var psi = new ProcessStartInfo("ogr2ogr") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _dir };
        foreach (var a in new[] { "-f", driver, output, input, "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", srs }.Concat(more))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("ogr2ogr (gdal-bin) is needed; ./gt test installs it");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"ogr2ogr failed: {err}");
    }
}
