namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots moran</c>: local Moran's I with permutation inference.</summary>
internal static partial class HotspotCommands
{
    private static Command Moran()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var grid = GridOption();
        var band = BandOption();
        var permutations = new Option<int>("--permutations") { Description = "conditional permutations", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same p-values", DefaultValueFactory = _ => 1 };
        var fdr = FdrOption();
        var command = new Command("moran", "Local Moran's I (Anselin 1995) on grid cell counts: output CSV cx,cy,count,ii,z,p,p_perm,quadrant,significant.")
        {
            output, cell, grid, band, permutations, seed, fdr,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var (points, inputPath, filter, cs) = source.Load(parse, AnalysisSrid);
            RequireEvents(points, "local Moran's I");
            var outPath = OutPath(parse, output, filter);
            var automatic = new Dictionary<string, string>();
            var (spec, counts) = Aggregate(points, parse.GetValue(cell), parse.GetValue(grid) == "hex" ? GridShape.Hexagon : GridShape.Square, automatic);
            var (cx, cy) = counts.Centres();
            var bandMeters = Band(parse, band, cx, cy, counts.Counts, spec.CellSize, automatic);

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
}
