using GeoTrygghet.Analysis.Patrol;
using GeoTrygghet.Application.Patrol;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Patrol;
using GeoTrygghet.Data.Patrol;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Data;
using GeoTrygghet.Output.Patrol;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt patrol plan</c>: a presence plan for one shift — where, when, how long, in which order, by which way.</summary>
internal static class PatrolCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var patrol = new Command("patrol", "Plan police and municipal presence at the hotspots for a shift.");
        patrol.Add(Plan());
        patrol.Add(Visits());
        patrol.Add(DeleteVisits());
        patrol.Add(FollowUp());
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
            var (from, to) = ShiftText.Parse(parse.GetValue(shift)!, "--shift");
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var srid = SchemaManager.AnalysisSrid(cs);
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

            foreach (var warning in json["warnings"]!.AsArray())
            {
                Console.Error.WriteLine($"  warning: {warning}");
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
        }));
        return command;
    }

    private static Command Visits()
    {
        var file = new Argument<string>("file") { Description = "GPX tracks (a visit wherever a track stood still) or a CSV of check-ins: patrol, arrive, depart, lon,lat or x,y [, id, hotspot]" };
        var format = new Option<string?>("--format") { Description = "gpx or csv (default: from the extension)" };
        format.AcceptOnlyFromAmong("gpx", "csv");
        var source = new Option<string?>("--source") { Description = "name of this batch of visits (default: the file name); importing it again replaces it row by row" };
        var radius = new Option<double>("--radius") { Description = "GPX: a stay keeps within this many metres", DefaultValueFactory = _ => 40 };
        var minMinutes = new Option<double>("--min-minutes") { Description = "GPX: the shortest stay that counts as a visit", DefaultValueFactory = _ => 3 };
        var command = new Command("visits", "Import the visits patrols actually made (GPX tracks or CSV check-ins); all or nothing, idempotent.") { file, format, source, radius, minMinutes };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new IOException($"{path}: no such file");
            }

            var kind = parse.GetValue(format) ?? (path.EndsWith(".gpx", StringComparison.OrdinalIgnoreCase) ? "gpx" : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv"
                : throw new FormatException($"{path}: say --format gpx or --format csv"));
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var srid = SchemaManager.AnalysisSrid(cs);
            List<VisitRecord> visits;
            try
            {
                visits = kind == "gpx"
                    ? VisitFiles.ReadGpx(path, srid, parse.GetValue(radius), parse.GetValue(minMinutes))
                    : VisitFiles.ReadCsv(path, srid);
            }
            catch (VisitRowException e)
            {
                // A rejected row, as gt import reports one: nothing was stored.
                Console.Error.WriteLine($"error: {e.Message}; nothing was imported");
                return CliRun.Rejected;
            }
            var name = parse.GetValue(source) ?? Path.GetFileName(path);
            var (inserted, updated, unchanged) = VisitStore.Save(cs, name, visits, srid);
            Console.Error.WriteLine($"visits: {visits.Count} read from {path} ({kind}{(kind == "gpx" ? $": stays of at least {parse.GetValue(minMinutes).ToString(Inv)} min within {parse.GetValue(radius).ToString(Inv)} m" : string.Empty)}), {inserted} new, {updated} updated, {unchanged} unchanged, source '{name}'");
            foreach (var v in visits.Take(50))
            {
                Console.Error.WriteLine($"  {v.Patrol}: {StockholmTime.Format(v.Arrive)} – {PatrolPlanFiles.Local(v.Depart)} at {v.X:F0} {v.Y:F0}{(v.Hotspot is null ? string.Empty : $" ({v.Hotspot})")}");
            }

            return CliRun.Ok;
        }));
        return command;
    }

    private static Command DeleteVisits()
    {
        var source = new Option<string>("--source") { Description = "the import source whose visits go", Required = true };
        var yes = new Option<bool>("--yes") { Description = "really delete (without it the command only counts)" };
        var command = new Command("delete-visits", "Delete every visit of one import source (counts only, unless --yes).") { source, yes };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var name = parse.GetValue(source)!;
            var rows = VisitStore.CountOrDelete(cs, name, parse.GetValue(yes));
            Console.WriteLine(parse.GetValue(yes)
                ? $"deleted {rows} visits of source '{name}'"
                : $"{rows} visits of source '{name}'; run again with --yes to delete them.");
            return CliRun.Ok;
        }));
        return command;
    }

    private static Command FollowUp()
    {
        var planFile = new Option<string>("--plan") { Description = "the plan made with gt patrol plan (its JSON)", Required = true };
        var source = new Option<string?>("--source") { Description = "only the visits of this import (default: all visits in the shift)" };
        var radius = new Option<double>("--radius") { Description = "a visit and an event belong to a hotspot within this many metres", DefaultValueFactory = _ => 100 };
        var after = new Option<double>("--after-minutes") { Description = "minutes after each visit still counted as under presence (residual deterrence)", DefaultValueFactory = _ => 120 };
        var weeks = new Option<int>("--compare-weeks") { Description = "compare with the same hours of the week in this many weeks before", DefaultValueFactory = _ => 8 };
        var output = new Option<string>("--out") { Description = "the follow-up as JSON", Required = true };
        var command = new Command("followup", "Dosage delivered per hotspot against the plan, and incidents during and after presence against the same hours of the week without it.")
        {
            planFile, source, radius, after, weeks, output,
        };
        command.SetAction(parse => CliRun.Guard(() =>
        {
            var planPath = parse.GetValue(planFile)!;
            if (!File.Exists(planPath))
            {
                throw new IOException($"--plan {planPath}: no such file (make one with gt patrol plan --out)");
            }

            var plan = JsonNode.Parse(File.ReadAllText(planPath))?.AsObject() ?? throw new FormatException($"--plan {planPath}: the file is empty");
            var from = DateTimeOffset.Parse(plan["shift"]?["start"]?.GetValue<string>() ?? throw new FormatException($"{parse.GetValue(planFile)}: no shift.start: is it a plan from gt patrol plan?"), Inv);
            var to = DateTimeOffset.Parse(plan["shift"]!["end"]!.GetValue<string>(), Inv);
            var cs = ConnectionResolver.Resolve();
            SchemaManager.Check(cs);
            var srid = SchemaManager.AnalysisSrid(cs);
            var toSrid = new GeometryReprojector(4326, srid);
            var factory = new NetTopologySuite.Geometries.GeometryFactory(new NetTopologySuite.Geometries.PrecisionModel(), 4326);
            var planned = plan["hotspots"]!.AsArray().Select(h =>
            {
                var p = toSrid.Transform(factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(h!["lon"]!.GetValue<double>(), h["lat"]!.GetValue<double>()))).Coordinate;
                return new PresenceFollowUp.PlannedHotspot(h["hotspot"]!.GetValue<string>(), h["label"]!.GetValue<string>(), p.X, p.Y, h["visits"]!.GetValue<int>(), h["planned_minutes"]!.GetValue<double>());
            }).ToList();
            var sources = VisitStore.Sources(cs, from, to);
            if (parse.GetValue(source) is { } wanted && sources.All(x => x.Source != wanted))
            {
                throw new FormatException($"--source {wanted}: no visits of that source in the shift; sources: {(sources.Count == 0 ? "(none: import them with gt patrol visits FILE)" : string.Join(", ", sources.Select(x => $"{x.Source} ({x.Visits})")))}");
            }

            var visits = VisitStore.Load(cs, from, to, parse.GetValue(source));
            var k = parse.GetValue(weeks);
            var afterMinutes = parse.GetValue(after);
            var localFrom = StockholmTime.LocalDate(from);
            var events = GeoTrygghet.Data.Analysis.PointSource.Load(cs, new EventFilter(localFrom.AddDays(-(7 * k) - 1), localFrom.AddDays(2)));
            var list = Enumerable.Range(0, events.Count).Select(i => (events.X[i], events.Y[i], events.TimeFrom![i]!.Value)).ToList();
            var result = PresenceFollowUp.Compute(planned, visits.Select(v => new PresenceFollowUp.Visit(v.Patrol, v.X, v.Y, v.Arrive, v.Depart)).ToList(), list,
                parse.GetValue(radius), afterMinutes, k);
            var json = FollowUpJson(result, plan, parse.GetValue(radius), afterMinutes, k, visits.Count);
            if (parse.GetValue(source) is null && sources.Count > 1)
            {
                json["warnings"]!.AsArray().Add($"visits of {sources.Count} sources are counted together ({string.Join(", ", sources.Select(x => $"{x.Source} ({x.Visits})"))}); if they record the same patrols, give --source.");
            }
            File.WriteAllText(parse.GetValue(output)!, json.ToJsonString(Core.JsonOutput.Indented) + "\n");
            Console.Error.WriteLine($"follow-up: {visits.Count} visits in the shift, {result.UnmatchedVisits} not at a planned hotspot");
            Console.Error.WriteLine($"  minutes made {json["totals"]!["minutes_made"]} of {json["totals"]!["minutes_planned"]} planned; visits {json["totals"]!["visits_made"]} of {json["totals"]!["visits_planned"]}");
            foreach (var warning in json["warnings"]!.AsArray())
            {
                Console.Error.WriteLine($"  warning: {warning}");
            }

            Console.Error.WriteLine($"  {json["summary_sv"]}");
            Console.Error.WriteLine($"wrote {parse.GetValue(output)}");
            return CliRun.Ok;
        }));
        return command;
    }

    private static JsonObject FollowUpJson(PresenceFollowUp.Result r, JsonObject plan, double radius, double after, int weeks, int visits)
    {
        var sv = new NumberFormatInfo { NumberDecimalSeparator = "," };
        var rate = r.RateRatio;
        var withEvents = r.Hotspots.Sum(h => h.EventsWithPresence);
        var withoutEvents = r.Hotspots.Sum(h => h.EventsWithout);
        var warnings = new JsonArray();
        if (visits == 0)
        {
            warnings.Add("no visits were imported for this shift: import them with gt patrol visits FILE.");
        }

        if (withEvents + withoutEvents < 20)
        {
            warnings.Add($"only {withEvents + withoutEvents} events near the hotspots in the hours compared: far too few to conclude anything from one shift; follow up over many shifts.");
        }

        var minutesPlanned = r.Hotspots.Sum(h => h.Hotspot.Minutes);
        var minutesMade = r.Hotspots.Sum(h => h.MinutesMade);
        return new JsonObject
        {
            ["method"] = "dosage: visits and minutes made at each planned hotspot (the nearest within the radius) against the plan; effect: events within the radius during presence and the minutes after against the same hours of the week in the weeks before, exact Poisson rate ratio per hour",
            ["shift"] = plan["shift"]!.DeepClone(),
            ["parameters"] = new JsonObject { ["radius_m"] = radius, ["after_minutes"] = after, ["compare_weeks"] = weeks },
            ["hotspots"] = new JsonArray(r.Hotspots.Select(h => (JsonNode)new JsonObject
            {
                ["hotspot"] = h.Hotspot.Id, ["label"] = h.Hotspot.Label, ["visits_planned"] = h.Hotspot.Visits, ["minutes_planned"] = h.Hotspot.Minutes,
                ["visits_made"] = h.VisitsMade, ["minutes_made"] = h.MinutesMade, ["dosage"] = h.Hotspot.Minutes > 0 ? Math.Round(h.MinutesMade / h.Hotspot.Minutes, 3) : null,
                ["events_with_presence"] = h.EventsWithPresence, ["hours_with_presence"] = Math.Round(h.HoursWithPresence, 2),
                ["events_without"] = h.EventsWithout, ["hours_without"] = Math.Round(h.HoursWithout, 2),
            }).ToArray()),
            ["totals"] = new JsonObject
            {
                ["visits_planned"] = r.Hotspots.Sum(h => h.Hotspot.Visits), ["visits_made"] = r.Hotspots.Sum(h => h.VisitsMade), ["minutes_planned"] = minutesPlanned,
                ["minutes_made"] = Math.Round(minutesMade, 1), ["dosage"] = minutesPlanned > 0 ? Math.Round(minutesMade / minutesPlanned, 3) : null,
                ["visits_elsewhere"] = r.UnmatchedVisits, ["events_with_presence"] = withEvents, ["events_without"] = withoutEvents,
            },
            ["rate_ratio"] = rate is null ? null : new JsonObject
            {
                ["estimate"] = rate.Estimate, ["p"] = Math.Round(rate.P, 6), ["ci90"] = new JsonArray(Math.Round(rate.Low, 6), double.IsFinite(rate.High) ? Math.Round(rate.High, 6) : null),
                ["reading"] = "events per hour with presence over events per hour in the same hours without; below 1 is fewer",
            },
            ["warnings"] = warnings,
            ["summary_sv"] = string.Create(CultureInfo.InvariantCulture, $"Närvaro: {r.Hotspots.Sum(h => h.VisitsMade)} av {r.Hotspots.Sum(h => h.Hotspot.Visits)} planerade besök, {minutesMade.ToString("0", sv)} av {minutesPlanned.ToString("0", sv)} minuter ({(minutesPlanned > 0 ? (minutesMade / minutesPlanned * 100).ToString("0", sv) : "–")} %). Händelser inom {radius.ToString("0", sv)} m under och {after.ToString("0", sv)} min efter närvaro: {withEvents}; samma timmar de {weeks} veckorna före: {withoutEvents}.")
                + (rate?.Estimate is { } e ? $" Kvot per timme {e.ToString("0.00", sv)} (90 % konfidensintervall {rate.Low.ToString("0.00", sv)}–{(double.IsFinite(rate.High) ? rate.High.ToString("0.00", sv) : "∞")})." : string.Empty)
                + (withEvents + withoutEvents < 20 ? " För få händelser för att dra någon slutsats av ett pass; följ upp över många pass." : string.Empty),
        };
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
