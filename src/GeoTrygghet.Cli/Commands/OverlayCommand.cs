using GeoTrygghet.Analysis.Lighting;
using GeoTrygghet.Application.Overlay;
using GeoTrygghet.Core.Overlay;
using GeoTrygghet.Data.Overlay;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Data;
using GeoTrygghet.Output.Hotspots;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt overlay events|areas|candidates</c>: street lighting, cameras and darkness over the events, the
/// hotspots and focus areas, and where new lamps or cameras would cover the most.
/// </summary>
internal static class OverlayCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var overlay = new Command("overlay", "Street lighting, cameras and darkness over events, hotspots and focus areas; candidate places for new lamps or cameras.");
        overlay.Add(Events());
        overlay.Add(Areas());
        overlay.Add(Candidates());
        return overlay;
    }

    private static Option<double> MinLux() => new("--min-lux") { Description = $"illuminance in lux that counts as lit (default {LitRadius.DefaultThresholdLux.ToString(Inv)}, EN 13201-2 class P6 minimum)", DefaultValueFactory = _ => LitRadius.DefaultThresholdLux };

    private static Option<string?> Out(string formats) => new("--out") { Description = $"output file ({formats}; the format comes from the extension)", Required = true };

    /// <summary>The output path, refused unless its extension names a format this command writes.</summary>
    private static string OutPath(ParseResult parse, Option<string?> output)
    {
        var path = parse.GetValue(output)!;
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || HotspotFiles.IsGeoJson(path)
            ? path
            : throw new FormatException($"--out {path}: the format comes from the extension; use .csv or .geojson");
    }

    /// <summary>The overlay reads events with the hotspot options but stores no run: --name would be silently ignored.</summary>
    private static void RefuseName(ParseResult parse, PointOptions source)
    {
        if (parse.GetValue(source.Name) is not null)
        {
            throw new FormatException("--name names a stored analysis run; the overlay stores none (its results are the --out file).");
        }
    }

    private static Command Events()
    {
        var source = new PointOptions();
        var minLux = MinLux();
        var output = Out(".csv or .geojson");
        var command = new Command("events", "For every event: dark share of its time span, lit by a working lamp, lamps within reach that were out, cameras that saw it while recording. CSV id,x,y,time_from,dark_share,dark,lit,lights_out,watched.")
        {
            minLux, output,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            RefuseName(parse, source);
            // The events, read from the database or moved into its CRS from a file, meet the assets in the database's CRS.
            var srid = DatabaseSrid();
            var (events, description, _, _) = source.Load(parse, srid);
            CheckMinLux(parse.GetValue(minLux));
            var (overlay, lights) = OverlayRunner.LoadAssets(ConnectionResolver.Resolve(), parse.GetValue(minLux), srid);
            var coverage = overlay.Of(events);
            var path = OutPath(parse, output);
            var rows = Enumerable.Range(0, events.Count).Select(i => (i, c: coverage[i])).ToList();
            if (HotspotFiles.IsGeoJson(path))
            {
                var report = Report("Asset overlay of events", description, events.Count, parse.GetValue(minLux), lights.Count, overlay.Cameras);
                HotspotFiles.WriteGeoJson(path, srid, report, rows.Select(r => (FeatureValues.Point(events.X[r.i], events.Y[r.i]), new JsonObject
                {
                    ["id"] = events.Ids[r.i], ["time_from"] = StockholmTime.Format(events.TimeFrom![r.i]!.Value), ["dark_share"] = Math.Round(r.c.DarkShare, 4),
                    ["dark"] = r.c.Dark, ["lit"] = r.c.Lit, ["lights_out"] = string.Join(';', r.c.LampsOut), ["watched"] = string.Join(';', r.c.Cameras),
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(path, "id,x,y,time_from,dark_share,dark,lit,lights_out,watched", rows.Select(r => string.Join(',',
                    r.i < 0 ? string.Empty : events.Ids[r.i], FeatureValues.Format(events.X[r.i]), FeatureValues.Format(events.Y[r.i]), StockholmTime.Format(events.TimeFrom![r.i]!.Value),
                    Math.Round(r.c.DarkShare, 4).ToString(Inv), r.c.Dark ? "1" : "0", r.c.Lit ? "1" : "0", string.Join(';', r.c.LampsOut), string.Join(';', r.c.Cameras))));
            }

            var dark = coverage.Count(c => c.Dark);
            Console.Error.WriteLine($"overlay: {events.Count} events ({description}); {lights.Count} lamps, {overlay.Cameras} cameras");
            Console.Error.WriteLine($"  after dark {dark} ({Share(dark, events.Count)}), of them lit {coverage.Count(c => c.Dark && c.Lit)} and unlit {coverage.Count(c => c.DarkUnlit)}; by a lamp that was out {coverage.Count(c => c.LampsOut.Count > 0)}; seen by a camera {coverage.Count(c => c.Watched)}");
            Console.Error.WriteLine($"wrote {path}");
        }));
        return command;
    }

    private static Command Areas()
    {
        var source = new PointOptions();
        var minLux = MinLux();
        var output = Out(".csv or .geojson");
        var run = new Option<string?>("--run") { Description = "the hotspots of this stored run (id or name; clusters, or hot cells of a Gi* run)" };
        var areas = new Option<bool>("--areas") { Description = "the areas register (focus areas and districts) instead of a run" };
        var kind = new Option<string?>("--kind") { Description = "with --areas: only this kind: focus_area or district" };
        var day = new Option<string?>("--day") { Description = "the day whose working lamps and installed cameras give the lit and watched shares of ground (default: the day of the newest event)" };
        var command = new Command("areas", "For every hotspot of a run, or every focus area: events, share after dark, dark events lit, events by a lamp that was out, events seen by a camera, share of the ground lit and watched, lamps out.")
        {
            run, areas, kind, day, minLux, output,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var runName = parse.GetValue(run);
            if ((runName is null) == !parse.GetValue(areas))
            {
                throw new FormatException("give either --run RUN or --areas.");
            }

            RefuseName(parse, source);
            // The events, read from the database or moved into its CRS from a file, meet the assets in the database's CRS.
            var srid = DatabaseSrid();
            var (events, description, _, _) = source.Load(parse, srid);
            CheckMinLux(parse.GetValue(minLux));
            var areasRun = OverlayRunner.Areas(ConnectionResolver.Resolve(), events, runName, parse.GetValue(kind), PointOptions.Date(parse.GetValue(day), "--day"), parse.GetValue(minLux), srid);
            var (result, polygons, onDay, (overlay, lights)) = (areasRun.Areas, areasRun.Polygons, areasRun.Day, areasRun.Assets);
            var path = OutPath(parse, output);
            var byId = polygons.ToDictionary(p => p.Id, p => p.Area, StringComparer.Ordinal);
            if (HotspotFiles.IsGeoJson(path))
            {
                var report = Report("Asset overlay of areas", description, events.Count, parse.GetValue(minLux), lights.Count, overlay.Cameras);
                HotspotFiles.WriteGeoJson(path, srid, report, result.Select(a => (FeatureValues.Geometry(byId[a.Id]), Properties(a, onDay))));
            }
            else
            {
                HotspotFiles.WriteCsv(path, "id,label,events,dark_events,dark_share,dark_lit,dark_unlit,dark_lit_share,lights_out_events,watched,watched_share,lit_area_share,watched_area_share,lamps_out_now",
                    result.Select(a => string.Join(',', a.Id, Csv(a.Label), a.Events.ToString(Inv), a.DarkEvents.ToString(Inv), R(a.DarkShare), a.DarkLit.ToString(Inv), a.DarkUnlit.ToString(Inv),
                        R(a.DarkLitShare), a.LightsOutEvents.ToString(Inv), a.Watched.ToString(Inv), R(a.WatchedShare), R(a.LitAreaShare), R(a.WatchedAreaShare), string.Join(';', a.LampsOutNow))));
            }

            Console.Error.WriteLine($"overlay: {result.Count} {(runName is null ? "areas" : $"hotspots of run {runName}")}, {events.Count} events ({description}); lamps and cameras as on {onDay:yyyy-MM-dd}");
            foreach (var a in result.OrderByDescending(a => a.DarkUnlit).Take(5))
            {
                Console.Error.WriteLine($"  {a.Label}: {a.Events} events, {Share(a.DarkEvents, a.Events)} after dark, {a.DarkUnlit} dark and unlit, ground lit {a.LitAreaShare:P0}, watched {a.WatchedAreaShare:P0}");
            }

            Console.Error.WriteLine($"wrote {path}");
        }));
        return command;
    }

    private static Command Candidates()
    {
        var source = new PointOptions();
        var minLux = MinLux();
        var output = Out(".geojson or .csv");
        var kind = new Option<string>("--kind") { Description = "light: cover dark, unlit events; camera: cover events no camera saw", Required = true };
        kind.AcceptOnlyFromAmong("light", "camera");
        var k = new Option<int>("--k") { Description = "how many new lamps or cameras", DefaultValueFactory = _ => 10 };
        var radius = new Option<double?>("--radius") { Description = "what one new asset covers, metres (default: light — the lit radius of a 5,200 lm LED on a 7 m pole by the lighting model; camera — 50 m)" };
        var halfLife = new Option<double>("--half-life-days") { Description = "an event's weight halves for every this many days before the newest event", DefaultValueFactory = _ => 365 };
        var weights = new Option<string[]>("--category-weight") { Description = "CATEGORY=WEIGHT, e.g. Misshandel=2; repeatable (others weigh 1)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("candidates", "Candidate places for k new lamps (over dark, unlit events) or cameras (over unwatched events) by greedy maximal coverage, weighted by recency and category.")
        {
            kind, k, radius, halfLife, weights, minLux, output,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() =>
        {
            RefuseName(parse, source);
            // The events, read from the database or moved into its CRS from a file, meet the assets in the database's CRS.
            var srid = DatabaseSrid();
            var (events, description, _, _) = source.Load(parse, srid);
            CheckMinLux(parse.GetValue(minLux));
            var what = parse.GetValue(kind)!;
            var categoryWeights = ParseWeights(parse.GetValue(weights));
            var known = (events.Category ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (categoryWeights.Keys.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            {
                throw new FormatException($"--category-weight {unknown}: no event has that category; categories: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
            var chosen = OverlayRunner.Candidates(ConnectionResolver.Resolve(), events, what, parse.GetValue(k), parse.GetValue(radius), parse.GetValue(halfLife), parse.GetValue(minLux), categoryWeights, srid);
            var (result, reach, (overlay, lamps)) = (chosen.Result, chosen.RadiusMetres, chosen.Assets);
            var path = OutPath(parse, output);
            var report = Report($"Candidate places for new {(what == "light" ? "lamps" : "cameras")}: greedy maximal coverage", description, events.Count, parse.GetValue(minLux), lamps.Count, overlay.Cameras,
                new Dictionary<string, object?> { ["k"] = parse.GetValue(k), ["radius_m"] = reach, ["half_life_days"] = parse.GetValue(halfLife), ["demand"] = result.Demand, ["demand_events"] = result.DemandEvents });
            if (HotspotFiles.IsGeoJson(path))
            {
                HotspotFiles.WriteGeoJson(path, srid, report, result.Candidates.Select(c => (FeatureValues.Point(c.X, c.Y), new JsonObject
                {
                    ["rank"] = c.Rank, ["kind"] = what, ["events"] = c.Events, ["weight"] = Math.Round(c.Weight, 4), ["cumulative_share"] = Math.Round(c.CumulativeShare, 4),
                    ["radius_m"] = reach, ["event_ids"] = string.Join(';', c.EventIds),
                })));
            }
            else
            {
                HotspotFiles.WriteCsv(path, "rank,x,y,events,weight,cumulative_share,radius_m", result.Candidates.Select(c => string.Join(',',
                    c.Rank.ToString(Inv), FeatureValues.Format(c.X), FeatureValues.Format(c.Y), c.Events.ToString(Inv), R(c.Weight), R(c.CumulativeShare), reach.ToString(Inv))));
            }

            Console.Error.WriteLine($"candidates: {result.Candidates.Count} places for new {what}s over {result.DemandEvents} {result.Demand} ({description}); each covers {reach.ToString(Inv)} m");
            foreach (var c in result.Candidates)
            {
                Console.Error.WriteLine($"  {c.Rank,2}. {c.X:F0} {c.Y:F0}: +{c.Events} events (weight {c.Weight:F1}), {c.CumulativeShare:P0} of the weighted demand so far");
            }

            Console.Error.WriteLine($"wrote {path}");
        }));
        return command;
    }

    private static int DatabaseSrid()
    {
        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        return SchemaManager.AnalysisSrid(cs);
    }

    private static void CheckMinLux(double minLux)
    {
        if (!(minLux > 0))
        {
            throw new FormatException("--min-lux must be above 0.");
        }
    }

    private static Dictionary<string, double> ParseWeights(string[]? given)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in given ?? [])
        {
            var parts = text.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, Inv, out var w) || w < 0)
            {
                throw new FormatException($"--category-weight '{text}': write CATEGORY=WEIGHT with a weight of 0 or more, e.g. Misshandel=2");
            }

            weights[parts[0].Trim()] = w;
        }

        return weights;
    }

    private static JsonObject Properties(AreaCoverage a, DateOnly day) => new()
    {
        ["id"] = a.Id, ["label"] = a.Label, ["events"] = a.Events, ["dark_events"] = a.DarkEvents, ["dark_share"] = Math.Round(a.DarkShare, 4),
        ["dark_lit"] = a.DarkLit, ["dark_unlit"] = a.DarkUnlit, ["dark_lit_share"] = Math.Round(a.DarkLitShare, 4), ["lights_out_events"] = a.LightsOutEvents,
        ["watched"] = a.Watched, ["watched_share"] = Math.Round(a.WatchedShare, 4), ["lit_area_share"] = Math.Round(a.LitAreaShare, 4),
        ["watched_area_share"] = Math.Round(a.WatchedAreaShare, 4), ["lamps_out_now"] = string.Join(';', a.LampsOutNow), ["assets_on"] = day.ToString("yyyy-MM-dd", Inv),
    };

    private static AnalysisReport Report(string method, string input, int points, double minLux, int lights, int cameras, Dictionary<string, object?>? extra = null)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["min_lux"] = minLux, ["lit_radius_model"] = "point source over the lower hemisphere, E = I·h/(h²+d²)^1.5, radius where E = min_lux, capped at 4 mounting heights",
            ["lamps"] = lights, ["cameras"] = cameras, ["camera_view"] = "sector rays every 1°, stopped at the basemap's blocks; recording within operating hours from installation",
            ["dark"] = "at least half of the event's time span with the sun more than 6° below the horizon",
        };
        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value;
        }

        return new AnalysisReport(method, "see src/GeoTrygghet.Analysis/Lighting/LitRadius.cs and Coverage/", input, points, parameters, new Dictionary<string, string>(), new Dictionary<string, object?>());
    }

    private static string R(double v) => Math.Round(v, 4).ToString(Inv);

    private static string Share(int part, int whole) => whole == 0 ? "0 %" : ((double)part / whole).ToString("P0", Inv);

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
