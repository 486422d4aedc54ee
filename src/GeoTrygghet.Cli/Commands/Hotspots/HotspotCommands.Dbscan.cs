namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots dbscan</c>: DBSCAN and ST-DBSCAN, with cluster polygons.</summary>
internal static partial class HotspotCommands
{
    private static Command Dbscan()
    {
        var source = new PointOptions();
        var output = Out();
        var eps = new Option<double>("--eps") { Description = "neighbourhood radius in metres (inclusive)", Required = true };
        var minPoints = new Option<int>("--min-points") { Description = "points within eps, the point itself included, that make a core point", Required = true };
        var timeEps = new Option<double?>("--time-eps-hours") { Description = "ST-DBSCAN: neighbours must also be within this many hours (needs time_from)" };
        var clusters = new Option<string?>("--clusters") { Description = "also write the clusters as polygons (GeoJSON) with count, categories, first/last time and hour-of-week profile" };
        var command = new Command("dbscan", "DBSCAN (Ester et al. 1996) or ST-DBSCAN: output CSV id,cluster (−1 = noise).") { output, eps, minPoints, timeEps, clusters };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            var hours = parse.GetValue(timeEps);
            var options = new DbscanOptions(parse.GetValue(eps), parse.GetValue(minPoints), hours is { } h ? TimeSpan.FromHours(h) : null);
            long[] ticks = [];
            if (hours is not null)
            {
                if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
                {
                    throw new AnalysisException("ST-DBSCAN needs time_from on every row.");
                }

                ticks = points.TimeFrom.Select(t => t!.Value.UtcTicks).ToArray();
            }

            var result = DbscanClusterer.Cluster(points.X, points.Y, options, ticks);
            var report = new AnalysisReport(
                hours is null ? "DBSCAN" : "ST-DBSCAN",
                hours is null ? "Ester, Kriegel, Sander & Xu 1996" : "Birant & Kut 2007",
                inputPath, points.Count,
                new Dictionary<string, object?> { ["eps_m"] = options.EpsMeters, ["min_points"] = options.MinPoints, ["time_eps_hours"] = hours, ["crs"] = $"EPSG:{AnalysisSrid}" },
                new Dictionary<string, string>(),
                new Dictionary<string, object?> { ["clusters"] = result.ClusterCount, ["noise_points"] = result.NoiseCount, ["core_points"] = result.IsCore.Count(c => c) });
            if (outPath is null)
            {
            }
            else if (HotspotFiles.IsGeoJson(outPath))
            {
                HotspotFiles.WriteGeoJson(outPath, AnalysisSrid, report, Enumerable.Range(0, points.Count).Select(i =>
                    (HotspotFiles.Point(points.X[i], points.Y[i]), new JsonObject { ["id"] = points.Ids[i], ["cluster"] = result.Labels[i], ["core"] = result.IsCore[i] })));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "id,cluster", Enumerable.Range(0, points.Count).Select(i => Csv(points.Ids[i]) + "," + result.Labels[i].ToString(Inv)));
            }

            var summaries = parse.GetValue(clusters) is not null || filter is not null ? ClusterSummaries.Build(points, result.Labels, AnalysisSrid) : [];
            Store(parse, source, cs, filter, report, summaries.Select(s => ("cluster", s.Polygon, (object)new
            {
                cluster = s.Cluster, count = s.Count, hull = s.HullKind, area_m2 = Math.Round(s.Polygon.Area, 1), categories = s.Categories,
                first = s.First is { } f ? StockholmTime.Format(f) : null, last = s.Last is { } l ? StockholmTime.Format(l) : null,
                hour_of_week = s.HourOfWeek.Select(v => Math.Round(v, 4)).ToArray(),
                months = s.Months,
            })));
            if (parse.GetValue(clusters) is { } clustersPath)
            {
                HotspotFiles.WriteGeoJson(clustersPath, AnalysisSrid, report, summaries.Select(s => (HotspotFiles.Geometry(s.Polygon), new JsonObject
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
                })));
            }

            Finish(outPath, report);
        }));
        return command;
    }
}
