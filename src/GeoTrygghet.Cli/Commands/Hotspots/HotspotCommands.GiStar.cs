namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots gistar</c>: Getis-Ord Gi* on grid cell counts.</summary>
internal static partial class HotspotCommands
{
    private static Command GiStar()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var grid = GridOption();
        var band = BandOption();
        var fdr = FdrOption();
        var command = new Command("gistar", "Getis-Ord Gi* on grid cell counts: output CSV cx,cy,count,z,p,bin (bin −3…+3 = 99/95/90 % cold…hot).") { output, cell, grid, band, fdr };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            RequireEvents(points, "Gi*");
            var outPath = OutPath(parse, output, filter);
            var automatic = new Dictionary<string, string>();
            var (spec, counts) = Aggregate(points, parse.GetValue(cell), parse.GetValue(grid) == "hex" ? GridShape.Hexagon : GridShape.Square, automatic);
            var (cx, cy) = counts.Centres();
            var bandMeters = Band(parse, band, cx, cy, counts.Counts, spec.CellSize, automatic);

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
}
