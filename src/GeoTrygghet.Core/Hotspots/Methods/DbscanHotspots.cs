using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>DBSCAN (Ester, Kriegel, Sander &amp; Xu 1996) or ST-DBSCAN (Birant &amp; Kut 2007), with each cluster as a polygon.</summary>
internal static class DbscanHotspots
{
    public static HotspotOutcome Run(PointTable points, string input, HotspotParameters p, int srid, CancellationToken cancel)
    {
        var hours = p.TimeEpsHours;
        var options = new DbscanOptions(p.Eps, p.MinPoints, hours is { } h ? TimeSpan.FromHours(h) : null);
        long[] ticks = [];
        if (hours is not null)
        {
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("ST-DBSCAN needs time_from on every row.");
            }

            ticks = points.TimeFrom.Select(t => t!.Value.UtcTicks).ToArray();
        }

        var result = DbscanClusterer.Cluster(points.X, points.Y, options, ticks, cancel);
        var report = new AnalysisReport(
            hours is null ? "DBSCAN" : "ST-DBSCAN",
            hours is null ? "Ester, Kriegel, Sander & Xu 1996" : "Birant & Kut 2007",
            input, points.Count,
            new Dictionary<string, object?> { ["eps_m"] = options.EpsMeters, ["min_points"] = options.MinPoints, ["time_eps_hours"] = hours, ["crs"] = $"EPSG:{srid}" },
            new Dictionary<string, string>(),
            new Dictionary<string, object?> { ["clusters"] = result.ClusterCount, ["noise_points"] = result.NoiseCount, ["core_points"] = result.IsCore.Count(c => c) });
        // The polygons take a concave hull per cluster: built once, and only when a stored run or --clusters reads them.
        var summaries = new Lazy<IReadOnlyList<ClusterSummaries.Summary>>(() => ClusterSummaries.Build(points, result.Labels, srid, cancel));
        var rows = Enumerable.Range(0, points.Count);
        return new HotspotOutcome(report, "id,cluster",
            rows.Select(i => FeatureValues.CsvField(points.Ids[i]) + "," + result.Labels[i].ToString(CultureInfo.InvariantCulture)),
            rows.Select(i => (FeatureValues.Point(points.X[i], points.Y[i]), new JsonObject { ["id"] = points.Ids[i], ["cluster"] = result.Labels[i], ["core"] = result.IsCore[i] })),
            Deferred(() => summaries.Value.Select(s => ("cluster", s.Polygon, (object)new
            {
                cluster = s.Cluster, count = s.Count, hull = s.HullKind, area_m2 = Math.Round(s.Polygon.Area, 1), categories = s.Categories,
                first = s.First is { } f ? StockholmTime.Format(f) : null, last = s.Last is { } l ? StockholmTime.Format(l) : null,
                hour_of_week = s.HourOfWeek.Select(v => Math.Round(v, 4)).ToArray(),
                months = s.Months,
            }))))
        {
            Clusters = Deferred(() => summaries.Value.Select(s => (FeatureValues.Geometry(s.Polygon), new JsonObject
            {
                ["cluster"] = s.Cluster,
                ["count"] = s.Count,
                ["hull"] = s.HullKind,
                ["area_m2"] = Math.Round(s.Polygon.Area, 1),
                ["categories"] = new JsonObject(s.Categories.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["first"] = s.First is { } f ? StockholmTime.Format(f) : null,
                ["last"] = s.Last is { } l ? StockholmTime.Format(l) : null,
                ["hour_of_week"] = new JsonArray(s.HourOfWeek.Select(v => (JsonNode)Math.Round(v, 4)).ToArray()),
                ["months"] = new JsonObject(s.Months.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            }))),
        };
    }

    private static IEnumerable<T> Deferred<T>(Func<IEnumerable<T>> items)
    {
        foreach (var item in items())
        {
            yield return item;
        }
    }
}
