using System.Globalization;
using GeoTrygghet.Analysis.Coverage;
using GeoTrygghet.Core.Overlay;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoTrygghet.Tests.Overlay;

/// <summary>What a camera sees and when it records.</summary>
public sealed class CameraCoverageTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 3006);

    [Fact]
    public void An_open_sector_has_the_area_of_its_circular_sector()
    {
        var sector = VisibilityPolygon.Sector(Factory, 0, 0, 90, 60, 100);
        var exact = Math.PI * 100 * 100 * 60 / 360;
        // The chords of 1° steps cut off a sliver: 1 − sin(1°)/(1° in radians) ≈ 5e-5 of the area.
        Assert.InRange(sector.Area, exact * 0.9999, exact);
        Assert.True(sector.Covers(Point(80, 0)), "straight ahead (east)");
        Assert.False(sector.Covers(Point(0, 80)), "north is outside a 60° view east");
        Assert.False(sector.Covers(Point(101, 0)), "beyond the range");
        var round = VisibilityPolygon.Sector(Factory, 0, 0, 0, 360, 50);
        Assert.InRange(round.Area, Math.PI * 2500 * 0.999, Math.PI * 2500);
    }

    [Fact]
    public void A_building_in_the_way_hides_what_lies_behind_it()
    {
        var obstacles = new STRtree<Geometry>();
        var block = Factory.CreatePolygon([new(30, -10), new(40, -10), new(40, 10), new(30, 10), new(30, -10)]);
        obstacles.Insert(block.EnvelopeInternal, block);
        obstacles.Build();
        var sector = VisibilityPolygon.Sector(Factory, 0, 0, 90, 90, 100, obstacles);
        Assert.True(sector.Covers(Point(20, 0)), "in front of the block");
        Assert.False(sector.Covers(Point(60, 0)), "behind the block");
        Assert.False(sector.Covers(Point(35, 0)), "inside the block");
        Assert.True(sector.Covers(Point(60, 40)), "beside the block's shadow");
    }

    [Theory]
    [InlineData("2024-01-10T18:30:00Z", true)]    // 19:30 CET, inside 18:00–06:00
    [InlineData("2024-01-10T04:30:00Z", true)]    // 05:30 CET
    [InlineData("2024-01-10T05:30:00Z", false)]   // 06:30 CET
    [InlineData("2024-07-10T16:30:00Z", true)]    // 18:30 CEST
    [InlineData("2024-03-31T16:30:00Z", true)]    // 18:30 CEST on the day the clocks go forward
    [InlineData("2024-07-10T15:30:00Z", false)]   // 17:30 CEST
    [InlineData("2021-01-10T18:30:00Z", false)]   // before installation
    public void A_camera_records_within_its_hours_over_midnight_in_Stockholm_time_from_installation(string utc, bool records)
    {
        var camera = new CameraAsset("K1", VisibilityPolygon.Sector(Factory, 0, 0, 0, 90, 50), new TimeOnly(18, 0), new TimeOnly(6, 0), new DateOnly(2021, 6, 15));
        Assert.Equal(records, camera.RecordsAt(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)));
    }

    private static Point Point(double x, double y) => Factory.CreatePoint(new Coordinate(x, y));
}
