using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Core.Patrol;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Patrol;
using GeoTrygghet.Data.Schema;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt patrol plan</c>: a presence plan for one shift — where, when, how long, in which order, by which way.</summary>
internal static class PatrolCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var patrol = new Command("patrol", "Plan police and municipal presence at the hotspots for a shift.");
        patrol.Add(Plan());
        return patrol;
    }

    private static Command Plan()
    {
        var shift = new Option<string>("--shift") { Description = "START/END, ISO 8601, Stockholm time unless an offset is given, e.g. 2024-11-29T18:00/2024-11-30T02:00 (END may be a time: 18:00/02:00 runs past midnight)", Required = true };
        var patrols = new Option<int>("--patrols") { Description = "number of patrols", Required = true };
        var presence = new Option<double?>("--presence-minutes") { Description = "minutes each patrol spends at hotspots (default: half the shift)" };
        var area = new Option<string?>("--area") { Description = "only hotspots in this focus area or district" };
        var seed = new Option<int>("--seed") { Description = "random seed: the same seed gives the same plan", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "the plan as JSON (stops and legs); the same as GeoJSON beside it unless --geojson names the file", Required = true };
        var geojson = new Option<string?>("--geojson") { Description = "the plan as GeoJSON (default: the --out name with .geojson)" };
        var gpx = new Option<string?>("--gpx") { Description = "GPX 1.1 for a phone or GPS: a waypoint per stop, a track per patrol" };
        var pdf = new Option<string?>("--pdf") { Description = "a printable briefing: map with the routes and numbered stops, the timetable and why each stop was chosen" };
        var run = new Option<string?>("--run") { Description = "the stored hotspot run (id or name; default: the latest with hotspots)" };
        var lookBack = new Option<double>("--look-back-days") { Description = "events of this many days before the shift make the risk", DefaultValueFactory = _ => 365 };
        var halfLife = new Option<double>("--half-life-days") { Description = "an event's weight halves every this many days back", DefaultValueFactory = _ => 90 };
        var reportWeight = new Option<double>("--report-weight") { Description = "weight of an EST report against an incident's 1", DefaultValueFactory = _ => 0.5 };
        var speed = new Option<double>("--speed-kmh") { Description = "travel speed between stops", DefaultValueFactory = _ => 25 };
        var straight = new Option<bool>("--straight") { Description = "route in straight lines even when a street network is loaded" };
        var visitMin = new Option<double>("--visit-min") { Description = "shortest visit, minutes (Koper curve)", DefaultValueFactory = _ => 10 };
        var visitMax = new Option<double>("--visit-max") { Description = "longest visit, minutes (Koper curve)", DefaultValueFactory = _ => 16 };
        var gap = new Option<double>("--min-gap-minutes") { Description = "least time between the starts of two visits to one hotspot", DefaultValueFactory = _ => 120 };
        var start = new Option<string?>("--start") { Description = "where the patrols start, X,Y in the analysis CRS (default: at their first stop)" };
        var maxSites = new Option<int>("--max-hotspots") { Description = "plan over at most this many hotspots, those with the most risk", DefaultValueFactory = _ => 40 };
        var command = new Command("plan", "A presence plan for a shift: which hotspots, when, how long, in which order, with routes; JSON, GeoJSON, GPX and a PDF briefing.")
        {
            shift, patrols, presence, area, seed, output, geojson, gpx, pdf, run, lookBack, halfLife, reportWeight, speed, straight, visitMin, visitMax, gap, start, maxSites,
        };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            try
            {
                var (from, to) = ShiftText.Parse(parse.GetValue(shift)!, "--shift");
                var cs = ConnectionResolver.Resolve();
                SchemaManager.Check(cs);
                var srid = SchemaSrid.Value;
                var result = PatrolRunner.Run(cs, new PatrolRequest
                {
                    ShiftStart = from,
                    ShiftEnd = to,
                    Patrols = parse.GetValue(patrols),
                    PresenceMinutes = parse.GetValue(presence),
                    Area = parse.GetValue(area),
                    Seed = parse.GetValue(seed),
                    Run = parse.GetValue(run),
                    LookBackDays = parse.GetValue(lookBack),
                    HalfLifeDays = parse.GetValue(halfLife),
                    ReportWeight = parse.GetValue(reportWeight),
                    SpeedKmh = parse.GetValue(speed),
                    Straight = parse.GetValue(straight),
                    VisitMin = parse.GetValue(visitMin),
                    VisitMax = parse.GetValue(visitMax),
                    MinGapMinutes = parse.GetValue(gap),
                    Start = Point(parse.GetValue(start)),
                    MaxHotspots = parse.GetValue(maxSites),
                });
                var (plan, settings, sites, streets, json, defaults) = (result.Plan, result.Settings, result.Sites, result.Streets, result.Json, result.Defaults);
                var outPath = parse.GetValue(output)!;
                PatrolPlanFiles.WriteJson(outPath, json);
                var geoPath = parse.GetValue(geojson) ?? Path.ChangeExtension(outPath, ".geojson");
                PatrolPlanFiles.WriteGeoJson(geoPath, plan, srid);
                Console.Error.WriteLine($"patrol plan: {StockholmTime.Format(from)} – {StockholmTime.Format(to)}, {settings.Patrols} patrol(s), {settings.PresenceMinutesPerPatrol.ToString(Inv)} presence minutes each; {sites.Description}");
                Console.Error.WriteLine($"  routes {plan.Router}");
                foreach (var (key, value) in defaults)
                {
                    Console.Error.WriteLine($"  default {key}: {value}");
                }

                Console.Error.WriteLine($"  {plan.Stops.Count} stops at {plan.Stops.Select(s => s.Site.Id).Distinct().Count()} of {sites.List.Count} hotspots, {plan.Stops.Sum(s => s.Minutes).ToString(Inv)} minutes present, {plan.Legs.Sum(l => l.Route.Minutes):0} minutes and {plan.Legs.Sum(l => l.Route.Metres) / 1000:0.0} km on the way");
                foreach (var stop in plan.Stops)
                {
                    Console.Error.WriteLine($"  P{stop.Patrol} {stop.Order,2}. {PatrolPlanFiles.Local(stop.Arrive)}–{PatrolPlanFiles.Local(stop.Depart)} {stop.Site.Id} ({stop.Site.Label}), {stop.Minutes.ToString(Inv)} min, risk rank {stop.Rank}");
                }

                Console.Error.WriteLine($"wrote {outPath} and {geoPath}");
                if (parse.GetValue(gpx) is { } gpxPath)
                {
                    PatrolPlanFiles.WriteGpx(gpxPath, plan, settings, srid);
                    Console.Error.WriteLine($"wrote {gpxPath}");
                }

                if (parse.GetValue(pdf) is { } pdfPath)
                {
                    var pages = PatrolBriefingPdf.Write(pdfPath, plan, settings, sites.Areas, streets, result.Title);
                    Console.Error.WriteLine($"wrote {pdfPath} ({pages} page{(pages == 1 ? string.Empty : "s")})");
                }

                return CliRun.Ok;
            }
            catch (AnalysisException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return CliRun.Failed;
            }
        }));
        return command;
    }

    private static (double X, double Y)? Point(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var p = text.Split(',');
        return p.Length == 2 && double.TryParse(p[0], NumberStyles.Float, Inv, out var x) && double.TryParse(p[1], NumberStyles.Float, Inv, out var y)
            ? (x, y)
            : throw new FormatException($"--start '{text}': write X,Y in metres of the analysis CRS, e.g. 556000,6597300");
    }
}
