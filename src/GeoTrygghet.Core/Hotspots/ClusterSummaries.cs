using GeoTrygghet.Analysis.Temporal;
using GeoTrygghet.Core.Time;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Hotspots;

/// <summary>
/// Each DBSCAN cluster as an area with what a planner asks of it: the polygon (a concave hull with edge
/// length ratio 0.3, the convex hull when that is not a valid polygon, a small buffer for one or two
/// distinct positions), the count, categories with counts, first and last time, the aoristic
/// hour-of-week profile and the count per month, in Stockholm time.
/// </summary>
public static class ClusterSummaries
{
    public const double ConcaveRatio = 0.3;

    public sealed record Summary(int Cluster, Geometry Polygon, string HullKind, int Count, IReadOnlyDictionary<string, int> Categories, DateTimeOffset? First, DateTimeOffset? Last, double[] HourOfWeek, IReadOnlyDictionary<string, int> Months);

    public static IReadOnlyList<Summary> Build(PointTable points, int[] labels, int srid, CancellationToken cancel = default)
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(srid);
        var byCluster = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0)
            {
                (byCluster.TryGetValue(labels[i], out var list) ? list : byCluster[labels[i]] = []).Add(i);
            }
        }

        var result = new List<Summary>();
        foreach (var (cluster, members) in byCluster)
        {
            cancel.ThrowIfCancellationRequested();
            var multi = factory.CreateMultiPointFromCoords(members.Select(i => new Coordinate(points.X[i], points.Y[i])).ToArray());
            var (polygon, kind) = Hull(multi);
            var categories = members.Where(i => points.Category?[i] is not null)
                .GroupBy(i => points.Category![i]!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
            var times = members.Select(i => points.TimeFrom?[i]).OfType<DateTimeOffset>().ToList();
            var profile = new double[AoristicHourOfWeek.Hours];
            foreach (var i in members)
            {
                if (points.TimeFrom?[i] is { } from)
                {
                    AoristicHourOfWeek.Add(profile, from, points.TimeTo?[i], StockholmTime.Zone, points.Weight?[i] ?? 1);
                }
            }

            // Events per calendar month (Stockholm time), for the trend a planner reads off a hotspot.
            var months = members.Where(i => points.TimeFrom?[i] is not null)
                .GroupBy(i => TimeZoneInfo.ConvertTime(points.TimeFrom![i]!.Value, StockholmTime.Zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
            var last = members.Select(i => points.TimeTo?[i] ?? points.TimeFrom?[i]).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
            result.Add(new Summary(cluster, polygon, kind, members.Count, categories,
                times.Count > 0 ? times.Min() : null, times.Count > 0 ? last : null, profile, months));
        }

        return result;
    }

    private static (Geometry Polygon, string Kind) Hull(MultiPoint points)
    {
        var distinct = points.Coordinates.Distinct().Count();
        if (distinct < 3)
        {
            return (points.Envelope.Buffer(5), "buffer");
        }

        var concave = ConcaveHull.ConcaveHullByLengthRatio(points, ConcaveRatio);
        if (concave is Polygon { IsValid: true, IsEmpty: false, Area: > 0 })
        {
            return (concave, "concave");
        }

        var convex = points.ConvexHull();
        return convex is Polygon ? (convex, "convex") : (convex.Buffer(5), "buffer");
    }
}
