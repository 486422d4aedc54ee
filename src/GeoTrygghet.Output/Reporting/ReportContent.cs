using System.Globalization;
using GeoTrygghet.Core.Reporting;

namespace GeoTrygghet.Output.Reporting;

/// <summary>A table of the report with its caption, the same in the PDF and the HTML.</summary>
internal sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<float> Widths);

/// <summary>
/// What the report says, in words and tables, once for both the PDF and the HTML: the headings of each area's
/// sections, the key figures, the tables of groups, categories, hotspots, measures, presence, the hour-of-week table, the
/// promises and the method.
/// </summary>
internal static class ReportContent
{
    public static string Title(QuarterReport r, ReportWords w) =>
        w.T($"EST-uppföljning {r.Period.Label(w.Language)}", $"EST follow-up {r.Period.Label(w.Language)}") + (r.Public ? w.T(" – offentlig version", " – public version") : "");

    public static string Subtitle(QuarterReport r, ReportWords w, DateTimeOffset made) => w.T(
        $"Perioden {r.Period.First:yyyy-MM-dd} – {r.Period.Last:yyyy-MM-dd} (svensk tid), jämförd med samma kvartal {r.Period.Year - 1}. Till lokala Brå. Dataversion {Latest(r)} (se Metod och data). Skapad {Core.Time.StockholmTime.Format(made)}.",
        $"The period {r.Period.First:yyyy-MM-dd} – {r.Period.Last:yyyy-MM-dd} (Stockholm time), against the same quarter of {r.Period.Year - 1}. For the local crime-prevention council. Data version {Latest(r)} (see Method and data). Made {Core.Time.StockholmTime.Format(made)}.");

    /// <summary>The latest change among the tables read: one number a reader can quote (the JSON has every table's).</summary>
    private static string Latest(QuarterReport r) => r.Data.Versions.Values.DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture);

    public static class Headings
    {
        public static string Summary(ReportWords w) => w.T("Sammanfattning", "Summary");

        public static string Map(ReportWords w) => w.T("Karta över kvartalet", "Map of the quarter");

        public static string KeyFigures(ReportWords w) => w.T("Nyckeltal", "Key figures");

        public static string Trend(ReportWords w) => w.T("Utveckling per månad", "Trend by month");

        public static string HourOfWeek(ReportWords w) => w.T("Veckodag och timme", "Weekday and hour");

        public static string Categories(ReportWords w) => w.T("Vanligaste brottskategorierna", "Top categories");

        public static string Reports(ReportWords w) => w.T("EST-rapporter per kategori", "EST reports by category");

        public static string Hotspots(ReportWords w) => w.T("Brottskoncentrationer", "Hotspots");

        public static string Measures(ReportWords w) => w.T("Åtgärder", "Measures");

        public static string Presence(ReportWords w) => w.T("Närvaro", "Presence");

        public static string Survey(ReportWords w) => w.T("Trygghetsmätning", "Safety survey");

        public static string Promises(ReportWords w) => w.T("Medborgarlöften", "Citizen promises");

        public static string Method(ReportWords w) => w.T("Metod och data", "Method and data");
    }

    public static ReportTable KeyFigures(AreaSection a, QuarterReport r, ReportWords w, int k)
    {
        var c = a.Incidents.Comparison;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { w.T("Anmälda brott", "Police incidents"), w.Count(a.Incidents.Count, k), w.Count(a.Incidents.PreviousYear, k),
                c is null ? "–" : c.RateRatio is { } rr ? w.Num(rr, 2) : "∞", c is null ? "–" : w.Interval(c.Low, c.High), c is null ? "–" : P(c.P, w) },
            new[] { w.T("EST-rapporter", "EST reports"), w.Count(a.Reports.Count, k), w.Count(a.Reports.PreviousYear, k), "", "", "" },
        };
        foreach (var t in a.Themes)
        {
            rows.Add([w.Theme(t.Theme), w.Count(t.Count, k), w.Count(t.PreviousYear, k), "", "", ""]);
        }

        return new ReportTable(w.T($"Kvartalet mot samma kvartal {r.Period.Year - 1}", $"The quarter against the same quarter of {r.Period.Year - 1}"),
            [w.T("Vad", "What"), r.Period.Label(w.Language), $"{r.Period.YearBefore.Label(w.Language)}", w.T("Kvot", "Ratio"), w.T("90 % KI", "90 % CI"), "p"],
            rows, [150, 70, 70, 50, 80, 60]);
    }

    public static ReportTable Groups(AreaSection a, ReportWords w, int k, Quarter q) => new(
        w.T("Anmälda brott per grupp", "Police incidents by group"),
        [w.T("Grupp", "Group"), q.Label(w.Language), q.YearBefore.Label(w.Language)],
        a.Incidents.ByGroup.OrderByDescending(g => g.Value.Count ?? 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[w.Group(g.Key), w.Count(g.Value.Count, k), w.Count(g.Value.PreviousYear, k)]).ToList(),
        [170, 80, 80]);

    public static ReportTable Categories(AreaSection a, ReportWords w, int k, Quarter q) => new(
        w.T("Kategorier som polisen angav dem", "Categories as the police gave them"),
        [w.T("Kategori", "Category"), q.Label(w.Language), q.YearBefore.Label(w.Language), w.T("Förändring", "Change")],
        a.TopCategories.Select(t => (IReadOnlyList<string>)[t.Category, w.Count(t.Count, k), w.Count(t.PreviousYear, k),
            t.Count is { } n && t.PreviousYear is { } p ? (n - p >= 0 ? "+" : "−") + w.Num(Math.Abs(n - p), 0) : "–"]).ToList(),
        [170, 80, 80, 80]);

    /// <summary>Why the top categories are missing: the public version gives only the groups, which they add up to.</summary>
    public static string NoCategories(QuarterReport r, ReportWords w) => r.Public
        ? w.T("Brottskategorierna som polisen angav dem visas inte i den offentliga versionen: de summerar till grupperna under Nyckeltal, och ett litet antal kunde räknas fram ur dem.",
            "The categories as the police gave them are not in the public version: they add up to the groups under Key figures, and a small count could be worked out of them.")
        : w.T("Inga anmälda brott i kvartalet eller samma kvartal året före.", "No police incidents in the quarter or the same quarter a year before.");

    public static ReportTable Reports(AreaSection a, ReportWords w, int k, Quarter q) => new(
        w.T("EST-rapporter per kategori", "EST reports by category"),
        [w.T("Kategori", "Category"), q.Label(w.Language), q.YearBefore.Label(w.Language)],
        a.Reports.ByCategory.OrderByDescending(g => g.Value.Count ?? 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[w.ReportCategory(g.Key), w.Count(g.Value.Count, k), w.Count(g.Value.PreviousYear, k)]).ToList(),
        [170, 80, 80]);

    public static ReportTable Hotspots(AreaSection a, ReportWords w, int k) => new(
        w.T("Sammanhängande heta rutor (Gi*, 99 %) mot kvartalet före; antal händelser i kvartalet", "Touching hot cells (Gi*, 99 %) against the quarter before; events in the quarter"),
        [w.T("Plats", "Place"), "#", w.T("Läge (lon, lat)", "Where (lon, lat)"), w.T("Antal", "Count"), w.T("Status", "Status")],
        a.Hotspots.Select(h => (IReadOnlyList<string>)[h.Place ?? w.T("utan namn", "unnamed"), h.Rank.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{h.Lon:0.00000}, {h.Lat:0.00000}"), w.Count(h.Count, k), w.HotStatus(h.Status)]).ToList(),
        [150, 30, 130, 60, 80]);

    public static ReportTable Measures(AreaSection a, ReportWords w) => new(
        w.T("Åtgärder i området, läget vid kvartalets slut", "Measures in the area, as they stand at the quarter's end"),
        [w.T("Åtgärd", "Measure"), w.T("Typ", "Type"), w.T("Från", "From"), w.T("Status", "Status"), w.T("Utvärdering", "Evaluation")],
        a.Measures.Select(m => (IReadOnlyList<string>)[w.MeasureName(m.Type, m.Description), w.MeasureType(m.Type), m.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Status(m.Status),
            m.Evaluation is { } e ? Evaluation(e, w) : w.T("utvärderas när ett år har gått", "evaluated once a year has passed")]).ToList(),
        [120, 88, 55, 42, 205]);

    private static string Evaluation(MeasureOutcome e, ReportWords w)
    {
        if (e.RelativeEffect is not { } r || e.Low is not { } lo || e.High is not { } hi)
        {
            return e.Before is null || e.After is null
                ? w.T("För få händelser för att visa utvärderingen offentligt.", "Too few events to show the evaluation publicly.")
                : w.T($"{e.Before} händelser före, {e.After} efter; för få för en slutsats.", $"{e.Before} events before, {e.After} after; too few for a conclusion.");
        }

        var verdict = hi < 1 ? w.T("säkerställd minskning", "certain fall") : lo > 1 ? w.T("säkerställd ökning", "certain rise") : w.T("ingen säker förändring", "no certain change");
        return w.T($"{e.Before} → {e.After} händelser; mot kontrollområdet kvot {w.Num(r, 2)} (90 % KI {w.Interval(lo, hi)}): {verdict}.",
            $"{e.Before} → {e.After} events; against the control ratio {w.Num(r, 2)} (90 % CI {w.Interval(lo, hi)}): {verdict}.");
    }

    public static ReportTable Presence(AreaSection a, ReportWords w) => new(
        w.T("Närvaro under kvartalet", "Presence in the quarter"),
        [w.T("Närvaro", "Presence"), w.T("Planerat (min)", "Planned (min)"), w.T("Genomfört (min)", "Delivered (min)"), w.T("Besök", "Visits"), w.T("Andel", "Share")],
        [[w.T("Kvartalet", "The quarter"), a.Presence.PlannedMinutes is { } p ? w.Num(p, 0) : w.T("inte planerat", "not planned"), w.Num(a.Presence.DeliveredMinutes, 0), a.Presence.Visits.ToString(CultureInfo.InvariantCulture),
            a.Presence.PlannedMinutes is > 0 ? w.Num(a.Presence.DeliveredMinutes / a.Presence.PlannedMinutes.Value * 100, 0) + " %" : "–"]],
        [80, 100, 100, 60, 60]);

    public static string Survey(AreaSection a, ReportWords w) => a.Survey is { } s
        ? w.T($"Trygghetsmätningen {s.Year}: {w.Num(s.Score, 1)}{(s.Previous is { } p ? $" (mot {w.Num(p, 1)} {s.PreviousYear})" : "")}, {s.Respondents} svarande.",
            $"Safety survey {s.Year}: {w.Num(s.Score, 1)}{(s.Previous is { } p2 ? $" (against {w.Num(p2, 1)} in {s.PreviousYear})" : "")}, {s.Respondents} respondents.")
        : w.T("Ingen trygghetsmätning för området i registret.", "No safety survey of the area in the store.");

    public static ReportTable HourOfWeek(AreaSection a, ReportWords w, int k) => new(
        w.T("Anmälda brott per veckodag och timme (kvartalet); – är ett dolt antal", "Police incidents by weekday and hour (the quarter); – is a hidden count"),
        [w.T("Dag", "Day"), .. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))],
        a.HourOfWeek.Counts.Select((day, d) => (IReadOnlyList<string>)[w.Weekday(d), .. day.Select(n => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–")]).ToList(),
        [28, .. Enumerable.Repeat(19.5f, 24)]);

    public static ReportTable Activities(PromiseStatus p, QuarterReport r, ReportWords w) => new(
        w.T("Aktiviteter", "Activities"),
        [w.T("Aktivitet", "Activity"), w.T("Ansvarig", "Owner"), w.T("Status", "Status")],
        p.Activities.Select(a => (IReadOnlyList<string>)[a.Text, r.Organisations.GetValueOrDefault(a.Owner, a.Owner), w.Status(a.Status)]).ToList(),
        [290, 140, 60]);

    public static ReportTable Indicators(PromiseStatus p, ReportWords w) => new(
        w.T("Indikatorer", "Indicators"),
        [w.T("Indikator", "Indicator"), w.T("Värde", "Value"), w.T("Utgångsläge", "Baseline"), w.T("Mål", "Target"), w.T("Uppnått", "Met")],
        p.Indicators.Select(i => (IReadOnlyList<string>)[$"{i.Name} ({w.Kind(i.Kind)})", Value(i.Value, w), Value(i.Baseline, w), Value(i.Target, w),
            i.Met is { } met ? (met ? w.T("ja", "yes") : w.T("nej", "no")) : "–"]).ToList(),
        [200, 70, 70, 70, 60]);

    public static IReadOnlyList<string> Method(QuarterReport r, ReportWords w) =>
    [
        w.T("Räkneregel: en händelse hör till det kvartal då den började (time_from) i svensk tid och till ett område när området täcker dess punkt.",
            "Counting rule: an event belongs to the quarter of its time_from in Stockholm time, and to an area when the area covers its point."),
        w.T("Jämförelsen med samma kvartal året före är det exakta villkorliga (binomiala) testet av två Poissonantal med lika exponering, som R:s poisson.test(c(a, b)), med 90 % konfidensintervall. En ökning eller minskning kallas säkerställd bara när hela intervallet ligger över eller under 1.",
            "The comparison with the same quarter a year before is the exact conditional (binomial) test of two Poisson counts with equal exposure, as R's poisson.test(c(a, b)), with a 90 % confidence interval. A rise or fall is called certain only when the whole interval lies above or below 1."),
        w.T($"Brottskoncentrationer: Getis-Ord Gi* över kvartalets anmälda brott i hela kommunen, rutor om {Param(r, "hotspot_cell_m")} m, avståndsband {Param(r, "hotspot_band_m")} m, falsk upptäcktsgrad enligt Benjamini–Hochberg; heta rutor på 99 %-nivån som gränsar till varandra bildar en koncentration om minst {Param(r, "hotspot_min_events")} händelser, jämförd med kvartalet före (ny, kvarstår, upphört).",
            $"Hotspots: Getis-Ord Gi* of the quarter's police incidents in the whole municipality, cells of {Param(r, "hotspot_cell_m")} m, distance band {Param(r, "hotspot_band_m")} m, Benjamini–Hochberg false discovery rate; touching hot cells at 99 % make one hotspot of at least {Param(r, "hotspot_min_events")} events, compared with the quarter before (new, persistent, gone)."),
        w.T("Åtgärder utvärderas som med gt evaluate (365 dagar före och efter starten, 200 m buffertzon, resten av studieområdet som kontroll) när ett år har gått vid kvartalets slut.",
            "Measures are evaluated as by gt evaluate (365 days before and after the start, a 200 m buffer, the rest of the study area as control) once a year has passed by the quarter's end."),
        w.T("Närvaro: planerat är medborgarlöftenas mål för närvarominuter i området, genomfört är minuterna i de inlästa patrullbesöken i området under kvartalet.",
            "Presence: planned is the citizen promises' targets of presence minutes for the area, delivered the minutes of the imported patrol visits in the area during the quarter."),
        .. (r.Public
            ? [w.T($"Offentlig version: hela månader, brottskoncentrationer i fasta rutor om {Param(r, "public_cell_m")} m, antal under {Param(r, "public_min_count")} döljs, och antal som ett dolt antal kunde räknas fram ur döljs också (\"dolt\", \"–\"). Brottskategorierna som polisen angav dem visas inte, bara grupperna.",
                $"Public version: whole months, hotspots in fixed cells of {Param(r, "public_cell_m")} m, counts under {Param(r, "public_min_count")} hidden, and counts from which a hidden one could be worked out hidden too (\"hidden\", \"–\"). The police's own categories are left out, only their groups are shown.")]
            : Array.Empty<string>()),
        .. r.Data.Choices.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => w.T("Automatiskt val", "Automatic choice") + $": {Choice(c.Key, c.Value, w)}"),
        w.T($"Dataversion (senaste ändring per tabell): {string.Join(", ", r.Data.Versions.Select(v => $"{TableSv.GetValueOrDefault(v.Key, v.Key)} {v.Value}"))}.",
            $"Data version (latest change per table): {r.Data.DataVersion}."),
    ];

    private static readonly Dictionary<string, string> TableSv = new(StringComparer.Ordinal)
    {
        ["incidents"] = "anmälda brott", ["reports"] = "EST-rapporter", ["measures"] = "åtgärder", ["areas"] = "områden", ["street_lights"] = "gatubelysning",
        ["cameras"] = "kameror", ["basemap_features"] = "baskarta", ["patrol_visits"] = "patrullbesök", ["promises"] = "medborgarlöften",
    };

    private static string Param(QuarterReport r, string key) =>
        r.Data.Parameters.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "?";

    /// <summary>An automatic choice in the report's language: the areas chosen, or (English in the JSON) what it says.</summary>
    private static string Choice(string key, string value, ReportWords w) => key == "areas" && w.Swedish
        ? (value.StartsWith("no --area and no focus area", StringComparison.Ordinal)
            ? "inget område angivet och inga fokusområden i registret: bara hela kommunen"
            : "inget område angivet: alla fokusområden och hela kommunen")
        : w.Swedish && key.StartsWith("evaluation of ", StringComparison.Ordinal) ? $"åtgärden {key["evaluation of ".Length..]} kunde inte utvärderas: {value}" : value;

    private static string Value(double? v, ReportWords w) => v is { } x ? w.Num(x, Math.Abs(x - Math.Round(x)) < 1e-9 ? 0 : 1) : "–";

    private static string P(double p, ReportWords w) => p < 0.001 ? "< 0" + (w.Swedish ? "," : ".") + "001" : w.Num(p, 3);
}
