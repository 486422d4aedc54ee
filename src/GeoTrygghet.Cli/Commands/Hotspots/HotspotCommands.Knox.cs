using GeoTrygghet.Output.Hotspots;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots knox</c>: the Knox test for near repeats.</summary>
internal static partial class HotspotCommands
{
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
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var srid = Srid(parse, source);
            var (points, inputPath, filter, cs) = source.Load(parse, srid);
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
                Csv(c.Space.Label), Csv(c.Time.Label), c.Observed.ToString(Inv), FeatureValues.Format(c.Expected), FeatureValues.Format(c.Ratio), FeatureValues.Format(c.P))));
            }

            Store(parse, source, cs, filter, srid, report, []);
            Finish(outPath, report);
        }));
        return command;
    }
}
