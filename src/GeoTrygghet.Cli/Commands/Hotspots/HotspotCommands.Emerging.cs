using GeoTrygghet.Output.Hotspots;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots emerging</c>: emerging hot spots from a space-time cube.</summary>
internal static partial class HotspotCommands
{
    private static Command Emerging()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var band = BandOption();
        var step = new Option<string>("--step") { Description = "time step of the cube: week, month or quarter (Stockholm calendar)", DefaultValueFactory = _ => "month" };
        step.AcceptOnlyFromAmong("week", "month", "quarter");
        var command = new Command("emerging", "Emerging hot spots: Gi* per time step and the Mann-Kendall trend per cell: output CSV cx,cy,category,trend_z,trend_p,hot_steps,cold_steps,steps.")
        {
            output, cell, band, step,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var srid = Srid(parse, source);
            var (points, inputPath, filter, cs) = source.Load(parse, srid);
            RequireEvents(points, "emerging hot spot analysis");
            var outPath = OutPath(parse, output, filter);
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("emerging hot spots need time_from on every row.");
            }

            var automatic = new Dictionary<string, string>();
            var (spec, all) = Aggregate(points, parse.GetValue(cell), GridShape.Square, automatic);
            var (cx, cy) = all.Centres();
            var bandMeters = Band(parse, band, cx, cy, all.Counts, spec.CellSize, automatic);

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
                    ["first_step"] = StepLabel(first, stepName), ["hot"] = "Gi* bin >= 1 (90 %), FDR per step", ["trend_alpha"] = 0.05, ["crs"] = $"EPSG:{srid}",
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
                HotspotFiles.WriteGeoJson(outPath, srid, report, rows.Select(i => (FeatureValues.Point(cx[i], cy[i]), new JsonObject
                {
                    ["category"] = Snake(result.Category[i].ToString()), ["trend_z"] = result.TrendZ[i], ["trend_p"] = result.TrendP[i],
                    ["hot_steps"] = Steps(i, 1), ["cold_steps"] = Steps(i, -1), ["steps"] = steps,
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(outPath, "cx,cy,category,trend_z,trend_p,hot_steps,cold_steps,steps", rows.Select(i => string.Join(',',
                    FeatureValues.Format(cx[i]), FeatureValues.Format(cy[i]), Snake(result.Category[i].ToString()), FeatureValues.Format(result.TrendZ[i]),
                    FeatureValues.Format(result.TrendP[i]), Steps(i, 1).ToString(Inv), Steps(i, -1).ToString(Inv), steps.ToString(Inv))));
            }

            Store(parse, source, cs, filter, srid, report, rows.Where(i => result.Category[i] != GeoTrygghet.Analysis.Temporal.EmergingCategory.NoPattern)
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
}
