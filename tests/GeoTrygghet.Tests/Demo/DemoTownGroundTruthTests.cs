using System.Globalization;
using System.Text.Json;
using GeoTrygghet.Demo;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Tests.Demo;

/// <summary>The planted story of the committed town.</summary>
[Collection(DemoTownCollection.Name)]
public sealed class DemoTownGroundTruthTests(DemoTownFixture town) : DemoTownGroundTruthChecks(town);

/// <summary>The same story in a town that ends on another day: every planted date moves with the end.</summary>
public sealed class MovedDemoTownGroundTruthTests(MovedDemoTownFixture town) : DemoTownGroundTruthChecks(town), IClassFixture<MovedDemoTownFixture>
{
    [Fact]
    public void The_moved_town_ends_on_its_day_and_its_measures_move_with_it()
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Town.File("ground_truth.json")));
        Assert.Equal("2023-06-15", truth.RootElement.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2026-06-14", truth.RootElement.GetProperty("period").GetProperty("end").GetString());
        var last = DemoFiles.ReadCsvRows(Town.File("incidents.csv")).Max(r => DemoFiles.Time(r["time_from"]));
        Assert.InRange(last, new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.FromHours(2)));
        var lighting = DateOnly.ParseExact(truth.RootElement.GetProperty("lighting_measure").GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(lighting, new DateOnly(2024, 12, 10), new DateOnly(2024, 12, 20));
    }
}

/// <summary>The ground truth planted in a demo town is there in its files.</summary>
public abstract class DemoTownGroundTruthChecks(DemoTownFixture town)
{
    protected DemoTownFixture Town => town;

    private sealed record Incident(Point At, DateTimeOffset From, bool Dark);

    private List<Incident> Incidents() =>
        DemoFiles.ReadCsvRows(town.File("incidents.csv"))
            .Select(r =>
            {
                var from = DemoFiles.Time(r["time_from"]);
                return new Incident(new Point(DemoFiles.X(r), DemoFiles.Y(r)), from, DemoSun.IsDark(from));
            })
            .ToList();

    private JsonElement Truth()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(town.File("ground_truth.json")));
        return document.RootElement.Clone();
    }

    // Rates per day of exposure, before and from the measure date, of the incidents that pass the filter.
    private (double Before, double After) Rates(IEnumerable<Incident> incidents, DateOnly date, int daysBefore, int daysAfter)
    {
        var list = incidents.ToList();
        var before = list.Count(i => DateOnly.FromDateTime(i.From.DateTime) < date);
        return (before / (double)daysBefore, (list.Count - before) / (double)daysAfter);
    }

    [Fact]
    public void Lighting_measure_cuts_night_time_incidents_on_the_path_by_the_planted_share()
    {
        var truth = Truth();
        var path = truth.GetProperty("dark_path");
        var measure = truth.GetProperty("lighting_measure");
        var corridor = DemoFiles.Wkt(path.GetProperty("corridor_wkt").GetString()!);
        var date = DateOnly.ParseExact(measure.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var share = measure.GetProperty("planted_effect_share").GetDouble();
        var (daysBefore, daysAfter) = (path.GetProperty("days_before").GetInt32(), path.GetProperty("days_after").GetInt32());

        var night = Incidents().Where(i => i.Dark && corridor.Covers(i.At)).ToList();
        var (before, after) = Rates(night, date, daysBefore, daysAfter);

        Assert.Equal(0.5, share);
        Assert.True(before > 0.1, "the path is a night-time hotspot before the measure");
        Assert.InRange(after / before, 1 - share - 0.05, 1 - share + 0.05);
        Assert.Equal(path.GetProperty("night_incidents_before").GetInt32() + path.GetProperty("night_incidents_after").GetInt32(), night.Count);
    }

    [Fact]
    public void Daytime_incidents_on_the_path_and_night_time_incidents_around_it_do_not_change()
    {
        var truth = Truth();
        var path = truth.GetProperty("dark_path");
        var line = DemoFiles.Wkt(path.GetProperty("geometry_wkt").GetString()!);
        var corridor = DemoFiles.Wkt(path.GetProperty("corridor_wkt").GetString()!);
        var date = DateOnly.ParseExact(truth.GetProperty("lighting_measure").GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (daysBefore, daysAfter) = (path.GetProperty("days_before").GetInt32(), path.GetProperty("days_after").GetInt32());
        var incidents = Incidents();

        var (dayBefore, dayAfter) = Rates(incidents.Where(i => !i.Dark && corridor.Covers(i.At)), date, daysBefore, daysAfter);
        Assert.InRange(dayAfter / dayBefore, 0.9, 1.1);

        var around = incidents.Where(i => i.Dark && !corridor.Covers(i.At) && line.Distance(i.At) < 400).ToList();
        var (aroundBefore, aroundAfter) = Rates(around, date, daysBefore, daysAfter);
        Assert.True(around.Count > 300);
        Assert.InRange(aroundAfter / aroundBefore, 0.8, 1.25);
    }

    [Fact]
    public void Lighting_measure_lists_the_new_lights_installed_on_its_date()
    {
        var truth = Truth().GetProperty("lighting_measure");
        var date = truth.GetProperty("date").GetString()!;
        var lights = DemoFiles.ReadCsvRows(town.File("lights.csv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        var measure = DemoFiles.ReadGeoJson(town.File("measures.geojson"), out _).Single(m => m.Properties["id"].GetString() == "M01");
        Assert.Equal("lighting", measure.Properties["type"].GetString());
        Assert.Equal(date, measure.Properties["start_date"].GetString());

        var assets = measure.Properties["assets"].GetString()!.Split(';');
        Assert.True(assets.Length >= 15);
        Assert.All(assets, a =>
        {
            var light = lights[a["light:".Length..]];
            Assert.Equal(date, light["installed_on"]);
            Assert.Equal("LED", light["lamp_type"]);
            Assert.True(measure.Geometry.Covers(new Point(DemoFiles.X(light), DemoFiles.Y(light))));
        });
        Assert.All(truth.GetProperty("removed_lights").EnumerateArray(), id =>
        {
            var light = lights[id.GetString()!];
            Assert.Equal("removed", light["status"]);
            Assert.EndsWith(date + ":removed", light["status_changes"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Hotspots_hold_their_planted_incidents_and_the_emerging_one_starts_late()
    {
        var incidents = Incidents();
        foreach (var hotspot in Truth().GetProperty("hotspots").EnumerateArray())
        {
            var extent = DemoFiles.Wkt(hotspot.GetProperty("extent_wkt").GetString()!);
            var from = DateOnly.ParseExact(hotspot.GetProperty("active_from").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var inside = incidents.Where(i => extent.Covers(i.At)).ToList();
            var planted = hotspot.GetProperty("incidents").GetInt32();
            Assert.True(inside.Count >= planted, $"{hotspot.GetProperty("id")} holds its {planted} incidents");

            // Background incidents also pass through an extent, but far more thinly than the planted ones.
            var beforeStart = inside.Count(i => DateOnly.FromDateTime(i.From.DateTime) < from);
            Assert.True(beforeStart < planted / 5, $"{hotspot.GetProperty("id")} is quiet before it starts");
        }

        var emerging = Truth().GetProperty("hotspots").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "emerging");
        Assert.Equal(0, emerging.GetProperty("incidents_by_year").EnumerateObject().First().Value.GetInt32());
    }

    [Fact]
    public void Night_time_path_incidents_happen_after_dark_by_the_documented_rule()
    {
        // Midwinter midnight is dark, midsummer noon is not, and at 59.5° N even midsummer night has a
        // short civil darkness (the sun dips to about −7°).
        Assert.True(DemoSun.IsDark(new DateTimeOffset(2023, 12, 21, 0, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(DemoSun.IsDark(new DateTimeOffset(2023, 6, 21, 13, 0, 0, TimeSpan.FromHours(2))));
        Assert.InRange(DemoSun.ElevationDeg(new DateTimeOffset(2023, 6, 21, 1, 0, 0, TimeSpan.FromHours(2))), -7.5, -6.2);
        Assert.InRange(DemoSun.ElevationDeg(new DateTimeOffset(2023, 3, 20, 12, 10, 0, TimeSpan.FromHours(1))), 29.5, 31.5);
    }
}
