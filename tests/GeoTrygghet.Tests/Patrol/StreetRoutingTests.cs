using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Analysis.Temporal;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Tests.Patrol;

/// <summary>Routes along a street grid and the decaying hour-of-week risk.</summary>
public sealed class StreetRoutingTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void Routes_follow_the_streets_of_a_grid_and_cross_at_junctions()
    {
        // A 4 × 4 block grid, 100 m blocks, drawn as whole streets that cross without shared vertices.
        var streets = new List<Geometry>();
        for (var i = 0; i <= 4; i++)
        {
            streets.Add(Factory.CreateLineString([new Coordinate(0, i * 100), new Coordinate(400, i * 100)]));
            streets.Add(Factory.CreateLineString([new Coordinate(i * 100, 0), new Coordinate(i * 100, 400)]));
        }

        var router = new StreetGraphRouter(streets, 30);
        var leg = router.Route(0, 0, 300, 200);
        Assert.Equal(500, leg.Metres, 6); // Manhattan distance along the streets, not the 360.6 m straight line
        Assert.Equal(500 / 500.0, leg.Minutes, 6); // 30 km/h = 500 m/min
        Assert.All(leg.Path, p => Assert.True(p.X % 100 == 0 || p.Y % 100 == 0, $"({p.X}, {p.Y}) is on a street"));
        var off = router.Route(50, -30, 50, 430); // stops off the network join the nearest junction
        Assert.True(off.Metres >= 460, $"{off.Metres}");
    }

    [Fact]
    public void A_trip_between_unconnected_pieces_goes_straight()
    {
        List<Geometry> streets = [Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(100, 0)]), Factory.CreateLineString([new Coordinate(1000, 0), new Coordinate(1100, 0)])];
        var leg = new StreetGraphRouter(streets, 30).Route(0, 0, 1100, 0);
        Assert.Equal(1100, leg.Metres, 6);
        Assert.Equal(2, leg.Path.Count);
    }

    [Fact]
    public void Risk_halves_every_half_life_and_ignores_what_is_outside_the_look_back()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var reference = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.FromHours(1));
        // Three events 7, 98 and 400 days (and 2.5 hours) before; the last is outside a 365-day look-back.
        var times = new[] { 7, 98, 400 }.Select(d => reference.AddDays(-d).AddHours(-2.5)).ToList();
        var profile = HourOfWeekRisk.Profile(times.Select(t => (t, (DateTimeOffset?)null, 1.0)), reference, 365, 91, zone);
        var w7 = Math.Pow(0.5, (reference - times[0]).TotalDays / 91);
        var w98 = Math.Pow(0.5, (reference - times[1]).TotalDays / 91);
        Assert.Equal(w7 + w98, profile.Sum(), 9);
        Assert.Equal(w7, profile[AoristicHourOfWeek.HourOfWeek(TimeZoneInfo.ConvertTime(times[0], zone))], 9);
        Assert.Equal(w98, profile[AoristicHourOfWeek.HourOfWeek(TimeZoneInfo.ConvertTime(times[1], zone))], 9);
        Assert.InRange(w98, 0.45, 0.48); // a little over one half-life back
    }
}
