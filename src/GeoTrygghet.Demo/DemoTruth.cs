using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GeoTrygghet.Demo;

/// <summary>
/// The planted ground truth, written twice: as ground_truth.json for tests and analyses, and in prose
/// in README.md. Both are built from the same values, so they cannot disagree with each other or with
/// the data; counts are those actually written, not the targets.
/// </summary>
internal sealed class DemoTruth(
    DemoTown town, DemoPlan plan, IncidentTally tally, IReadOnlyList<DemoReport> reports,
    IReadOnlyList<DemoLight> lights, IReadOnlyList<DemoCamera> cameras, IReadOnlyList<DemoMeasure> measures)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private int NightBefore => tally.GroupTotal("path_night_before");

    private int NightAfter => tally.GroupTotal("path_night_after");

    private int DayBefore => tally.GroupTotal("path_day_before");

    private int DayAfter => tally.GroupTotal("path_day_after");

    private double RateBefore => plan.DaysBeforeLighting == 0 ? 0 : NightBefore / (double)plan.DaysBeforeLighting;

    private double RateAfter => plan.DaysFromLighting == 0 ? 0 : NightAfter / (double)plan.DaysFromLighting;

    private int ReportGroup(string group) => reports.Count(r => r.Group == group);

    private IEnumerable<DemoLight> Outaged => lights.Where(l => l.Role == LightRole.Street && l.Changes.Count > 0);

    public void WriteJson(string path)
    {
        using var stream = File.Create(path);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteBoolean("synthetic", true);
            w.WriteString("note", "Synthetic demo data made by GeoTrygghet's DemoTownGenerator. No row describes a real event, person, place or asset.");
            w.WriteNumber("seed", plan.Seed);
            w.WriteString("regenerate", Regenerate(plan));
            w.WriteString("crs", "EPSG:3006");

            w.WriteStartObject("period");
            w.WriteString("start", DemoClock.Format(plan.Start));
            w.WriteString("end", DemoClock.Format(plan.End));
            w.WriteNumber("days", plan.Days);
            w.WriteString("time_zone", "Europe/Stockholm");
            w.WriteEndObject();

            w.WriteStartObject("town");
            w.WriteString("placed_at", "Köping, Sweden (the town itself is made up)");
            Pair(w, "centre", DemoTown.CentreE, DemoTown.CentreN);
            Pair(w, "centre_wgs84_lon_lat", DemoSun.LongitudeDeg, DemoSun.LatitudeDeg);
            w.WriteStartArray("bbox");
            foreach (var v in new[] { DemoTown.Bounds.MinX, DemoTown.Bounds.MinY, DemoTown.Bounds.MaxX, DemoTown.Bounds.MaxY })
            {
                w.WriteNumberValue(v);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("darkness");
            w.WriteString("rule", "dark when the sun's elevation is below -6 degrees (civil twilight has ended)");
            w.WriteString("formula", "NOAA general solar position formulas (fractional-year series for declination and equation of time), no refraction, at the town centre");
            w.WriteNumber("threshold_deg", DemoSun.DarkBelowDeg);
            w.WriteEndObject();

            w.WriteStartObject("incidents");
            w.WriteNumber("total", tally.Total);
            w.WriteNumber("with_time_span", tally.Spans);
            w.WriteNumber("background", tally.GroupTotal("background"));
            w.WriteStartObject("by_category");
            foreach (var c in DemoCategory.All)
            {
                w.WriteNumber(c.Name, tally.ByCategory.GetValueOrDefault(c.Name));
            }

            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("hotspots");
            foreach (var h in DemoHotspot.All)
            {
                WriteHotspot(w, h);
            }

            w.WriteEndArray();

            w.WriteStartObject("dark_path");
            w.WriteString("id", "P01");
            w.WriteString("name", "Parkstigen");
            w.WriteString("geometry_wkt", DemoFormat.Wkt(town.Path));
            w.WriteNumber("length_m", Math.Round(town.Path.Length, 1));
            w.WriteNumber("corridor_half_width_m", DemoTown.PathCorridorHalfWidth);
            w.WriteString("corridor_wkt", DemoFormat.Wkt(town.PathCorridor));
            w.WriteNumber("incidents_kept_from_ends_m", DemoIncidents.PathFromEnds);
            w.WriteNumber("incidents_offset_sd_m", DemoIncidents.PathOffsetSd);
            w.WriteNumber("days_before", plan.DaysBeforeLighting);
            w.WriteNumber("days_after", plan.DaysFromLighting);
            w.WriteNumber("night_incidents_before", NightBefore);
            w.WriteNumber("night_incidents_after", NightAfter);
            w.WriteNumber("day_incidents_before", DayBefore);
            w.WriteNumber("day_incidents_after", DayAfter);
            w.WriteNumber("night_rate_per_day_before", Math.Round(RateBefore, 4));
            w.WriteNumber("night_rate_per_day_after", Math.Round(RateAfter, 4));
            w.WriteNumber("day_rate_per_day", DemoIncidents.PathDayPerDay);
            w.WriteNumber("friday_saturday_weight", DemoIncidents.PathFriSatNight);
            w.WriteString("night_means", "time_from is dark by the darkness rule; day means it is not");
            w.WriteEndObject();

            w.WriteStartObject("lighting_measure");
            w.WriteString("id", "M01");
            w.WriteString("date", DemoClock.Format(plan.LightingDate));
            w.WriteNumber("planted_effect_share", DemoIncidents.PlantedReduction);
            w.WriteString("effect", "from the date, the rate of night-time incidents in the Parkstigen corridor is halved; daytime incidents there and night-time incidents elsewhere keep their rate");
            w.WriteNumber("realised_night_rate_ratio", RateBefore == 0 ? 0 : Math.Round(RateAfter / RateBefore, 4));
            Ids(w, "new_lights", lights.Where(l => l.Role == LightRole.NewPath).Select(l => l.Id));
            Ids(w, "removed_lights", lights.Where(l => l.Role == LightRole.OldPath).Select(l => l.Id));
            Ids(w, "old_lights_out_before", lights.Where(l => l.Role == LightRole.OldPath && l.Changes.Count > 1).Select(l => l.Id));
            w.WriteEndObject();

            w.WriteStartArray("measures");
            foreach (var m in measures)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("type", m.Type);
                w.WriteString("start_date", DemoClock.Format(m.Start));
                w.WriteString("planted_effect", m.PlantedEffect);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartObject("reports");
            w.WriteNumber("total", reports.Count);
            w.WriteStartObject("by_group");
            foreach (var g in DemoReports.Groups)
            {
                w.WriteNumber(g, ReportGroup(g));
            }

            w.WriteEndObject();
            w.WriteNumber("path_unsafe_place_reduction", 1 - DemoReports.PathUnsafeShareAfter);
            w.WriteEndObject();

            w.WriteStartObject("lights");
            w.WriteNumber("total", lights.Count);
            w.WriteStartArray("status_changes");
            foreach (var l in Outaged)
            {
                w.WriteStartObject();
                w.WriteString("id", l.Id);
                w.WriteString("changes", string.Join(";", l.Changes.Select(c => DemoClock.Format(c.Date) + ":" + c.Status)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("cameras", cameras.Count);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private void WriteHotspot(Utf8JsonWriter w, DemoHotspot h)
    {
        w.WriteStartObject();
        w.WriteString("id", h.Id);
        w.WriteString("name", h.Name);
        w.WriteString("kind", h.Kind);
        w.WriteString("shape", h.Shape == HotspotShape.Gaussian ? "circular_normal" : "segment_normal_across");
        var centre = DemoTown.W(h.Centre.U, h.Centre.V);
        Pair(w, "centre", centre.X, centre.Y);
        if (h.Shape == HotspotShape.Segment)
        {
            var (a, b) = (DemoTown.W(h.From.U, h.From.V), DemoTown.W(h.To.U, h.To.V));
            Pair(w, "segment_from", a.X, a.Y);
            Pair(w, "segment_to", b.X, b.Y);
            w.WriteNumber("sd_across_m", h.SdM);
            w.WriteNumber("half_width_m", h.SdM * h.TruncateAtSd);
        }
        else
        {
            w.WriteNumber("sd_m", h.SdM);
            w.WriteNumber("radius_m", h.SdM * h.TruncateAtSd);
        }

        w.WriteNumber("truncated_at_sd", h.TruncateAtSd);
        w.WriteString("active_from", DemoClock.Format(h.LastYearOnly ? plan.LastYearStart : plan.Start));
        w.WriteString("active_to", DemoClock.Format(plan.End));
        w.WriteNumber("incidents", tally.GroupTotal(h.Id));
        w.WriteStartObject("incidents_by_year");
        var g = DemoIncidents.Groups.ToList().IndexOf(h.Id);
        for (var y = 0; y < tally.ByGroupYear.GetLength(1); y++)
        {
            w.WriteNumber((tally.FirstYear + y).ToString(Inv), tally.ByGroupYear[g, y]);
        }

        w.WriteEndObject();
        w.WriteStartObject("category_shares");
        foreach (var (category, share) in h.Mix)
        {
            w.WriteNumber(category, share);
        }

        w.WriteEndObject();
        w.WriteString("extent_wkt", DemoFormat.Wkt(h.Extent()));
        w.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter w, string name, double a, double b)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(Math.Round(a, 2));
        w.WriteNumberValue(Math.Round(b, 2));
        w.WriteEndArray();
    }

    private static void Ids(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }

    private static string F(FormattableString text) => text.ToString(Inv);

    private static string Share(double share) => F($"{share * 100:0} %");

    public void WriteReadme(string path, int areaCount, int basemapCount)
    {
        var s = new StringBuilder();
        void L(string line = "") => s.Append(line).Append('\n');
        var newLights = lights.Where(l => l.Role == LightRole.NewPath).ToList();
        var oldLights = lights.Where(l => l.Role == LightRole.OldPath).ToList();
        var c = DemoTown.W(0, 0);

        L("# Demo town — synthetic data");
        L();
        L("**Everything in this folder is synthetic.** It was made up by `DemoTownGenerator` (project and namespace");
        L("`GeoTrygghet.Demo`). No row describes a real event, person, address, light, camera or measure. The town is");
        L("an invented town of about 26,000 people that is merely *placed* at Köping, Sweden, so that maps, coordinate");
        L("systems, daylight and daylight-saving time behave as they would there. `ground_truth.json` says `\"synthetic\": true`.");
        L();
        L("## Regenerate");
        L();
        L("```sh");
        L(Regenerate(plan));
        L("```");
        L();
        L(F($"This calls `DemoTownGenerator.Write(folder, new DemoTownOptions {{ End = new({plan.End.Year}, {plan.End.Month}, {plan.End.Day}) }})`: seed {plan.Seed}, {plan.Years} years from {DemoClock.Format(plan.Start)} to {DemoClock.Format(plan.End)}."));
        L("Every planted date (the measures, the hotspot that starts in the last year, the presence) is set relative to the end, so");
        L("a town that ends on another day (`gt demo` makes one that ends yesterday) holds the same story.");
        L("The same options give byte-identical files (one seeded random stream per part of the town, invariant culture,");
        L("`\\n` line endings, no clock or hash-order dependence). `IncidentCount` asks for an exact number of incident rows");
        L("(e.g. 1,000,000 for benchmarks); every planted component is then scaled by the same factor, and rows are");
        L("streamed to disk one day at a time.");
        L();
        L("## The town");
        L();
        L(F($"- Centre E {c.X:0}, N {c.Y:0} in SWEREF 99 TM (EPSG:3006), about {DemoSun.LatitudeDeg:0.00}° N {DemoSun.LongitudeDeg:0.00}° E."));
        L(F($"- Every coordinate in every file is EPSG:3006 metres, rounded to 0.01 m, inside the 3 × 3 km square E {DemoTown.Bounds.MinX:0}–{DemoTown.Bounds.MaxX:0}, N {DemoTown.Bounds.MinY:0}–{DemoTown.Bounds.MaxY:0}."));
        L("- A grid-plan centre (Innerstaden) around **Stora torget**; **Storgatan** is the main street and part of the east–west");
        L("  through road (Arbogavägen – Storgatan – Västeråsvägen); Mälarvägen – Kungsgatan – Skogsvägen runs north–south.");
        L("  **Busstationen** is the block south of Storgatan between Drottninggatan and Östra Långgatan.");
        L("- **Ringvägen** circles the town (a state road: its lights belong to Trafikverket and are not in `lights.csv`).");
        L("- Residential quarters of gently curving streets: Västra staden (bird names), Östra and Södra staden (flowers),");
        L("  **Nygård** north of the park (trees; Nygårdsvägen is its spine).");
        L("- **Stadsparken** between the centre and Nygård, crossed by the footpath **Parkstigen** from the end of Kyrkogatan");
        L("  to Parkvägen, with a pond (Parkdammen).");
        L();
        L("## Files");
        L();
        L("All files are UTF-8 without BOM with `\\n` line endings; CSV files have a header row and quote fields per RFC 4180;");
        L("GeoJSON files carry the legacy member `\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3006\"}}`.");
        L("Times are ISO 8601 in Europe/Stockholm local time with their UTC offset (`+01:00` winter, `+02:00` summer); no time");
        L("falls in the hour skipped in spring, and a time in the doubled autumn hour says by its offset which one it is.");
        L();
        L("| File | Rows | Columns |");
        L("|---|---:|---|");
        L(F($"| `incidents.csv` | {tally.Total} | `id` (I000001…), `x`, `y`, `time_from`, `time_to` (empty = an instant), `category` (Swedish), `crime_code`, `accuracy` (m) |"));
        L(F($"| `reports.csv` | {reports.Count} | `id` (R000001…), `x`, `y`, `time_from`, `category` (vandalism, graffiti, littering, broken_light, gathering, unsafe_place, other), `kind` (est, safety_walk), `reporter_role` (fastighetsvärd, väktare, fritidsledare, gatukontoret, polis), `text` (Swedish, no names) |"));
        L(F($"| `lights.csv` | {lights.Count} | `id` (L0001…), `x`, `y`, `status` (working, out, removed: status at the end of the period, equal to the last status change), `status_changes` (`YYYY-MM-DD:status;…`, ascending), `lamp_type` (LED, HPS), `lumen`, `watt`, `height` (m), `installed_on` |"));
        L(F($"| `cameras.csv` | {cameras.Count} | `id` (K01…), `x`, `y`, `direction` (degrees clockwise from north), `fov` (degrees), `range` (m), `hours` (`HH:MM-HH:MM` or `24/7`), `owner`, `permit`, `installed_on` |"));
        L(F($"| `measures.geojson` | {measures.Count} | `id`, `type` (lighting, camera, vegetation, presence, …), `start_date`, `end_date`, `description`, `assets` (`light:L…;camera:K…`) |"));
        L(F($"| `areas.geojson` | {areaCount} | `id`, `name`, `kind` (focus_area, district), `year` ({plan.PromiseYear} for the focus areas) |"));
        L(F($"| `basemap.geojson` | {basemapCount} | `id`, `kind` (street, path: LineString; block, park, water: Polygon), `name` |"));
        L(F($"| `surveys.geojson` | 4 | the focus areas' safety surveys of {plan.PromiseYear - 1} and {plan.PromiseYear} (`kind` survey_area, `safety_score` 1–5, `respondents`), imported as areas |"));
        L(F($"| `visits.csv` | – | the police's check-ins on Friday and Saturday evenings of the last year: `id`, `patrol`, `arrive`, `depart`, `lon`, `lat`, `hotspot` (`gt patrol visits`) |"));
        L(F($"| `promises.json` | 4 | the citizen promises of {plan.PromiseYear}, modelled on Köping's of 2024: activities and indicators (`gt import promises`) |"));
        L("| `ground_truth.json` | – | the planted truth below, machine-readable |");
        L("| `README.md` | – | this file |");
        L();
        L("Areas: focus areas **Centrum** (A01) and **Nygård** (A02); districts Innerstaden, Norra staden, Östra staden, Södra staden,");
        L("Västra staden (A03–A07), which tile the town inside Ringvägen. In the basemap, `park` also covers the paved square Stora torget.");
        L("Crime codes are four-digit codes in the style of Brå's list, chosen for the demo and not checked against any version of it.");
        L();
        L("## Planted ground truth");
        L();
        L(F($"Period {DemoClock.Format(plan.Start)} – {DemoClock.Format(plan.End)} ({plan.Days} days). Counts are those written."));
        L();
        L("### Hotspots");
        L();
        L("| Id | Where | Kind | Shape and size (EPSG:3006) | Active | Incidents | Per year |");
        L("|---|---|---|---|---|---:|---|");
        foreach (var h in DemoHotspot.All)
        {
            var centre = DemoTown.W(h.Centre.U, h.Centre.V);
            var shape = h.Shape == HotspotShape.Gaussian
                ? F($"circular normal at E {centre.X:0}, N {centre.Y:0}, sd {h.SdM:0} m, cut at {h.TruncateAtSd:0.#} sd = radius {h.SdM * h.TruncateAtSd:0.#} m")
                : F($"uniform along E {DemoTown.W(h.From.U, 0).X:0} → {DemoTown.W(h.To.U, 0).X:0} at N {centre.Y:0} ({Math.Abs(h.To.U - h.From.U):0} m of Storgatan), normal across with sd {h.SdM:0} m, cut at {h.TruncateAtSd:0.#} sd = ±{h.SdM * h.TruncateAtSd:0} m");
            var g = DemoIncidents.Groups.ToList().IndexOf(h.Id);
            var years = string.Join(", ", Enumerable.Range(0, tally.ByGroupYear.GetLength(1)).Select(y => F($"{tally.FirstYear + y}: {tally.ByGroupYear[g, y]}")));
            var from = h.LastYearOnly ? plan.LastYearStart : plan.Start;
            L(F($"| {h.Id} | {h.Name} | {h.Kind} | {shape} | {DemoClock.Format(from)} – | {tally.GroupTotal(h.Id)} | {years} |"));
        }

        L();
        foreach (var h in DemoHotspot.All)
        {
            L(F($"- {h.Id} categories: {string.Join(", ", h.Mix.Select(m => F($"{m.Category} {Share(m.Share)}")))}; times follow each category's rhythm."));
        }

        L("- H4 is *emerging*: it has no incidents before its start date and is the one to find by comparing years.");
        L("- Exact extents are `extent_wkt` in `ground_truth.json`; every incident of a hotspot lies inside its extent.");
        L();
        L("### Dark path and lighting measure");
        L();
        L(F($"- **Parkstigen** (basemap P01, {town.Path.Length:0} m, WKT in `ground_truth.json`) has night-time incidents planted along it: uniformly along the path between {DemoIncidents.PathFromEnds:0} m from each end, offset across by a normal with sd {DemoIncidents.PathOffsetSd:0} m, cut at 12 m; all within the corridor of ±{DemoTown.PathCorridorHalfWidth:0} m (the geometry of M01). No other incident falls in that corridor; the only reports in it are the planted unsafe_place reports and those of the old lamps going out."));
        L(F($"- Night = dark by the darkness rule (sun below {DemoSun.DarkBelowDeg:0}°, NOAA solar position at {DemoSun.LatitudeDeg:0.00}° N {DemoSun.LongitudeDeg:0.00}° E), judged at `time_from`. Night incidents are timed only within darkness, weighted towards 19–01; day incidents only outside it."));
        L(F($"- Before {DemoClock.Format(plan.LightingDate)} ({plan.DaysBeforeLighting} days): {NightBefore} night incidents = {RateBefore:0.000} a day (planted {DemoIncidents.PathNightPerDay:0.00}; Friday and Saturday weighted {DemoIncidents.PathFriSatNight:0.0})."));
        L(F($"- **Lighting measure M01 on {DemoClock.Format(plan.LightingDate)}**: {newLights.Count} new LED lamps (20 W, 2,600 lm, 4.5 m; {newLights[0].Id}–{newLights[^1].Id}, `installed_on` = the date) replace {oldLights.Count} sodium lamps of 1987 ({oldLights[0].Id}–{oldLights[^1].Id}, `removed` on the date; {oldLights.Count(l => l.Changes.Count > 1)} of them were already out for months before)."));
        L(F($"- From that date ({plan.DaysFromLighting} days): {NightAfter} night incidents = {RateAfter:0.000} a day. **Planted effect: night-time incidents on the path fall by {Share(DemoIncidents.PlantedReduction)}** (realised rate ratio after/before {(RateBefore == 0 ? 0 : RateAfter / RateBefore):0.000})."));
        L(F($"- Unchanged by the measure: daytime incidents on the path ({DayBefore} before, {DayAfter} after: {DemoIncidents.PathDayPerDay:0.00} a day throughout) and all incidents outside the corridor (background rates have no trend; their night-time share still moves a little with the seasons each side of the date)."));
        L(F($"- Secondary: `unsafe_place` reports on the path fall by {Share(1 - DemoReports.PathUnsafeShareAfter)} ({ReportGroup("path_unsafe_before")} before, {ReportGroup("path_unsafe_after")} after); safety-walk notes about the path change from dark to better lit."));
        L();
        L("### Other measures: no planted effect");
        L();
        foreach (var m in measures.Where(m => m.PlantedEffect == "none"))
        {
            L(F($"- {m.Id} {m.Type}, from {DemoClock.Format(m.Start)}{(m.End is { } end ? " to " + DemoClock.Format(end) : string.Empty)}: {m.Description}"));
        }

        L();
        L("Nothing was planted for these: any apparent effect is noise or trend. M04 sits on the emerging hotspot H4, which");
        L("keeps its rate to the end of the period.");

        L();
        L("### Lights, cameras, reports");
        L();
        L(F($"- {lights.Count} lights: along the streets every 25 m in the centre (alternating sides) and every 35 m on one side elsewhere, one lamp generation per street (LED or high-pressure sodium, HPS); {Outaged.Count()} street lamps have status changes (3 removed, the rest out at known dates, most repaired within 2–75 days), all listed in `ground_truth.json`."));
        L(F($"- {cameras.Count} cameras: Köpings kommun at Stora torget (18:00-06:00) and at Busstationen (measure M02, from {DemoClock.Format(plan.CameraDate)}), a school yard, KBAB in Nygård, VME sites, shops on Storgatan."));
        L(F($"- {reports.Count} reports: a background of every category along the streets ({ReportGroup("background")}), more at the hotspots (H1 gathering {ReportGroup("H1")}, H2 vandalism and littering {ReportGroup("H2")}, H3 graffiti and vandalism {ReportGroup("H3")}, H4 {ReportGroup("H4")} in the last year only), {ReportGroup("light_outage")} broken_light reports 0–4 days after a lamp went out, and {ReportGroup("safety_walk")} safety-walk notes (Centrum on the first Tuesday of October, Nygård on the first Wednesday of November, from 18:00)."));
        L();
        L("### Background incidents and rhythms");
        L();
        L(F($"- {tally.GroupTotal("background")} background incidents, placed along streets (±12 m of the centreline), weighted towards the centre for theft, violence and disorder and towards residential streets for burglary; {tally.Spans} incidents ({(tally.Total == 0 ? 0 : 100.0 * tally.Spans / tally.Total):0.0} %) have a time span."));
        L("- By category: " + string.Join(", ", DemoCategory.All.Select(x => F($"{x.Name} ({x.Code}) {tally.ByCategory.GetValueOrDefault(x.Name)}"))) + ".");
        L("- Daily: violence and disorder peak in the evening and night, theft in the daytime; weekly: Friday and Saturday nights");
        L("  weighted up (×1.3–2.6 by category), working-day daytime up for theft; seasonal: summer peak for violence, disorder and");
        L("  vandalism, bicycle theft in the warm half-year, burglary and robbery in the dark season.");
        L("- Spans: burglaries over a weekend (Friday afternoon to Monday morning), over a working day or overnight; bicycle");
        L("  theft over a day or a night; theft, vandalism and graffiti overnight.");
        L("- `accuracy`: 10 m (35 %), 25 m (30 %), 50 m (20 %), 100 m (10 %), 250 m (5 %); a label only, the points are where they were planted.");

        File.WriteAllText(path, s.ToString(), DemoFormat.Utf8);
    }

    private static string Regenerate(DemoPlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"./gt demo generate --seed {plan.Seed} --end {DemoClock.Format(plan.End)} --out data/demo");
}
