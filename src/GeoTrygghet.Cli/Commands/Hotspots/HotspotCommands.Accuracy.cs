namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots accuracy</c>: PAI, PEI and RRI of Gi* hotspots across a split date.</summary>
internal static partial class HotspotCommands
{
    private static Command Accuracy()
    {
        var source = new PointOptions();
        var output = Out();
        var split = new Option<string>("--split") { Description = "first day of the test period, YYYY-MM-DD (Stockholm time): hotspots are found before it and tested from it", Required = true };
        var cell = CellOption();
        var band = BandOption();
        var command = new Command("accuracy", "Forecast accuracy of Gi* hotspots (95 % and up) found before --split and tested after: PAI, PEI, RRI as JSON.") { output, split, cell, band };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var srid = Srid(parse, source);
            var (points, inputPath, filter, cs) = source.Load(parse, srid);
            RequireEvents(points, "forecast accuracy");
            var outPath = OutPath(parse, output, filter);
            if (points.TimeFrom is null || points.TimeFrom.Any(t => t is null))
            {
                throw new AnalysisException("forecast accuracy needs time_from on every row.");
            }

            if (!DateOnly.TryParseExact(parse.GetValue(split), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var splitDate) || !StockholmTime.InRange(splitDate))
            {
                throw new AnalysisException($"--split '{parse.GetValue(split)}' is not a date YYYY-MM-DD in the years {StockholmTime.YearRange}.");
            }

            StockholmTime.FromLocal(splitDate.ToDateTime(TimeOnly.MinValue), splitDate.ToString("yyyy-MM-dd", Inv), out var splitUtc, out _);
            var automatic = new Dictionary<string, string>();
            var (spec, _) = Aggregate(points, parse.GetValue(cell), GridShape.Square, automatic);
            var beforeIdx = Enumerable.Range(0, points.Count).Where(i => points.TimeFrom[i] < splitUtc).ToArray();
            var afterIdx = Enumerable.Range(0, points.Count).Where(i => points.TimeFrom[i] >= splitUtc).ToArray();
            var before = GridCounts.Aggregate(spec, beforeIdx.Select(i => points.X[i]).ToArray(), beforeIdx.Select(i => points.Y[i]).ToArray());
            var after = GridCounts.Aggregate(spec, afterIdx.Select(i => points.X[i]).ToArray(), afterIdx.Select(i => points.Y[i]).ToArray());
            var (cx, cy) = before.Centres();
            var bandMeters = Band(parse, band, cx, cy, before.Counts, spec.CellSize, automatic);

            var gi = GetisOrdGiStar.Compute(cx, cy, before.Counts, bandMeters, fdr: true);
            var hot = gi.Bins.Select(b => b >= 2).ToArray();
            var r = GeoTrygghet.Analysis.Evaluation.ForecastAccuracy.Compute(hot, before.Counts, after.Counts);
            var report = new AnalysisReport("Forecast accuracy of Gi* hotspots", "PAI: Chainey et al. 2008; PEI: Hunt 2016; RRI: Levine 2008", inputPath, points.Count,
                new Dictionary<string, object?> { ["split"] = splitDate.ToString("yyyy-MM-dd", Inv), ["cell_m"] = spec.CellSize, ["band_m"] = bandMeters, ["hotspots"] = "Gi* bin >= 2 (95 %), FDR", ["crs"] = $"EPSG:{srid}" },
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

            Store(parse, source, cs, filter, srid, report, []);
            Finish(outPath, report);
        }));
        return command;
    }
}
