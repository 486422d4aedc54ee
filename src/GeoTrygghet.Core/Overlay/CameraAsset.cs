using GeoTrygghet.Analysis.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace GeoTrygghet.Core.Overlay;

/// <summary>
/// A camera with what it sees (its view sector less what buildings hide, <see cref="VisibilityPolygon"/>) and
/// when it records: from its installation day, within its daily operating hours (Stockholm time; 18:00–06:00
/// runs over midnight; no hours means always).
/// </summary>
public sealed class CameraAsset
{
    private readonly IPreparedGeometry _prepared;

    public CameraAsset(string id, Polygon view, TimeOnly? hoursStart, TimeOnly? hoursEnd, DateOnly? installedOn)
    {
        Id = id;
        View = view;
        HoursStart = hoursStart;
        HoursEnd = hoursEnd;
        InstalledOn = installedOn;
        _prepared = PreparedGeometryFactory.Prepare(view);
    }

    public string Id { get; }

    public Polygon View { get; }

    public TimeOnly? HoursStart { get; }

    public TimeOnly? HoursEnd { get; }

    public DateOnly? InstalledOn { get; }

    public static CameraAsset Build(GeometryFactory factory, string id, double x, double y, double directionDeg, double fovDeg, double rangeMetres,
        TimeOnly? hoursStart, TimeOnly? hoursEnd, DateOnly? installedOn, STRtree<Geometry>? obstacles) =>
        new(id, VisibilityPolygon.Sector(factory, x, y, directionDeg, fovDeg, rangeMetres, obstacles), hoursStart, hoursEnd, installedOn);

    public bool Sees(Point p) => _prepared.Covers(p);

    public bool RecordsAt(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, Time.StockholmTime.Zone);
        if (InstalledOn is { } day && DateOnly.FromDateTime(local.DateTime) < day)
        {
            return false;
        }

        if (HoursStart is not { } start || HoursEnd is not { } end || start == end)
        {
            return true;
        }

        var t = TimeOnly.FromDateTime(local.DateTime);
        return start < end ? t >= start && t < end : t >= start || t < end;
    }
}
