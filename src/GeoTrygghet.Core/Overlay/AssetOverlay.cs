using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Hotspots;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoTrygghet.Core.Overlay;

/// <summary>
/// Every event against darkness, street lighting and cameras at its own time: lit when a lamp that was
/// working that day stands within its lit radius; "lights out" when a lamp within reach was out; watched
/// when a camera installed by then, recording at that hour, sees the spot. Lamp status is by Stockholm day
/// (registers record the day of a change, not the hour).
/// </summary>
public sealed class AssetOverlay
{
    private readonly IReadOnlyList<LightAsset> _lights;
    private readonly IReadOnlyList<CameraAsset> _cameras;
    private readonly STRtree<LightAsset> _lightIndex = new();
    private readonly STRtree<CameraAsset> _cameraIndex = new();
    private readonly GeometryReprojector _toWgs84;
    private readonly GeometryFactory _factory;

    public AssetOverlay(IReadOnlyList<LightAsset> lights, IReadOnlyList<CameraAsset> cameras, int srid)
    {
        _lights = lights;
        _cameras = cameras;
        foreach (var l in lights)
        {
            _lightIndex.Insert(new Envelope(l.X - l.RadiusMetres, l.X + l.RadiusMetres, l.Y - l.RadiusMetres, l.Y + l.RadiusMetres), l);
        }

        foreach (var c in cameras)
        {
            _cameraIndex.Insert(c.View.EnvelopeInternal, c);
        }

        _lightIndex.Build();
        _cameraIndex.Build();
        _toWgs84 = new GeometryReprojector(srid, 4326);
        _factory = new GeometryFactory(new PrecisionModel(), srid);
    }

    public int Lights => _lights.Count;

    public int Cameras => _cameras.Count;

    public EventCoverage At(double x, double y, DateTimeOffset from, DateTimeOffset? to)
    {
        var (lon, lat) = _toWgs84.ToLonLat(x, y);
        var darkShare = Analysis.Solar.Darkness.DarkShare(from, to, lat, lon);
        var day = Time.StockholmTime.LocalDate(from);
        var lit = false;
        List<string>? lampsOut = null;
        foreach (var l in _lightIndex.Query(new Envelope(x, x, y, y)))
        {
            var dx = l.X - x;
            var dy = l.Y - y;
            if ((dx * dx) + (dy * dy) > l.RadiusMetres * l.RadiusMetres)
            {
                continue;
            }

            switch (l.StatusOn(day))
            {
                case "working":
                    lit = true;
                    break;
                case "out":
                    (lampsOut ??= []).Add(l.Id);
                    break;
            }
        }

        List<string>? cameras = null;
        var point = _factory.CreatePoint(new Coordinate(x, y));
        foreach (var c in _cameraIndex.Query(point.EnvelopeInternal))
        {
            if (c.Sees(point) && c.RecordsAt(from))
            {
                (cameras ??= []).Add(c.Id);
            }
        }

        return new EventCoverage(darkShare, lit, (IReadOnlyList<string>?)lampsOut?.Order(StringComparer.Ordinal).ToList() ?? [], (IReadOnlyList<string>?)cameras?.Order(StringComparer.Ordinal).ToList() ?? []);
    }

    public EventCoverage[] Of(PointTable events, CancellationToken cancel = default)
    {
        if (events.TimeFrom is null || events.TimeFrom.Any(t => t is null))
        {
            throw new Analysis.AnalysisException("the overlay needs time_from on every event: lamp status, darkness and camera hours depend on it.");
        }

        var result = new EventCoverage[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            result[i] = At(events.X[i], events.Y[i], events.TimeFrom[i]!.Value, events.TimeTo?[i]);
        }

        return result;
    }

    /// <summary>The ground lit by the lamps working on <paramref name="day"/>, as one geometry.</summary>
    public Geometry LitArea(DateOnly day) => Union(_lights.Where(l => l.StatusOn(day) == "working" && l.RadiusMetres > 0)
        .Select(l => _factory.CreatePoint(new Coordinate(l.X, l.Y)).Buffer(l.RadiusMetres, 8)));

    /// <summary>The ground seen by the cameras installed by <paramref name="day"/> (whatever their hours).</summary>
    public Geometry WatchedArea(DateOnly day) => Union(_cameras.Where(c => c.InstalledOn is null || c.InstalledOn <= day).Select(c => (Geometry)c.View));

    private Geometry Union(IEnumerable<Geometry> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? _factory.CreatePolygon() : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(list);
    }
}
