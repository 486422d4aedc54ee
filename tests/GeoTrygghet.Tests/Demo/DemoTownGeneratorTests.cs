using System.Text.Json;
using GeoTrygghet.Demo;
using GeoTrygghet.Tests.Support;

namespace GeoTrygghet.Tests.Demo;

[Collection(DemoTownCollection.Name)]
public sealed class DemoTownGeneratorTests(DemoTownFixture town)
{
    [Fact]
    public void Same_seed_gives_identical_files()
    {
        var again = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoTownGenerator.Write(again, new DemoTownOptions());
            foreach (var name in DemoTownGenerator.FileNames)
            {
                Assert.True(File.ReadAllBytes(town.File(name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, name))), $"{name} differs between two runs");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Another_seed_gives_other_incidents_in_the_same_town()
    {
        var other = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoTownGenerator.Write(other, new DemoTownOptions { Seed = 7 });
            Assert.NotEqual(File.ReadAllText(town.File("incidents.csv")), File.ReadAllText(Path.Combine(other, "incidents.csv")));
            Assert.Equal(File.ReadAllText(town.File("basemap.geojson")), File.ReadAllText(Path.Combine(other, "basemap.geojson")));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Requested_incident_count_is_written_exactly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gt-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = DemoTownGenerator.Write(folder, new DemoTownOptions { IncidentCount = 20_000 });
            var (_, rows) = DemoFiles.ReadCsv(Path.Combine(folder, "incidents.csv"));
            Assert.Equal(20_000, summary.Incidents);
            Assert.Equal(20_000, rows.Count);
            Assert.Equal("I020000", rows[^1][0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Summary_counts_the_rows_and_features_written()
    {
        var s = town.Summary;
        Assert.Equal(s.Incidents, DemoFiles.ReadCsv(town.File("incidents.csv")).Rows.Count);
        Assert.Equal(s.Reports, DemoFiles.ReadCsv(town.File("reports.csv")).Rows.Count);
        Assert.Equal(s.Lights, DemoFiles.ReadCsv(town.File("lights.csv")).Rows.Count);
        Assert.Equal(s.Cameras, DemoFiles.ReadCsv(town.File("cameras.csv")).Rows.Count);
        Assert.Equal(s.Measures, DemoFiles.ReadGeoJson(town.File("measures.geojson"), out _).Count);
        Assert.Equal(s.Areas, DemoFiles.ReadGeoJson(town.File("areas.geojson"), out _).Count);
        Assert.Equal(s.BasemapFeatures, DemoFiles.ReadGeoJson(town.File("basemap.geojson"), out _).Count);
        Assert.InRange(s.Lights, 1800, 2300);
        Assert.InRange(s.Cameras, 20, 40);
    }

    [Theory]
    [InlineData("incidents.csv", "id,x,y,time_from,time_to,category,crime_code,accuracy")]
    [InlineData("reports.csv", "id,x,y,time_from,category,kind,reporter_role,text")]
    [InlineData("lights.csv", "id,x,y,status,status_changes,lamp_type,lumen,watt,height,installed_on")]
    [InlineData("cameras.csv", "id,x,y,direction,fov,range,hours,owner,permit,installed_on")]
    public void Csv_files_have_the_import_contract_columns(string file, string header)
    {
        var bytes = File.ReadAllBytes(town.File(file));
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal(header, string.Join(",", DemoFiles.ReadCsv(town.File(file)).Header));
    }

    [Theory]
    [InlineData("measures.geojson", "id,type,start_date,end_date,description,assets")]
    [InlineData("areas.geojson", "id,name,kind,year")]
    [InlineData("basemap.geojson", "id,kind,name")]
    public void GeoJson_files_declare_sweref_and_the_contract_properties(string file, string properties)
    {
        var features = DemoFiles.ReadGeoJson(town.File(file), out var crs);
        Assert.Equal("urn:ogc:def:crs:EPSG::3006", crs);
        Assert.All(features, f => Assert.Equal(properties, string.Join(",", f.Properties.Keys)));
    }

    [Fact]
    public void Data_say_they_are_synthetic()
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(town.File("ground_truth.json")));
        Assert.True(truth.RootElement.GetProperty("synthetic").GetBoolean());
        var readme = File.ReadAllText(town.File("README.md"));
        Assert.Contains("synthetic", readme, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("./gt demo generate --seed 20241983 --end 2024-12-31 --out data/demo", readme, StringComparison.Ordinal);
        Assert.Contains("synthetic", File.ReadAllText(town.File("basemap.geojson"))[..200], StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_demo_data_is_what_the_generator_writes()
    {
        var root = RepositoryRoot.Find();
        var committed = root is null ? null : Path.Combine(root, "data", "demo");
        if (committed is null || !File.Exists(Path.Combine(committed, "ground_truth.json")))
        {
            return; // Running outside the repository: nothing committed to compare with.
        }

        foreach (var name in DemoTownGenerator.FileNames)
        {
            Assert.True(File.ReadAllBytes(town.File(name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, name))),
                $"data/demo/{name} is out of date; run ./gt demo generate --out data/demo");
        }
    }

    [Fact]
    public void A_town_ending_in_january_has_the_promises_and_surveys_of_the_year_whose_last_quarter_is_reported()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gt-demo-jan-" + Guid.NewGuid().ToString("N"));
        try
        {
            DemoTownGenerator.Write(folder, new DemoTownOptions { End = new DateOnly(2027, 1, 15) });
            var promises = GeoTrygghet.Core.Reporting.PromiseRegisterReader.Read(Path.Combine(folder, "promises.json")).Select(p => p.Promise).ToList();
            Assert.All(promises, p => Assert.Equal(new DateOnly(2026, 1, 1), p.From));
            Assert.Equal("ML-2026-1", promises[0].Id);
            var surveys = File.ReadAllText(Path.Combine(folder, "surveys.geojson"));
            Assert.Contains("\"year\":2026", surveys);
            Assert.DoesNotContain("\"year\":2027", surveys);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
