using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt hotspots dbscan|gistar|kde</c> on a file (the CSV contract <c>id,x,y[,time_from,time_to,category,weight]</c>).
/// Every run prints its method, parameters and automatic choices, and writes them to <c>&lt;out&gt;.meta.json</c>.
/// </summary>
internal static class HotspotCommands
{
    private const int AnalysisSrid = 3006;
    private const long MaxCells = 25_000_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var hotspots = new Command("hotspots", "Find hotspots: DBSCAN clusters, Getis-Ord Gi* cells with FDR, kernel density. File mode reads --input.");
        hotspots.Add(Dbscan());
        hotspots.Add(GiStar());
        hotspots.Add(Kde());
        hotspots.Add(Moran());
        hotspots.Add(Knox());
        hotspots.Add(Accuracy());
        hotspots.Add(Emerging());
        hotspots.Add(Runs());
        return hotspots;
    }

    private static Option<string?> Out() => new("--out") { Description = "output file: .csv for the column contract, .geojson for features (required with --input; optional for a stored database run)" };

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
        command.SetAction(parse => Guard(() =>
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
                })));
            }

            Finish(outPath, report);
        }));
        return command;
    }

    private static Command GiStar()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = new Option<double?>("--cell") { Description = "cell size in metres (default: automatic, reported)" };
        var grid = new Option<string>("--grid") { Description = "square or hex", DefaultValueFactory = _ => "square" };
        grid.AcceptOnlyFromAmong("square", "hex");
        var band = new Option<double?>("--band") { Description = "distance band in metres between cell centres, inclusive (default: automatic by incremental spatial autocorrelation, reported)" };
        var fdr = new Option<string>("--fdr") { Description = "bh (Benjamini-Hochberg false discovery rate, default) or none", DefaultValueFactory = _ => "bh" };
        fdr.AcceptOnlyFromAmong("bh", "none");
        var command = new Command("gistar", "Getis-Ord Gi* on grid cell counts: output CSV cx,cy,count,z,p,bin (bin −3…+3 = 99/95/90 % cold…hot).") { output, cell, grid, band, fdr };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            var automatic = new Dictionary<string, string>();
            var (spec, counts) = Aggregate(points, parse.GetValue(cell), parse.GetValue(grid) == "hex" ? GridShape.Hexagon : GridShape.Square, automatic);
            var (cx, cy) = counts.Centres();
            double bandMeters;
            if (parse.GetValue(band) is { } given)
            {
                bandMeters = given;
            }
            else
            {
                var choice = DistanceBandSelector.Choose(cx, cy, counts.Counts, spec.CellSize);
                bandMeters = choice.BandMeters;
                automatic["band_m"] = choice.Reason;
            }

            if (!(bandMeters > 0))
            {
                throw new AnalysisException("the distance band must be a positive number of metres.");
            }

            var useFdr = parse.GetValue(fdr) == "bh";
            var result = GetisOrdGiStar.Compute(cx, cy, counts.Counts, bandMeters, useFdr);
            var report = new AnalysisReport("Getis-Ord Gi*", "Getis & Ord 1992; Ord & Getis 1995; FDR: Benjamini & Hochberg 1995", inputPath, points.Count,
                new Dictionary<string, object?>
                {
                    ["grid"] = spec.Shape == GridShape.Square ? "square" : "hex", ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["band_m"] = bandMeters,
                    ["weights"] = "binary, centres within the band (inclusive), cell itself included", ["fdr"] = useFdr ? "bh" : "none", ["crs"] = $"EPSG:{AnalysisSrid}",
                },
                automatic,
                new Dictionary<string, object?>
                {
                    ["hot_cells_99"] = result.Bins.Count(b => b == 3), ["hot_cells_95"] = result.Bins.Count(b => b == 2), ["hot_cells_90"] = result.Bins.Count(b => b == 1),
                    ["cold_cells"] = result.Bins.Count(b => b < 0), ["mean_neighbours"] = Math.Round(result.NeighbourCounts.Average(), 2),
                });
            var rows = Enumerable.Range(0, counts.Counts.Length);
            if (outPath is null)
            {
            }
            else if (HotspotFiles.IsGeoJson(outPath))
            {
                HotspotFiles.WriteGeoJson(outPath, AnalysisSrid, report, rows.Select(i => (HotspotFiles.Point(cx[i], cy[i]), new JsonObject
                {
                    ["count"] = counts.Counts[i], ["z"] = result.Z[i], ["p"] = result.P[i], ["bin"] = result.Bins[i],
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "cx,cy,count,z,p,bin", rows.Select(i =>
                    $"{HotspotFiles.Format(cx[i])},{HotspotFiles.Format(cy[i])},{HotspotFiles.Format(counts.Counts[i])},{HotspotFiles.Format(result.Z[i])},{HotspotFiles.Format(result.P[i])},{result.Bins[i].ToString(Inv)}"));
            }

            Store(parse, source, cs, filter, report, rows.Select(i => ("cell", (NetTopologySuite.Geometries.Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                (object)new { count = counts.Counts[i], z = result.Z[i], p = result.P[i], bin = result.Bins[i] })));

            Finish(outPath, report);
        }));
        return command;
    }

    private static Command Kde()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = new Option<double?>("--cell") { Description = "cell size in metres (default: automatic, reported)" };
        var bandwidth = new Option<double?>("--bandwidth") { Description = "kernel radius in metres (default: automatic from both axes, reported)" };
        var command = new Command("kde", "Kernel density, quartic kernel, at cell centres: output CSV cx,cy,density (events per km²).") { output, cell, bandwidth };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            var automatic = new Dictionary<string, string>();
            var h = parse.GetValue(bandwidth);
            if (h is null)
            {
                h = BandwidthRule.Choose(points.X, points.Y);
                automatic["bandwidth_m"] = BandwidthRule.Describe(h.Value);
            }

            if (!(h > 0))
            {
                throw new AnalysisException("the bandwidth must be a positive number of metres.");
            }

            var cellSize = parse.GetValue(cell);
            var (minX, minY, maxX, maxY) = Extent(points);
            if (cellSize is null)
            {
                cellSize = CellSizeRule.Choose(maxX - minX, maxY - minY);
                automatic["cell_m"] = CellSizeRule.Describe(maxX - minX, maxY - minY);
            }

            var spec = GridSpec.Covering(GridShape.Square, cellSize.Value, minX, minY, maxX, maxY, MaxCells);
            var density = KernelDensityEstimator.Estimate(spec, points.X, points.Y, h.Value, points.Weight);
            var report = new AnalysisReport("Kernel density (quartic)", "Silverman 1986; bandwidth rule as ArcGIS Kernel Density", inputPath, points.Count,
                new Dictionary<string, object?> { ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["bandwidth_m"] = h, ["kernel"] = "quartic 3/(pi h^2) (1 - d^2/h^2)^2", ["unit"] = "events per km2", ["crs"] = $"EPSG:{AnalysisSrid}" },
                automatic,
                new Dictionary<string, object?> { ["max_density"] = density.Max() });
            var rows = Enumerable.Range(0, density.Length);
            if (outPath is null)
            {
            }
            else if (HotspotFiles.IsGeoJson(outPath))
            {
                HotspotFiles.WriteGeoJson(outPath, AnalysisSrid, report, rows.Select(i =>
                {
                    var (x, y) = spec.Centre(i % spec.Cols, i / spec.Cols);
                    return (HotspotFiles.Point(x, y), new JsonObject { ["density"] = density[i] });
                }));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "cx,cy,density", rows.Select(i =>
                {
                    var (x, y) = spec.Centre(i % spec.Cols, i / spec.Cols);
                    return $"{HotspotFiles.Format(x)},{HotspotFiles.Format(y)},{HotspotFiles.Format(density[i])}";
                }));
            }

            Store(parse, source, cs, filter, report, rows.Where(i => density[i] > 0).Select(i => ("cell", (NetTopologySuite.Geometries.Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                (object)new { density = density[i] })));

            Finish(outPath, report);
        }));
        return command;
    }

    private static Command Moran()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = new Option<double?>("--cell") { Description = "cell size in metres (default: automatic, reported)" };
        var grid = new Option<string>("--grid") { Description = "square or hex", DefaultValueFactory = _ => "square" };
        grid.AcceptOnlyFromAmong("square", "hex");
        var band = new Option<double?>("--band") { Description = "distance band in metres, inclusive (default: automatic, as for Gi*)" };
        var permutations = new Option<int>("--permutations") { Description = "conditional permutations", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same p-values", DefaultValueFactory = _ => 1 };
        var fdr = new Option<string>("--fdr") { Description = "bh (default) or none", DefaultValueFactory = _ => "bh" };
        fdr.AcceptOnlyFromAmong("bh", "none");
        var command = new Command("moran", "Local Moran's I (Anselin 1995) on grid cell counts: output CSV cx,cy,count,ii,z,p,p_perm,quadrant,significant.")
        {
            output, cell, grid, band, permutations, seed, fdr,
        };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            var automatic = new Dictionary<string, string>();
            var (spec, counts) = Aggregate(points, parse.GetValue(cell), parse.GetValue(grid) == "hex" ? GridShape.Hexagon : GridShape.Square, automatic);
            var (cx, cy) = counts.Centres();
            var bandMeters = parse.GetValue(band) ?? 0;
            if (parse.GetValue(band) is null)
            {
                var choice = DistanceBandSelector.Choose(cx, cy, counts.Counts, spec.CellSize);
                bandMeters = choice.BandMeters;
                automatic["band_m"] = choice.Reason;
            }

            var useFdr = parse.GetValue(fdr) == "bh";
            var result = LocalMoran.Compute(cx, cy, counts.Counts, bandMeters, parse.GetValue(permutations), parse.GetValue(seed), useFdr);
            var report = new AnalysisReport("Local Moran's I", "Anselin 1995; moments: Sokal, Oden & Thomson 1998; FDR: Benjamini & Hochberg 1995", inputPath, points.Count,
                new Dictionary<string, object?>
                {
                    ["grid"] = spec.Shape == GridShape.Square ? "square" : "hex", ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["band_m"] = bandMeters,
                    ["weights"] = "row-standardised, centres within the band (inclusive), not the cell itself", ["permutations"] = result.Permutations,
                    ["seed"] = result.Seed, ["alpha"] = result.Alpha, ["fdr"] = useFdr ? "bh" : "none", ["crs"] = $"EPSG:{AnalysisSrid}",
                },
                automatic,
                new Dictionary<string, object?>
                {
                    ["significant_HH"] = Count("HH"), ["significant_LL"] = Count("LL"), ["significant_HL"] = Count("HL"), ["significant_LH"] = Count("LH"),
                    ["note"] = useFdr && result.Significant.All(s => !s) && 1.0 / (result.Permutations + 1) > result.Alpha / counts.Counts.Length
                        ? string.Create(Inv, $"with {result.Permutations} permutations the smallest p is {1.0 / (result.Permutations + 1):0.####}; FDR over {counts.Counts.Length:N0} cells then needs at least {Math.Ceiling(counts.Counts.Length / (result.Alpha * (result.Permutations + 1))):N0} cells at that p before any is significant: use more permutations (e.g. --permutations {((result.Permutations + 1) * 10) - 1}) or a larger cell")
                        : null,
                });
            var rows = Enumerable.Range(0, counts.Counts.Length);
            if (outPath is null)
            {
            }
            else if (HotspotFiles.IsGeoJson(outPath))
            {
                HotspotFiles.WriteGeoJson(outPath, AnalysisSrid, report, rows.Select(i => (HotspotFiles.Point(cx[i], cy[i]), new JsonObject
                {
                    ["count"] = counts.Counts[i], ["ii"] = Finite(result.Ii[i]), ["z"] = Finite(result.Z[i]), ["p"] = Finite(result.PAnalytical[i]),
                    ["p_perm"] = Finite(result.PPermutation[i]), ["quadrant"] = result.Quadrant[i], ["significant"] = result.Significant[i],
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "cx,cy,count,ii,z,p,p_perm,quadrant,significant", rows.Select(i => string.Join(',',
                    HotspotFiles.Format(cx[i]), HotspotFiles.Format(cy[i]), HotspotFiles.Format(counts.Counts[i]), HotspotFiles.Format(result.Ii[i]),
                    HotspotFiles.Format(result.Z[i]), HotspotFiles.Format(result.PAnalytical[i]), HotspotFiles.Format(result.PPermutation[i]),
                    result.Quadrant[i], result.Significant[i] ? "1" : "0")));
            }

            Store(parse, source, cs, filter, report, rows.Select(i => ("cell", (NetTopologySuite.Geometries.Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                (object)new { count = counts.Counts[i], ii = Finite(result.Ii[i]), z = Finite(result.Z[i]), p = Finite(result.PAnalytical[i]), p_perm = Finite(result.PPermutation[i]), quadrant = result.Quadrant[i], significant = result.Significant[i] })));

            Finish(outPath, report);

            int Count(string quadrant) => Enumerable.Range(0, result.Quadrant.Length).Count(i => result.Significant[i] && result.Quadrant[i] == quadrant);
        }));
        return command;
    }

    private static Command Knox()
    {
        var source = new PointOptions();
        var output = Out();
        var spaceBand = new Option<double>("--space-band") { Description = "width of a distance band in metres", DefaultValueFactory = _ => 100 };
        var spaceBands = new Option<int>("--space-bands") { Description = "number of distance bands (an open band beyond is added)", DefaultValueFactory = _ => 5 };
        var timeBand = new Option<double>("--time-band-days") { Description = "width of a time band in days", DefaultValueFactory = _ => 7 };
        var timeBands = new Option<int>("--time-bands") { Description = "number of time bands (an open band beyond is added)", DefaultValueFactory = _ => 4 };
        var simulations = new Option<int>("--permutations") { Description = "Monte Carlo shuffles of the event times", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1 };
        var command = new Command("knox", "Near repeat: Knox test over distance × time bands with Monte Carlo p-values: output CSV space_band,time_band,observed,expected,ratio,p.")
        {
            output, spaceBand, spaceBands, timeBand, timeBands, simulations, seed,
        };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("the Knox test needs time_from on every row.");
            }

            // The middle of each event's time span, in days.
            var days = Enumerable.Range(0, points.Count).Select(i =>
            {
                var from = points.TimeFrom[i]!.Value;
                var to = points.TimeTo?[i] ?? from;
                return (from.UtcTicks + ((to.UtcTicks - from.UtcTicks) / 2)) / (double)TimeSpan.TicksPerDay;
            }).ToArray();
            var result = GeoTrygghet.Analysis.NearRepeat.KnoxTest.Run(points.X, points.Y, days, parse.GetValue(spaceBand), parse.GetValue(spaceBands),
                parse.GetValue(timeBand), parse.GetValue(timeBands), parse.GetValue(simulations), parse.GetValue(seed));
            var report = new AnalysisReport("Knox test (near repeat)", "Knox 1964; Townsley, Homel & Chaseling 2003", inputPath, points.Count,
                new Dictionary<string, object?>
                {
                    ["space_band_m"] = parse.GetValue(spaceBand), ["space_bands"] = parse.GetValue(spaceBands), ["time_band_days"] = parse.GetValue(timeBand),
                    ["time_bands"] = parse.GetValue(timeBands), ["permutations"] = result.Simulations, ["seed"] = result.Seed,
                    ["time"] = "middle of each event's time span", ["bands"] = "[0, w], (w, 2w], …, and an open band beyond; labels state the bounds counted",
                },
                new Dictionary<string, string>(),
                new Dictionary<string, object?> { ["pairs"] = result.Pairs, ["near_repeat_cells_p_0_05"] = result.Cells.Count(c => c.P <= 0.05 && c.Ratio > 1) });
            if (outPath is not null)
            {
                HotspotFiles.WriteCsv(outPath, "space_band,time_band,observed,expected,ratio,p", result.Cells.Select(c => string.Join(',',
                Csv(c.Space.Label), Csv(c.Time.Label), c.Observed.ToString(Inv), HotspotFiles.Format(c.Expected), HotspotFiles.Format(c.Ratio), HotspotFiles.Format(c.P))));
            }

            Store(parse, source, cs, filter, report, []);
            Finish(outPath, report);
        }));
        return command;
    }

    private static Command Accuracy()
    {
        var source = new PointOptions();
        var output = Out();
        var split = new Option<string>("--split") { Description = "first day of the test period, YYYY-MM-DD (Stockholm time): hotspots are found before it and tested from it", Required = true };
        var cell = new Option<double?>("--cell") { Description = "cell size in metres (default: automatic, reported)" };
        var band = new Option<double?>("--band") { Description = "Gi* distance band in metres (default: automatic)" };
        var command = new Command("accuracy", "Forecast accuracy of Gi* hotspots (95 % and up) found before --split and tested after: PAI, PEI, RRI as JSON.") { output, split, cell, band };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("forecast accuracy needs time_from on every row.");
            }

            if (!DateOnly.TryParseExact(parse.GetValue(split), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var splitDate))
            {
                throw new AnalysisException($"--split '{parse.GetValue(split)}' is not a date YYYY-MM-DD.");
            }

            StockholmTime.FromLocal(splitDate.ToDateTime(TimeOnly.MinValue), splitDate.ToString("yyyy-MM-dd", Inv), out var splitUtc, out _);
            var automatic = new Dictionary<string, string>();
            var (spec, _) = Aggregate(points, parse.GetValue(cell), GridShape.Square, automatic);
            var beforeIdx = Enumerable.Range(0, points.Count).Where(i => points.TimeFrom[i] < splitUtc).ToArray();
            var afterIdx = Enumerable.Range(0, points.Count).Where(i => points.TimeFrom[i] >= splitUtc).ToArray();
            var before = GridCounts.Aggregate(spec, beforeIdx.Select(i => points.X[i]).ToArray(), beforeIdx.Select(i => points.Y[i]).ToArray());
            var after = GridCounts.Aggregate(spec, afterIdx.Select(i => points.X[i]).ToArray(), afterIdx.Select(i => points.Y[i]).ToArray());
            var (cx, cy) = before.Centres();
            var bandMeters = parse.GetValue(band) ?? 0;
            if (parse.GetValue(band) is null)
            {
                var choice = DistanceBandSelector.Choose(cx, cy, before.Counts, spec.CellSize);
                bandMeters = choice.BandMeters;
                automatic["band_m"] = choice.Reason;
            }

            var gi = GetisOrdGiStar.Compute(cx, cy, before.Counts, bandMeters, fdr: true);
            var hot = gi.Bins.Select(b => b >= 2).ToArray();
            var r = GeoTrygghet.Analysis.Evaluation.ForecastAccuracy.Compute(hot, before.Counts, after.Counts);
            var report = new AnalysisReport("Forecast accuracy of Gi* hotspots", "PAI: Chainey et al. 2008; PEI: Hunt 2016; RRI: Levine 2008", inputPath, points.Count,
                new Dictionary<string, object?> { ["split"] = splitDate.ToString("yyyy-MM-dd", Inv), ["cell_m"] = spec.CellSize, ["band_m"] = bandMeters, ["hotspots"] = "Gi* bin >= 2 (95 %), FDR", ["crs"] = $"EPSG:{AnalysisSrid}" },
                automatic,
                new Dictionary<string, object?>
                {
                    ["pai"] = r.Pai, ["pei"] = r.Pei, ["rri"] = r.Rri, ["hotspot_cells"] = r.HotspotCells, ["cells"] = r.Cells, ["hit_rate"] = r.HitRate,
                    ["area_share"] = r.AreaShare, ["events_before"] = r.EventsBefore, ["events_after"] = r.EventsAfter,
                    ["events_in_hotspots_before"] = r.EventsInHotspotsBefore, ["events_in_hotspots_after"] = r.EventsInHotspotsAfter,
                });
            if (outPath is not null)
            {
                File.WriteAllText(outPath, System.Text.Json.JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            }

            Store(parse, source, cs, filter, report, []);
            Finish(outPath, report);
        }));
        return command;
    }

    private static Command Emerging()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = new Option<double?>("--cell") { Description = "cell size in metres (default: automatic, reported)" };
        var band = new Option<double?>("--band") { Description = "Gi* distance band in metres (default: automatic on all events, reported)" };
        var step = new Option<string>("--step") { Description = "time step of the cube: week, month or quarter (Stockholm calendar)", DefaultValueFactory = _ => "month" };
        step.AcceptOnlyFromAmong("week", "month", "quarter");
        var command = new Command("emerging", "Emerging hot spots: Gi* per time step and the Mann-Kendall trend per cell: output CSV cx,cy,category,trend_z,trend_p,hot_steps,cold_steps,steps.")
        {
            output, cell, band, step,
        };
        source.AddTo(command);
        command.SetAction(parse => Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            var outPath = OutPath(parse, output, filter);
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("emerging hot spots need time_from on every row.");
            }

            var automatic = new Dictionary<string, string>();
            var (spec, all) = Aggregate(points, parse.GetValue(cell), GridShape.Square, automatic);
            var (cx, cy) = all.Centres();
            var bandMeters = parse.GetValue(band) ?? 0;
            if (parse.GetValue(band) is null)
            {
                var choice = DistanceBandSelector.Choose(cx, cy, all.Counts, spec.CellSize);
                bandMeters = choice.BandMeters;
                automatic["band_m"] = choice.Reason;
            }

            var stepName = parse.GetValue(step)!;
            var local = points.TimeFrom.Select(t => TimeZoneInfo.ConvertTime(t!.Value, StockholmTime.Zone).DateTime).ToArray();
            var stepOf = local.Select(d => StepIndex(d, stepName)).ToArray();
            var first = stepOf.Min();
            var steps = stepOf.Max() - first + 1;
            var counts = Enumerable.Range(0, steps).Select(_ => new double[spec.CellCount]).ToArray();
            for (var i = 0; i < points.Count; i++)
            {
                if (spec.CellOf(points.X[i], points.Y[i]) is var (c, r))
                {
                    counts[stepOf[i] - first][(r * spec.Cols) + c] += points.Weight?[i] ?? 1;
                }
            }

            var result = GeoTrygghet.Analysis.Temporal.EmergingHotspots.Compute(cx, cy, counts, bandMeters);
            int Steps(int cellIndex, int sign) => Enumerable.Range(0, steps).Count(t => result.BinsByStep[t][cellIndex] * sign > 0);
            var report = new AnalysisReport("Emerging hot spots", "Gi*: Getis & Ord 1992; trend: Mann 1945, Kendall 1975; categories as ArcGIS Emerging Hot Spot Analysis", inputPath, points.Count,
                new Dictionary<string, object?>
                {
                    ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["band_m"] = bandMeters, ["step"] = stepName, ["steps"] = steps,
                    ["first_step"] = StepLabel(first, stepName), ["hot"] = "Gi* bin >= 1 (90 %), FDR per step", ["trend_alpha"] = 0.05, ["crs"] = $"EPSG:{AnalysisSrid}",
                },
                automatic,
                Enum.GetValues<GeoTrygghet.Analysis.Temporal.EmergingCategory>().Where(c => c != GeoTrygghet.Analysis.Temporal.EmergingCategory.NoPattern)
                    .ToDictionary(c => Snake(c.ToString()), c => (object?)result.Category.Count(x => x == c)));
            var rows = Enumerable.Range(0, spec.CellCount > int.MaxValue ? 0 : (int)spec.CellCount);
            if (outPath is null)
            {
            }
            else if (HotspotFiles.IsGeoJson(outPath))
            {
                HotspotFiles.WriteGeoJson(outPath, AnalysisSrid, report, rows.Select(i => (HotspotFiles.Point(cx[i], cy[i]), new JsonObject
                {
                    ["category"] = Snake(result.Category[i].ToString()), ["trend_z"] = result.TrendZ[i], ["trend_p"] = result.TrendP[i],
                    ["hot_steps"] = Steps(i, 1), ["cold_steps"] = Steps(i, -1), ["steps"] = steps,
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "cx,cy,category,trend_z,trend_p,hot_steps,cold_steps,steps", rows.Select(i => string.Join(',',
                    HotspotFiles.Format(cx[i]), HotspotFiles.Format(cy[i]), Snake(result.Category[i].ToString()), HotspotFiles.Format(result.TrendZ[i]),
                    HotspotFiles.Format(result.TrendP[i]), Steps(i, 1).ToString(Inv), Steps(i, -1).ToString(Inv), steps.ToString(Inv))));
            }

            Store(parse, source, cs, filter, report, rows.Where(i => result.Category[i] != GeoTrygghet.Analysis.Temporal.EmergingCategory.NoPattern)
                .Select(i => ("cell", (NetTopologySuite.Geometries.Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                    (object)new { category = Snake(result.Category[i].ToString()), trend_z = result.TrendZ[i], trend_p = result.TrendP[i], hot_steps = Steps(i, 1), cold_steps = Steps(i, -1), steps })));
            Finish(outPath, report);
        }));
        return command;
    }

    // Steps are counted from year 0 so that the same calendar step always has the same number.
    private static int StepIndex(DateTime local, string step) => step switch
    {
        "week" => (int)(DateOnly.FromDateTime(local).AddDays(-(((int)local.DayOfWeek + 6) % 7)).DayNumber / 7),
        "quarter" => (local.Year * 4) + ((local.Month - 1) / 3),
        _ => (local.Year * 12) + local.Month - 1,
    };

    private static string StepLabel(int index, string step) => step switch
    {
        "week" => DateOnly.FromDayNumber(index * 7).ToString("yyyy-MM-dd", Inv),
        "quarter" => string.Create(Inv, $"{index / 4}-Q{(index % 4) + 1}"),
        _ => string.Create(Inv, $"{index / 12}-{(index % 12) + 1:00}"),
    };

    private static string Snake(string pascal) => string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static Command Runs()
    {
        var command = new Command("runs", "List the analysis runs stored in the database (id, name, method, when, features, filters).");
        command.SetAction(_ => CliRun.Guard(() =>
        {
            var cs = GeoTrygghet.Data.ConnectionResolver.Resolve();
            GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
            foreach (var run in GeoTrygghet.Data.Analysis.AnalysisStore.List(cs))
            {
                Console.WriteLine(string.Create(Inv, $"{run.Id}\t{run.Name}\t{run.Method}\t{StockholmTime.Format(run.CreatedAt)}\t{run.Features} features\t{run.Filters}"));
            }

            return CliRun.Ok;
        }));
        return command;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static (GridSpec Spec, GridCounts Counts) Aggregate(PointTable points, double? cell, GridShape shape, Dictionary<string, string> automatic)
    {
        var (minX, minY, maxX, maxY) = Extent(points);
        if (cell is null)
        {
            cell = CellSizeRule.Choose(maxX - minX, maxY - minY);
            automatic["cell_m"] = CellSizeRule.Describe(maxX - minX, maxY - minY);
        }

        var spec = GridSpec.Covering(shape, cell.Value, minX, minY, maxX, maxY, MaxCells);
        return (spec, GridCounts.Aggregate(spec, points.X, points.Y, points.Weight));
    }

    private static (double MinX, double MinY, double MaxX, double MaxY) Extent(PointTable points)
    {
        if (points.Count == 0)
        {
            throw new AnalysisException("the input has no points.");
        }

        return (points.X.Min(), points.Y.Min(), points.X.Max(), points.Y.Max());
    }

    private static string? OutPath(ParseResult parse, Option<string?> output, PointFilter? filter)
    {
        var path = parse.GetValue(output);
        if (path is null && filter is null)
        {
            throw new AnalysisException("--out is required with --input.");
        }

        return path;
    }

    private static void Finish(string? outPath, AnalysisReport report)
    {
        Console.Error.Write(HotspotFiles.Describe(report));
        if (outPath is not null)
        {
            HotspotFiles.WriteReport(outPath, report);
            Console.Error.WriteLine($"wrote {outPath} and {outPath}.meta.json");
        }
    }

    /// <summary>A database run is stored with its features, for the map service and for next quarter.</summary>
    private static void Store(ParseResult parse, PointOptions source, string? cs, PointFilter? filter, AnalysisReport report, IEnumerable<(string Kind, NetTopologySuite.Geometries.Geometry Geometry, object Properties)> features)
    {
        if (cs is null || filter is null)
        {
            return;
        }

        var name = source.RunName(parse, report.Method);
        var id = GeoTrygghet.Data.Analysis.AnalysisStore.Save(cs, name, report, filter, AnalysisSrid, features);
        Console.Error.WriteLine(string.Create(Inv, $"stored as analysis run {id} '{name}'"));
        Console.WriteLine(id.ToString(Inv));
    }

    private static string Csv(string value) => Core.Import.RejectsWriter.Quote(value);

    private static int Guard(Action body) => CliRun.Guard(() =>
    {
        try
        {
            body();
            return CliRun.Ok;
        }
        catch (AnalysisException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliRun.Failed;
        }
    });
}
