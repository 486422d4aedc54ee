using System.Text.Json.Nodes;
using GeoTrygghet.Core.Evaluation;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Tests.Evaluation;

/// <summary>The evaluation's bookkeeping on events whose area, window and darkness are known by construction.</summary>
public sealed class MeasureEvaluationTests
{
    private const double Lat = 59.51, Lon = 15.99;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 3006);

    [Fact]
    public void The_buffer_is_a_ring_and_the_control_is_the_study_area_outside_treated_and_buffer()
    {
        var treated = Square(0, 0, 100);
        var study = Square(-1000, -1000, 3000);
        var areas = EvaluationAreas.Build(treated, 50, null, null, study, "test study area");
        var outer = treated.Buffer(50).Area;
        Assert.Equal(outer - 10_000, areas.Buffer.Area, 6);
        Assert.Equal((3000.0 * 3000) - outer, areas.Control.Area, 3);
        Assert.False(areas.Buffer.Intersects(Factory.CreatePoint(new Coordinate(50, 50))));
        Assert.Empty(areas.Notes);
    }

    [Fact]
    public void A_given_control_loses_what_overlaps_the_treated_area_and_its_buffer_and_says_so()
    {
        var areas = EvaluationAreas.Build(Square(0, 0, 100), 100, Square(50, 0, 500), "control.geojson", Square(-1000, -1000, 3000), "study");
        Assert.Single(areas.Notes);
        Assert.Contains("overlapped", areas.Notes[0], StringComparison.Ordinal);
        Assert.False(areas.Control.Intersects(Square(0, 0, 100).Buffer(99)));
        Assert.Throws<EvaluationException>(() => EvaluationAreas.Build(Square(0, 0, 100), 100, Square(0, 0, 100), "inside.geojson", Square(-1000, -1000, 3000), "study"));
    }

    [Fact]
    public void Events_are_counted_by_area_window_and_darkness()
    {
        var design = Design(new DateOnly(2024, 1, 15), 14, 14);
        var events = new List<EvaluationEvent>();
        // Noon (11:00 UTC) in January is day; 20:00 UTC is dark.
        void Add(EvaluationRegion region, bool after, int count, int utcHour)
        {
            for (var i = 0; i < count; i++)
            {
                var day = after ? new DateTimeOffset(2024, 1, 16, utcHour, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2024, 1, 10, utcHour, 0, 0, TimeSpan.Zero);
                events.Add(new EvaluationEvent(region, after, Lat, Lon, day.AddDays(i % 5), null));
            }
        }

        Add(EvaluationRegion.Treated, false, 30, 20);
        Add(EvaluationRegion.Treated, false, 10, 11);
        Add(EvaluationRegion.Treated, true, 12, 20);
        Add(EvaluationRegion.Treated, true, 9, 11);
        Add(EvaluationRegion.Buffer, false, 8, 20);
        Add(EvaluationRegion.Buffer, true, 7, 20);
        Add(EvaluationRegion.Control, false, 200, 20);
        Add(EvaluationRegion.Control, true, 210, 11);
        // A span from 19:00 to 07:00 UTC in January is almost all dark: counted dark.
        events.Add(new EvaluationEvent(EvaluationRegion.Treated, true, Lat, Lon, new DateTimeOffset(2024, 1, 20, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 21, 7, 0, 0, TimeSpan.Zero)));

        var result = MeasureEvaluation.Evaluate(design, events);
        Assert.Equal("{\"R0\":40,\"R1\":22,\"B0\":8,\"B1\":7,\"C0\":200,\"C1\":210}", result["counts"]!.ToJsonString());
        Assert.Equal("{\"R0\":30,\"R1\":13,\"B0\":8,\"B1\":7,\"C0\":200,\"C1\":0}", result["dark"]!["counts"]!.ToJsonString());
        Assert.Equal("{\"R0\":10,\"R1\":9,\"B0\":0,\"B1\":0,\"C0\":0,\"C1\":210}", result["daylight"]!["counts"]!.ToJsonString());
        // Two January fortnights: nearly equal dark hours, the after one a little shorter as the days lengthen.
        var before = result["periods"]!["before"]!["dark_hours"]!.GetValue<double>();
        var after = result["periods"]!["after"]!["dark_hours"]!.GetValue<double>();
        Assert.InRange(before, 14 * 14, 14 * 16.5);
        Assert.True(after < before, $"{after} < {before}");
        Assert.Equal(14, result["rate_ratio"]!["exposure_before"]!.GetValue<double>());
        Assert.Equal(before, result["dark"]!["rate_ratio"]!["exposure_before"]!.GetValue<double>(), 1);
        Assert.Equal("2024-01-01", result["periods"]!["before"]!["from"]!.GetValue<string>());
        Assert.Equal("2024-01-28", result["periods"]!["after"]!["to"]!.GetValue<string>());
        // The dark control has no events after: its statistics are undefined and the section says so.
        Assert.Null(result["dark"]!["wdq"]);
        Assert.Contains(result["dark"]!["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("control area has no events", StringComparison.Ordinal));
        var summary = result["summary_sv"]!.GetValue<string>();
        Assert.Contains("40 händelser före och 22 efter", summary, StringComparison.Ordinal);
        Assert.Contains(",", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Dark_only_puts_the_dark_statistics_on_top_and_too_few_events_are_warned_about()
    {
        var events = Enumerable.Range(0, 6).Select(i => new EvaluationEvent(EvaluationRegion.Treated, i % 2 == 0, Lat, Lon,
            new DateTimeOffset(2024, 1, 10 + (i % 2 == 0 ? 7 : 0), 20, 0, 0, TimeSpan.Zero), null))
            .Concat(Enumerable.Range(0, 50).Select(i => new EvaluationEvent(EvaluationRegion.Control, i % 2 == 0, Lat, Lon, new DateTimeOffset(2024, 1, 10 + (i % 2 == 0 ? 7 : 0), 11, 0, 0, TimeSpan.Zero), null)))
            .ToList();
        var result = MeasureEvaluation.Evaluate(Design(new DateOnly(2024, 1, 15), 14, 14) with { DarkOnly = true }, events);
        Assert.Equal(result["dark"]!["counts"]!.ToJsonString(), result["counts"]!.ToJsonString());
        Assert.Contains(result["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("too few to conclude", StringComparison.Ordinal));
        Assert.Contains("för få händelser", result["summary_sv"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static EvaluationDesign Design(DateOnly date, int before, int after)
    {
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1));
        return new EvaluationDesign
        {
            Measure = "T1", MeasureType = "lighting", Date = date, BeforeDays = before, AfterDays = after,
            BeforeFrom = start.AddDays(-before), Start = start, AfterTo = start.AddDays(after), Latitude = Lat, Longitude = Lon,
            Areas = EvaluationAreas.Build(Square(0, 0, 100), 50, null, null, Square(-1000, -1000, 3000), "test"),
            Events = "incidents",
        };
    }

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y),
    ]);
}
