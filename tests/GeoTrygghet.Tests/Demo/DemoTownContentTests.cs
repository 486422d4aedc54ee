using System.Globalization;
using System.Text.RegularExpressions;
using GeoTrygghet.Demo;

namespace GeoTrygghet.Tests.Demo;

[Collection(DemoTownCollection.Name)]
public sealed partial class DemoTownContentTests(DemoTownFixture town)
{
    private const double MinE = 556033 - 1500, MaxE = 556033 + 1500, MinN = 6597260 - 1500, MaxN = 6597260 + 1500;

    [Theory]
    [InlineData("incidents.csv")]
    [InlineData("reports.csv")]
    [InlineData("lights.csv")]
    [InlineData("cameras.csv")]
    public void Every_point_lies_inside_the_town(string file)
    {
        var rows = DemoFiles.ReadCsvRows(town.File(file));
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.InRange(DemoFiles.X(r), MinE, MaxE);
            Assert.InRange(DemoFiles.Y(r), MinN, MaxN);
            Assert.Matches(@"^\d+\.\d\d$", r["x"]);
            Assert.Matches(@"^\d+\.\d\d$", r["y"]);
        });
    }

    [Fact]
    public void Every_geometry_lies_inside_the_town()
    {
        foreach (var file in new[] { "measures.geojson", "areas.geojson", "basemap.geojson" })
        {
            Assert.All(DemoFiles.ReadGeoJson(town.File(file), out _), f =>
            {
                var e = f.Geometry.EnvelopeInternal;
                Assert.True(e.MinX >= MinE && e.MaxX <= MaxE && e.MinY >= MinN && e.MaxY <= MaxN, $"{file} {f.Properties["id"]} leaves the town");
            });
        }
    }

    [Fact]
    public void Light_status_equals_the_last_status_change()
    {
        var rows = DemoFiles.ReadCsvRows(town.File("lights.csv"));
        var changed = 0;
        foreach (var r in rows)
        {
            Assert.Contains(r["status"], new[] { "working", "out", "removed" });
            if (r["status_changes"].Length == 0)
            {
                continue;
            }

            changed++;
            var changes = r["status_changes"].Split(';').Select(c => c.Split(':')).ToList();
            var dates = changes.Select(c => DateOnly.ParseExact(c[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(dates.Order(), dates);
            Assert.Equal(r["status"], changes[^1][1]);
        }

        Assert.InRange(changed, 20 + 8, 45);
        Assert.Contains(rows, r => r["status"] == "out");
        Assert.All(rows, r => Assert.Contains(r["lamp_type"], new[] { "LED", "HPS" }));
    }

    [Theory]
    [InlineData("incidents.csv", "time_from")]
    [InlineData("incidents.csv", "time_to")]
    [InlineData("reports.csv", "time_from")]
    public void No_local_time_in_the_files_is_invalid(string file, string column)
    {
        var checkedTimes = 0;
        foreach (var r in DemoFiles.ReadCsvRows(town.File(file)))
        {
            var text = r[column];
            if (text.Length == 0)
            {
                continue;
            }

            var m = IsoTime().Match(text);
            Assert.True(m.Success, $"'{text}' is not yyyy-MM-ddTHH:mm:ss±hh:mm");
            var local = DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            var offset = TimeSpan.ParseExact(m.Groups[3].Value, "hh\\:mm", CultureInfo.InvariantCulture) * (m.Groups[2].Value == "-" ? -1 : 1);
            Assert.False(DemoFiles.Stockholm.IsInvalidTime(local), $"{text} does not exist in Stockholm");
            var valid = DemoFiles.Stockholm.IsAmbiguousTime(local) ? DemoFiles.Stockholm.GetAmbiguousTimeOffsets(local) : [DemoFiles.Stockholm.GetUtcOffset(local)];
            Assert.Contains(offset, valid);
            checkedTimes++;
        }

        Assert.True(checkedTimes > 100);
    }

    [Fact]
    public void Times_in_the_daylight_saving_hours_get_an_existing_wall_clock_time_and_offset()
    {
        // 2023-03-26 02:30 does not exist in Stockholm; 2023-10-29 02:30 happens twice.
        Assert.Equal("2023-03-26T03:30:00+02:00", DemoClock.Format(DemoClock.At(new DateOnly(2023, 3, 26), 150, second: false)));
        Assert.Equal("2023-10-29T02:30:00+02:00", DemoClock.Format(DemoClock.At(new DateOnly(2023, 10, 29), 150, second: false)));
        Assert.Equal("2023-10-29T02:30:00+01:00", DemoClock.Format(DemoClock.At(new DateOnly(2023, 10, 29), 150, second: true)));
        Assert.Equal("2023-07-01T00:15:00+02:00", DemoClock.Format(DemoClock.At(new DateOnly(2023, 6, 30), 24 * 60 + 15, second: false)));
    }

    [Fact]
    public void Time_spans_end_after_they_begin_and_are_about_a_fifth()
    {
        var rows = DemoFiles.ReadCsvRows(town.File("incidents.csv"));
        var spans = rows.Where(r => r["time_to"].Length > 0).ToList();
        Assert.All(spans, r => Assert.True(DemoFiles.Time(r["time_to"]) > DemoFiles.Time(r["time_from"])));
        Assert.InRange(spans.Count / (double)rows.Count, 0.15, 0.25);
        Assert.Contains(spans, r => r["category"] == "Inbrott" && DemoFiles.Time(r["time_from"]).DayOfWeek == DayOfWeek.Friday
            && DemoFiles.Time(r["time_to"]).DayOfWeek == DayOfWeek.Monday);
    }

    [Fact]
    public void Incidents_have_a_realistic_volume_and_rhythm()
    {
        var rows = DemoFiles.ReadCsvRows(town.File("incidents.csv"));
        var times = rows.Select(r => (Category: r["category"], At: DemoFiles.Time(r["time_from"]))).ToList();
        foreach (var year in times.GroupBy(t => t.At.Year))
        {
            Assert.InRange(year.Count(), 2000, 3000);
        }

        Assert.Equal(times.Select(t => t.At).Order(), times.Select(t => t.At));
        var violence = times.Where(t => t.Category == "Misshandel").ToList();
        var theft = times.Where(t => t.Category == "Stöld").ToList();
        static bool Evening(DateTimeOffset t) => t.Hour >= 18 || t.Hour < 3;
        Assert.True(violence.Count(t => Evening(t.At)) > violence.Count / 2, "violence peaks in the evening and night");
        Assert.True(theft.Count(t => t.At.Hour is >= 9 and < 18) > theft.Count / 2, "theft peaks in the daytime");
        static bool WeekendNight(DateTimeOffset t) =>
            (t.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday && t.Hour >= 18) || (t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && t.Hour < 6);
        Assert.True(violence.Count(t => WeekendNight(t.At)) > violence.Count / 3, "Friday and Saturday nights dominate");
        var july = violence.Count(t => t.At.Month == 7);
        var february = violence.Count(t => t.At.Month == 2);
        Assert.True(july > february * 1.2, "violence peaks in summer");
        Assert.All(rows, r => Assert.Matches(@"^I\d{6}$", r["id"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{4}$", r["crime_code"]));
    }

    [Fact]
    public void Reports_use_the_vocabulary_and_roles()
    {
        var rows = DemoFiles.ReadCsvRows(town.File("reports.csv"));
        string[] categories = ["vandalism", "graffiti", "littering", "broken_light", "gathering", "unsafe_place", "other"];
        string[] roles = ["fastighetsvärd", "väktare", "fritidsledare", "gatukontoret", "polis"];
        Assert.All(rows, r =>
        {
            Assert.Contains(r["category"], categories);
            Assert.Contains(r["kind"], new[] { "est", "safety_walk" });
            Assert.Contains(r["reporter_role"], roles);
            Assert.InRange(r["text"].Length, 5, 160);
        });
        Assert.Contains(rows, r => r["text"].Contains(',', StringComparison.Ordinal));
        Assert.Contains(rows, r => r["text"].Contains('"', StringComparison.Ordinal));
        foreach (var year in rows.GroupBy(r => r["time_from"][..4]))
        {
            Assert.InRange(year.Count(), 800, 1500);
        }

        Assert.InRange(rows.Count(r => r["kind"] == "safety_walk"), 20, 100);
    }

    [Fact]
    public void Areas_blocks_and_measures_are_valid_polygons()
    {
        var areas = DemoFiles.ReadGeoJson(town.File("areas.geojson"), out _);
        Assert.All(areas, a => Assert.True(a.Geometry.IsValid && a.Geometry is NetTopologySuite.Geometries.Polygon, $"{a.Properties["id"]} is not a valid polygon"));
        Assert.Equal(["Centrum", "Nygård"], areas.Where(a => a.Properties["kind"].GetString() == "focus_area").Select(a => a.Properties["name"].GetString()));
        Assert.All(areas.Where(a => a.Properties["kind"].GetString() == "focus_area"), a => Assert.Equal(2024, a.Properties["year"].GetInt32()));
        var districts = areas.Where(a => a.Properties["kind"].GetString() == "district").Select(a => a.Geometry).ToList();
        Assert.True(districts.Count >= 3);
        for (var i = 0; i < districts.Count; i++)
        {
            for (var j = i + 1; j < districts.Count; j++)
            {
                Assert.True(districts[i].Intersection(districts[j]).Area < 1, "districts do not overlap");
            }
        }

        var basemap = DemoFiles.ReadGeoJson(town.File("basemap.geojson"), out _);
        Assert.All(basemap, f =>
        {
            var kind = f.Properties["kind"].GetString();
            Assert.Contains(kind, new[] { "street", "path", "block", "park", "water" });
            Assert.Equal(kind is "street" or "path" ? "LineString" : "Polygon", f.Geometry.GeometryType);
            Assert.True(f.Geometry.IsValid, $"{f.Properties["id"]} is not valid");
        });
        Assert.All(DemoFiles.ReadGeoJson(town.File("measures.geojson"), out _), m => Assert.True(m.Geometry.IsValid));
    }

    [Fact]
    public void Cameras_have_plausible_directions_hours_and_owners()
    {
        var rows = DemoFiles.ReadCsvRows(town.File("cameras.csv"));
        Assert.All(rows, r =>
        {
            Assert.InRange(int.Parse(r["direction"], CultureInfo.InvariantCulture), 0, 359);
            Assert.InRange(int.Parse(r["fov"], CultureInfo.InvariantCulture), 30, 120);
            Assert.InRange(int.Parse(r["range"], CultureInfo.InvariantCulture), 10, 100);
            Assert.Matches(@"^(24/7|\d\d:\d\d-\d\d:\d\d)$", r["hours"]);
        });
        Assert.Equal(["Butik (privat)", "KBAB", "Köpings kommun", "VME"], rows.Select(r => r["owner"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows.Where(r => r["owner"] == "Köpings kommun"), r => Assert.StartsWith("IMY-", r["permit"], StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([+-])(\d\d:\d\d)$")]
    private static partial Regex IsoTime();
}
