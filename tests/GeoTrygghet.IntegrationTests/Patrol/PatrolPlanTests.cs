using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.IntegrationTests.Support;
using SkiaSharp;

namespace GeoTrygghet.IntegrationTests.Patrol;

/// <summary>
/// <c>gt patrol plan</c> on the demo town, run as the police run it: the plan keeps its constraints, sends the
/// patrols to the planted Stora torget, is the same for the same seed, and its GPX validates against the GPX 1.1
/// schema's types and reads in GDAL, its PDF renders (poppler) with the routes drawn and the timetable.
/// </summary>
public sealed class PatrolPlanTests : IClassFixture<DemoTownDatabase>, IDisposable
{
    private const string Shift = "2024-11-29T18:00/02:00";
    private readonly DemoTownDatabase _db;
    private readonly string _dir = Directory.CreateTempSubdirectory("gt-patrol-").FullName;

    public PatrolPlanTests(DemoTownDatabase db)
    {
        _db = db;
        if (_db.Scalar("SELECT count(*) FROM analysis_runs WHERE name = 'patrol-test'") == 0)
        {
            var run = GtProcess.Run(db.ConnectionString, "hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "patrol-test");
            Assert.True(run.ExitCode == 0, run.All);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_plan_keeps_its_constraints_and_visits_Stora_torget()
    {
        var plan = Plan("3", out _);
        var stops = plan["stops"]!.AsArray();
        Assert.NotEmpty(stops);
        var start = DateTimeOffset.Parse("2024-11-29T18:00:00+01:00", CultureInfo.InvariantCulture);
        var end = start.AddHours(8);
        foreach (var stop in stops)
        {
            foreach (var key in new[] { "patrol", "hotspot", "lon", "lat", "arrive", "depart", "minutes", "risk", "reason" })
            {
                Assert.NotNull(stop![key]);
            }

            Assert.EndsWith("+01:00", stop!["arrive"]!.GetValue<string>(), StringComparison.Ordinal);
            var arrive = DateTimeOffset.Parse(stop["arrive"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var depart = DateTimeOffset.Parse(stop["depart"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            Assert.InRange(stop["minutes"]!.GetValue<double>(), 10, 16);
            Assert.Equal(stop["minutes"]!.GetValue<double>(), (depart - arrive).TotalMinutes, 6);
            Assert.True(arrive >= start && depart <= end);
            Assert.InRange(stop["patrol"]!.GetValue<int>(), 1, 2);
        }

        foreach (var leg in plan["legs"]!.AsArray())
        {
            foreach (var key in new[] { "patrol", "from", "to", "depart", "arrive", "metres" })
            {
                Assert.NotNull(leg![key]);
            }
        }

        foreach (var visits in stops.GroupBy(s => s!["hotspot"]!.GetValue<string>()))
        {
            var times = visits.Select(v => DateTimeOffset.Parse(v!["arrive"]!.GetValue<string>(), CultureInfo.InvariantCulture)).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), p => Assert.True((p.Second - p.First).TotalMinutes >= 120));
        }

        // The riskiest hotspot of a Friday night is the planted Stora torget (H1), and it is visited.
        var toSweref = new GeometryReprojector(4326, 3006);
        var riskiest = plan["hotspots"]!.AsArray().First()!;
        var p = toSweref.Transform(new NetTopologySuite.Geometries.Point(riskiest["lon"]!.GetValue<double>(), riskiest["lat"]!.GetValue<double>()));
        Assert.True(Math.Sqrt(Math.Pow(p.Coordinate.X - 556033, 2) + Math.Pow(p.Coordinate.Y - 6597260, 2)) < 150, $"the riskiest hotspot is at {p.Coordinate}");
        Assert.True(riskiest["visits"]!.GetValue<int>() >= 2);
        Assert.Contains(stops, s => s!["hotspot"]!.GetValue<string>() == riskiest["hotspot"]!.GetValue<string>());
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        Plan("5", out var first);
        var a = File.ReadAllText(first);
        Plan("5", out var second);
        Assert.Equal(a, File.ReadAllText(second));
        Plan("6", out var other);
        Assert.NotEqual(JsonNode.Parse(a)!["stops"]!.ToJsonString(), JsonNode.Parse(File.ReadAllText(other))!["stops"]!.ToJsonString());
    }

    [Fact]
    public void The_GPX_validates_against_the_GPX_1_1_schema_and_GDAL_reads_it()
    {
        var gpx = Path.Combine(_dir, "plan.gpx");
        var plan = Plan("3", out _, "--gpx", gpx);
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.topografix.com/GPX/1/1", Path.Combine(GtProcess.RepositoryRoot, "tests", "fixtures", "gpx", "gpx-1.1-core.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(gpx, settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
        var stops = plan["stops"]!.AsArray().Count;
        Assert.Contains($"Feature Count: {stops}", Ogr(gpx, "waypoints"), StringComparison.Ordinal);
        Assert.Contains("Feature Count: 2", Ogr(gpx, "tracks"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_PDF_briefing_renders_with_the_routes_and_the_timetable()
    {
        var pdf = Path.Combine(_dir, "plan.pdf");
        var plan = Plan("3", out _, "--pdf", pdf);
        var png = Path.Combine(_dir, "page");
        Assert.Equal(0, Run("pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", pdf, png).Exit);
        using var page = SKBitmap.Decode(Directory.GetFiles(_dir, "page*.png").Single());
        Assert.InRange(page.Width, 490, 500); // A4 at 60 dpi: 496 × 702
        // Patrol 1's routes and stops are drawn in its blue (#1f77b4), patrol 2's in red (#d62728).
        Assert.True(Count(page, new SKColor(0x1f, 0x77, 0xb4)) > 200, "patrol 1's route is drawn");
        Assert.True(Count(page, new SKColor(0xd6, 0x27, 0x28)) > 200, "patrol 2's route is drawn");
        var text = Run("pdftotext", "-layout", pdf, "-").Output;
        Assert.Contains("Närvaroplan 2024-11-29", text, StringComparison.Ordinal);
        var first = plan["stops"]!.AsArray()[0]!;
        var arrive = first["arrive"]!.GetValue<string>()[11..16];
        Assert.Contains(arrive, text, StringComparison.Ordinal);
        Assert.Contains(first["hotspot"]!.GetValue<string>(), text, StringComparison.Ordinal);
        // The briefing is Swedish: a decimal comma in its reasons ("0,53 ankomsttimmen"), never a point.
        Assert.Matches(@"\d,\d+ ankomsttimmen", text);
        Assert.DoesNotMatch(@"\d\.\d+ ankomsttimmen", text);
    }

    [Fact]
    public void A_wrong_shift_is_refused_with_the_reason()
    {
        var run = GtProcess.Run(_db.ConnectionString, "patrol", "plan", "--shift", "2024-11-29T18:00", "--patrols", "2", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("START/END", run.Stderr, StringComparison.Ordinal);
        var backwards = GtProcess.Run(_db.ConnectionString, "patrol", "plan", "--shift", "2024-11-29T18:00/2024-11-29T17:00", "--patrols", "2", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("not after the start", backwards.Stderr, StringComparison.Ordinal);
    }

    private JsonNode Plan(string seed, out string path, params string[] extra)
    {
        path = Path.Combine(_dir, $"plan-{Guid.NewGuid():N}.json");
        var run = GtProcess.Run(_db.ConnectionString, ["patrol", "plan", "--shift", Shift, "--patrols", "2", "--run", "patrol-test", "--seed", seed, "--out", path, .. extra]);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(File.Exists(Path.ChangeExtension(path, ".geojson")), "the GeoJSON beside the JSON");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static string Ogr(string file, string layer)
    {
        var (exit, output) = Run("ogrinfo", "-so", file, layer);
        Assert.True(exit == 0, output);
        return output;
    }

    private static int Count(SKBitmap bitmap, SKColor colour)
    {
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                n += Math.Abs(c.Red - colour.Red) + Math.Abs(c.Green - colour.Green) + Math.Abs(c.Blue - colour.Blue) < 40 ? 1 : 0;
            }
        }

        return n;
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error.Result);
    }
}
