namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots kde</c>: quartic kernel density at cell centres.</summary>
internal static partial class HotspotCommands
{
    private static Command Kde()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var bandwidth = new Option<double?>("--bandwidth") { Description = "kernel radius in metres (default: automatic from both axes, reported)" };
        var ratioTo = new Option<string?>("--ratio-to") { Description = "dual KDE: divide by the density of 'lights' (working street lights in the database) or of the points in a CSV file (id,x,y); adds columns denominator,ratio" };
        var command = new Command("kde", "Kernel density, quartic kernel, at cell centres: output CSV cx,cy,density (events per km²); with --ratio-to also denominator,ratio.") { output, cell, bandwidth, ratioTo };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
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
            double[]? denominator = null;
            double?[]? ratio = null;
            if (parse.GetValue(ratioTo) is { } to)
            {
                var other = to == "lights"
                    ? GeoTrygghet.Data.Analysis.PointSource.WorkingLights(cs ?? GeoTrygghet.Data.ConnectionResolver.Resolve())
                    : PointTable.ReadCsv(to, null, AnalysisSrid);
                denominator = KernelDensityEstimator.Estimate(spec, other.X, other.Y, h.Value, other.Weight);
                // Where the denominator is below a thousandth of its peak the ratio says more about noise than about risk.
                ratio = KernelDensityEstimator.Ratio(density, denominator, denominator.DefaultIfEmpty(0).Max() * 1e-3);
                automatic["ratio_to"] = $"dual KDE: divided by the density of {(to == "lights" ? "the working street lights" : to)} with the same bandwidth and grid; empty where that density is below 1/1000 of its peak";
            }

            var report = new AnalysisReport("Kernel density (quartic)", "Silverman 1986; bandwidth rule as ArcGIS Kernel Density", inputPath, points.Count,
                new Dictionary<string, object?> { ["cell_m"] = spec.CellSize, ["cells"] = spec.CellCount, ["bandwidth_m"] = h, ["kernel"] = "quartic 3/(pi h^2) (1 - d^2/h^2)^2", ["unit"] = "events per km2", ["ratio_to"] = parse.GetValue(ratioTo), ["crs"] = $"EPSG:{AnalysisSrid}" },
                automatic,
                new Dictionary<string, object?> { ["max_density"] = density.Max(), ["max_ratio"] = ratio?.Max() });
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
                HotspotFiles.WriteCsv(outPath, ratio is null ? "cx,cy,density" : "cx,cy,density,denominator,ratio", rows.Select(i =>
                {
                    var (x, y) = spec.Centre(i % spec.Cols, i / spec.Cols);
                    var line = $"{HotspotFiles.Format(x)},{HotspotFiles.Format(y)},{HotspotFiles.Format(density[i])}";
                    return ratio is null ? line : $"{line},{HotspotFiles.Format(denominator![i])},{(ratio[i] is { } r ? HotspotFiles.Format(r) : string.Empty)}";
                }));
            }

            Store(parse, source, cs, filter, report, rows.Where(i => density[i] > 0).Select(i => ("cell", (NetTopologySuite.Geometries.Geometry)CellPolygons.Of(spec, i % spec.Cols, i / spec.Cols),
                (object)new { density = density[i], denominator = denominator?[i], ratio = ratio?[i] })));

            Finish(outPath, report);
        }));
        return command;
    }
}
