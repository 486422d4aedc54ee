using GeoTrygghet.Core.Hotspots;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GeoTrygghet.Core.Overlay;

/// <summary>
/// A hotspot's or focus area's side of the overlay: how many of its events were after dark, how many of
/// those were lit, how many happened by a lamp that was out, how many a camera saw, and how much of its
/// ground the lamps working and the cameras installed on a given day cover.
/// </summary>
public sealed record AreaCoverage(string Id, string Label, int Events, int DarkEvents, int DarkLit, int DarkUnlit, int LightsOutEvents, int Watched,
    double LitAreaShare, double WatchedAreaShare, IReadOnlyList<string> LampsOutNow)
{
    public double DarkShare => Events == 0 ? 0 : (double)DarkEvents / Events;

    public double DarkLitShare => DarkEvents == 0 ? 0 : (double)DarkLit / DarkEvents;

    public double WatchedShare => Events == 0 ? 0 : (double)Watched / Events;

    public static List<AreaCoverage> Of(IEnumerable<(string Id, string Label, Geometry Area)> areas, PointTable events, EventCoverage[] coverage,
        AssetOverlay overlay, IReadOnlyList<LightAsset> lights, DateOnly day, CancellationToken cancel = default)
    {
        var litArea = overlay.LitArea(day);
        var watchedArea = overlay.WatchedArea(day);
        var factory = new GeometryFactory(new PrecisionModel(), litArea.SRID);
        var result = new List<AreaCoverage>();
        foreach (var (id, label, area) in areas)
        {
            cancel.ThrowIfCancellationRequested();
            var prepared = PreparedGeometryFactory.Prepare(area);
            var env = area.EnvelopeInternal;
            int n = 0, dark = 0, darkLit = 0, darkUnlit = 0, lightsOut = 0, watched = 0;
            for (var i = 0; i < events.Count; i++)
            {
                if (!env.Contains(events.X[i], events.Y[i]) || !prepared.Covers(factory.CreatePoint(new Coordinate(events.X[i], events.Y[i]))))
                {
                    continue;
                }

                var c = coverage[i];
                n++;
                dark += c.Dark ? 1 : 0;
                darkLit += c.Dark && c.Lit ? 1 : 0;
                darkUnlit += c.DarkUnlit ? 1 : 0;
                lightsOut += c.LampsOut.Count > 0 ? 1 : 0;
                watched += c.Watched ? 1 : 0;
            }

            var lampsOut = lights.Where(l => l.StatusOn(day) == "out" && prepared.Covers(factory.CreatePoint(new Coordinate(l.X, l.Y)))).Select(l => l.Id).ToList();
            var size = area.Area;
            result.Add(new AreaCoverage(id, label, n, dark, darkLit, darkUnlit, lightsOut, watched,
                size > 0 ? Math.Min(1, area.Intersection(litArea).Area / size) : 0,
                size > 0 ? Math.Min(1, area.Intersection(watchedArea).Area / size) : 0,
                lampsOut));
        }

        return result;
    }
}
