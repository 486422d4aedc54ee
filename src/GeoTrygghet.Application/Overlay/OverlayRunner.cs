using GeoTrygghet.Analysis.Lighting;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Overlay;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Overlay;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Application.Overlay;

/// <summary>
/// The lighting and camera overlay from request to result — the lamps and cameras of the database over given events,
/// per area of a run or of the register, and the places for new lamps or cameras — the same for <c>gt overlay</c> and
/// the map service's <c>/overlay/*</c>. The events are the caller's (a file, or the database with an event filter),
/// in the database's analysis CRS.
/// </summary>
public static class OverlayRunner
{
    /// <summary>The working lamps and the cameras, with the ground each lamp lights at <paramref name="minLux"/>.</summary>
    public sealed record Assets(AssetOverlay Overlay, List<LightAsset> Lights);

    public sealed record AreasResult(List<AreaCoverage> Areas, List<(string Id, string Label, Geometry Area)> Polygons, DateOnly Day, Assets Assets);

    public sealed record CandidatesResult(PlacementCandidates.Result Result, double RadiusMetres, Assets Assets);

    /// <summary>The radius one new asset covers unless given: a 5,200 lm LED on a 7 m pole by the lighting model, or 50 m of camera view.</summary>
    public static double DefaultRadius(string kind, double minLux) =>
        kind == "light" ? Math.Round(LitRadius.Metres(7, 5200, null, "LED", minLux), 1) : 50;

    public static Assets LoadAssets(string connectionString, double minLux, int srid)
    {
        if (!(minLux > 0))
        {
            throw new GeoTrygghet.Analysis.AnalysisException("min_lux must be above 0.");
        }

        var lights = AssetSource.Lights(connectionString, minLux);
        return new Assets(new AssetOverlay(lights, AssetSource.Cameras(connectionString, srid), srid), lights);
    }

    /// <summary>
    /// Per hotspot of <paramref name="run"/>, or per area of the register (of <paramref name="kind"/>, or all): events,
    /// darkness, lit, watched, lamps out; lamps and cameras as on <paramref name="day"/> (default: the newest event's day).
    /// </summary>
    public static AreasResult Areas(string connectionString, PointTable events, string? run, string? kind, DateOnly? day, double minLux, int srid, CancellationToken cancel = default)
    {
        var assets = LoadAssets(connectionString, minLux, srid);
        var coverage = assets.Overlay.Of(events, cancel);
        var polygons = run is not null ? AssetSource.RunHotspots(connectionString, run) : AssetSource.Areas(connectionString, kind);
        var onDay = day ?? StockholmTime.LocalDate(events.Count > 0 ? events.TimeFrom!.Max()!.Value : DateTimeOffset.UtcNow);
        return new AreasResult(AreaCoverage.Of(polygons, events, coverage, assets.Overlay, assets.Lights, onDay, cancel), polygons, onDay, assets);
    }

    /// <summary>Places for <paramref name="count"/> new lamps (over dark, unlit events) or cameras (over unwatched events), by greedy maximal coverage.</summary>
    public static CandidatesResult Candidates(string connectionString, PointTable events, string kind, int count, double? radius, double halfLifeDays, double minLux,
        IReadOnlyDictionary<string, double> categoryWeights, int srid, CancellationToken cancel = default)
    {
        var assets = LoadAssets(connectionString, minLux, srid);
        var reach = radius ?? DefaultRadius(kind, minLux);
        var result = PlacementCandidates.Choose(events, assets.Overlay.Of(events, cancel), kind, count, reach, halfLifeDays, categoryWeights, cancel);
        return new CandidatesResult(result, reach, assets);
    }
}
