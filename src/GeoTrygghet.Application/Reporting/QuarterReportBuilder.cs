using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Application.Evaluation;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Data.Events;
using GeoTrygghet.Data.Reporting;
using GeoTrygghet.Data.Schema;
using NetTopologySuite.Geometries;

namespace GeoTrygghet.Application.Reporting;

/// <summary>
/// Builds the quarterly EST follow-up from the store: the counts through the one event filter, the comparison with the
/// same quarter a year before (<see cref="PoissonRateRatio"/>, as R's <c>poisson.test(c(a, b))</c> with a 90 % interval),
/// the quarter's Gi* hot cells against the quarter before, the measures and their evaluations once a year has passed,
/// presence, surveys and the citizen promises' indicators. The public version hides every count under its smallest count.
/// </summary>
public static class QuarterReportBuilder
{
    private const int TrendMonths = 24;
    private const int TopCategories = 8;

    public static QuarterReport Build(string connectionString, QuarterReportRequest request, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        var q = request.Quarter;
        var srid = SchemaManager.AnalysisSrid(connectionString);
        var choices = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var areas = Areas(connectionString, request, choices);
        var promises = PromiseStore.During(connectionString, q.First, q.Last);
        var hide = new Hider(request.Public, request.PublicMinCount);

        progress?.Report($"hotspots of {q} and {q.Previous} (Gi*, {request.HotspotCellMetres} m cells)");
        var quarterPoints = PointSource.Load(connectionString, new EventFilter(q.First, q.Last), cancel);
        var hot = HotCells(quarterPoints, q, request, srid, cancel);
        var hotBefore = HotCells(PointSource.Load(connectionString, new EventFilter(q.Previous.First, q.Previous.Last), cancel), q.Previous, request, srid, cancel);
        var evaluations = new Dictionary<string, MeasureOutcome?>(StringComparer.Ordinal);
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);

        AreaSection Section(string name, string kind, Geometry? outline)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Report(name);
            return BuildSection(connectionString, request, name, kind, outline, promises, hide, hot, hotBefore, quarterPoints, evaluations, failures, srid, cancel);
        }

        var sections = areas.Select(a => Section(a.Name, a.Kind, a.Geometry)).ToList();
        var municipality = Section(request.Language == ReportLanguage.Swedish ? "Hela kommunen" : "The whole municipality", "municipality", null);
        if (request.Public)
        {
            municipality = hide.Complement(municipality, sections);
            municipality = municipality with { Summary = ReportSummaryText.Write(municipality, q, request.Language, request.PublicMinCount) };
        }

        foreach (var (measure, why) in failures)
        {
            choices[$"evaluation of {measure}"] = $"not evaluated although a year has passed: {why}";
        }

        var statuses = promises.Select(p => PromiseIndicators.Status(connectionString, p, q, hide, sections.Append(municipality).ToList())).ToList();
        var versions = ReportSource.Versions(connectionString);
        var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["counting_rule"] = "an event belongs to the quarter of its time_from in Stockholm time, and to an area when the area covers its point",
            ["comparison"] = "this quarter over the same quarter a year before: exact conditional (binomial) test of two Poisson counts with equal exposure, as R's poisson.test(c(a, b)); 90 % interval",
            ["hotspots"] = string.Create(CultureInfo.InvariantCulture,
                $"Getis-Ord Gi* of the quarter's incidents in the whole municipality, square cells of {request.HotspotCellMetres} m, distance band {request.HotspotBandMetres} m, Benjamini-Hochberg FDR; hot = 99 % confidence (bin 3); hotspots of fewer than {request.HotspotMinEvents} events left out; touching hot cells (centres within 1.5 cells) make one hotspot, counted whole at its count-weighted centre; status against {q.Previous}: new, persistent (a hot cell of that quarter within one cell), gone (no hot cell now; counted with this quarter's events in its cells)"),
            ["trend_months"] = TrendMonths,
            ["hotspot_cell_m"] = request.HotspotCellMetres,
            ["hotspot_band_m"] = request.HotspotBandMetres,
            ["hotspot_min_events"] = request.HotspotMinEvents,
            ["measure_evaluation"] = "gt evaluate's defaults (365 days before and after the start, a 200 m buffer, the rest of the study area as control), once a year has passed by the quarter's end",
            ["presence"] = "planned: the presence_minutes targets of the citizen promises for the area; delivered: the minutes of imported patrol visits in the area during the quarter",
            ["public"] = request.Public,
            ["analysis_crs"] = $"EPSG:{srid}",
        };
        if (request.Public)
        {
            parameters["public_min_count"] = request.PublicMinCount;
            parameters["public_cell_m"] = request.PublicCellMetres;
        }

        var version = string.Join(",", versions.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}:{v.Value}")));
        return new QuarterReport(q, request.Public, sections, municipality, statuses, new ReportData(version, versions, parameters, choices))
        {
            Organisations = ReportSource.Organisations(connectionString),
        };
    }

    private static IReadOnlyList<ReportSource.AreaInfo> Areas(string cs, QuarterReportRequest request, IDictionary<string, string> choices)
    {
        if (request.Public && request.Areas is { Count: > 0 })
        {
            // Two public reports of areas that overlap (a district and the focus area inside it) would give away the
            // small counts of their difference: the public version has the focus areas, all of them, and no other.
            throw new ReportException("the public version covers every focus area and the whole municipality; it takes no --area (area=)");
        }

        if (request.Areas is { Count: > 0 } names)
        {
            return names.Distinct(StringComparer.Ordinal).Select(n => ReportSource.Area(cs, n)
                ?? throw new ReportException($"there is no area named '{n}'; areas: {string.Join(", ", ReportSource.AreaNames(cs).DefaultIfEmpty("(none)"))}")).ToList();
        }

        var focus = ReportSource.FocusAreas(cs);
        if (request.Public)
        {
            foreach (var (x, i) in focus.Select((x, i) => (x, i)))
            {
                foreach (var y in focus.Skip(i + 1))
                {
                    if (x.Geometry.Intersection(y.Geometry).Area > 1)
                    {
                        throw new ReportException($"the focus areas {x.Name} and {y.Name} overlap: the public version would give away the small counts of their difference, so it is not made");
                    }
                }
            }
        }

        choices["areas"] = focus.Count == 0
            ? "no --area and no focus area in the store: only the whole municipality"
            : $"no --area: every focus area ({string.Join(", ", focus.Select(a => a.Name))}) and the whole municipality";
        return focus;
    }

    private static AreaSection BuildSection(string cs, QuarterReportRequest request, string name, string kind, Geometry? outline, IReadOnlyList<Promise> promises, Hider hide,
        IReadOnlyList<(double X, double Y, long Count)> hot, IReadOnlyList<(double X, double Y, long Count)> hotBefore, PointTable quarterPoints,
        Dictionary<string, MeasureOutcome?> evaluations, IDictionary<string, string> failures, int srid, CancellationToken cancel)
    {
        var q = request.Quarter;
        var area = outline is null ? null : name;
        // The whole municipality is the study area of geotrygghet.json where one is set, else every event stored.
        var now = new EventFilter(q.First, q.Last, Area: area, AreaWkt: area is null ? request.StudyArea?.Geometry.AsText() : null);
        var before = now with { From = q.YearBefore.First, To = q.YearBefore.Last };

        var groupsNow = ReportSource.CountBy(cs, EventTable.Incidents, now, "category_group");
        var groupsBefore = ReportSource.CountBy(cs, EventTable.Incidents, before, "category_group");
        long a = groupsNow.Values.Sum(), b = groupsBefore.Values.Sum();
        var reportFilterNow = now with { IncidentWeight = 0, ReportWeight = 1 };
        var catNow = ReportSource.CountBy(cs, EventTable.Reports, reportFilterNow, "category");
        var catBefore = ReportSource.CountBy(cs, EventTable.Reports, reportFilterNow with { From = q.YearBefore.First, To = q.YearBefore.Last }, "category");
        var firstMonth = q.First.AddMonths(3 - TrendMonths);
        var monthlyIncidents = ReportSource.Monthly(cs, EventTable.Incidents, now, firstMonth, TrendMonths);
        var monthlyReports = ReportSource.Monthly(cs, EventTable.Reports, reportFilterNow, firstMonth, TrendMonths);
        var week = ReportSource.HourOfWeek(cs, EventTable.Incidents, now);

        // The public version's suppression: every total with the parts that add up to it (groups, weekday-and-hour cells,
        // the quarter's three months; the same a year before), so that no hidden part can be worked out.
        var groups = new Parts(groupsNow, groupsBefore);
        var categories = new Parts(catNow, catBefore);
        int[] quarterMonths = [TrendMonths - 3, TrendMonths - 2, TrendMonths - 1], yearBeforeMonths = [TrendMonths - 15, TrendMonths - 14, TrendMonths - 13];
        var monthHidden = new bool[TrendMonths];
        var reportMonthHidden = new bool[TrendMonths];
        var weekCells = week.SelectMany(d => d).ToList();
        var weekHidden = new bool[weekCells.Count];
        var aHidden = hide.Suppress(a, groups.Now, groups.NowHidden) | hide.Suppress(a, weekCells, weekHidden) | Months(hide, a, monthlyIncidents, quarterMonths, monthHidden);
        var bHidden = hide.Suppress(b, groups.Before, groups.BeforeHidden) | Months(hide, b, monthlyIncidents, yearBeforeMonths, monthHidden);
        long r = catNow.Values.Sum(), rb = catBefore.Values.Sum();
        var rHidden = hide.Suppress(r, categories.Now, categories.NowHidden) | Months(hide, r, monthlyReports, quarterMonths, reportMonthHidden);
        var rbHidden = hide.Suppress(rb, categories.Before, categories.BeforeHidden) | Months(hide, rb, monthlyReports, yearBeforeMonths, reportMonthHidden);
        var comparison = !aHidden && !bHidden ? RateComparison.Of(a, b) : null;
        var incidents = new IncidentSummary(aHidden ? null : a, bHidden ? null : b, comparison, groups.Pairs());
        var reports = new ReportSummary(rHidden ? null : r, rbHidden ? null : rb, categories.Pairs());

        var hotspots = Hotspots(outline, request, hot, hotBefore, quarterPoints, hide, srid)
            .Select(h => h with { Place = ReportSource.PlaceName(cs, h.X, h.Y, srid) }).ToList();
        var measureRows = ReportSource.Measures(cs, area);
        var measures = measureRows.Select(m => Measure(cs, m, request, evaluations, failures, cancel)).ToList();
        // Planned presence: the promises' presence targets for this area (an indicator without an area is its promise's);
        // for the whole municipality all of them.
        var planned = promises.SelectMany(p => p.Indicators.Select(i => (Area: i.Area ?? p.Area, Indicator: i)))
            .Where(x => x.Indicator.Kind == "presence_minutes" && x.Indicator.TargetValue is not null && (area is null || Same(x.Area, area)))
            .Select(x => x.Indicator.TargetValue!.Value).ToList();
        var (minutes, visits) = ReportSource.Presence(cs, q.First, q.Last, area);
        var presence = new PresenceSummary(planned.Count == 0 ? null : planned.Sum(), minutes, visits);
        var surveys = area is null ? [] : ReportSource.Surveys(cs, area, q.Year);
        var survey = surveys.Count == 0 ? null
            : new SurveySummary(surveys[0].Year, surveys[0].Score, surveys.Count > 1 ? surveys[1].Score : null, surveys.Count > 1 ? surveys[1].Year : null, surveys[0].Respondents);

        var months = Enumerable.Range(0, TrendMonths).Select(i => new MonthCount(firstMonth.AddMonths(i),
            monthHidden[i] ? null : hide.Count(monthlyIncidents[i]), reportMonthHidden[i] ? null : hide.Count(monthlyReports[i]))).ToList();
        var hourOfWeek = new HourOfWeekTable(Enumerable.Range(0, 7).Select(d => Enumerable.Range(0, 24).Select(h => weekHidden[(d * 24) + h] ? null : (long?)week[d][h]).ToArray()).ToArray());

        var categoriesNow = ReportSource.CountBy(cs, EventTable.Incidents, now, "category");
        var categoriesBefore = ReportSource.CountBy(cs, EventTable.Incidents, before, "category");
        // The categories as the police gave them add up to the groups: the public version has the groups only.
        var top = request.Public ? [] : categoriesNow.Keys.Union(categoriesBefore.Keys, StringComparer.Ordinal)
            .Select(c => (Category: c, Now: categoriesNow.GetValueOrDefault(c), Before: categoriesBefore.GetValueOrDefault(c)))
            .OrderByDescending(c => c.Now).ThenByDescending(c => c.Before).ThenBy(c => c.Category, StringComparer.Ordinal).Take(TopCategories)
            .Select(c => new CategoryChange(c.Category, hide.Count(c.Now), hide.Count(c.Before))).ToList();

        var themes = promises.Where(p => p.Theme is not null)
            .Select(p => (p.Theme!, Groups: p.Indicators.FirstOrDefault(i => i.Kind == "incidents" && i.Categories.Count > 0)?.Categories))
            .Where(t => t.Groups is not null).DistinctBy(t => t.Item1, StringComparer.Ordinal)
            .Select(t =>
            {
                var n = ReportSource.CountBy(cs, EventTable.Incidents, now with { Categories = t.Groups }, "category_group").Values.Sum();
                var p = ReportSource.CountBy(cs, EventTable.Incidents, before with { Categories = t.Groups }, "category_group").Values.Sum();
                return new ThemeCount(t.Item1, t.Groups!, groups.Guard(hide, n, t.Groups!, now: true), groups.Guard(hide, p, t.Groups!, now: false));
            }).ToList();

        var map = Map(cs, outline, quarterPoints, q, measureRows, request);
        var section = new AreaSection(name, kind, incidents, reports, hotspots, measures, presence, survey, months, hourOfWeek, top, themes, map, []);
        return section with { Summary = ReportSummaryText.Write(section, q, request.Language, request.PublicMinCount) };
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>The suppression of a quarter's three months against its total; returns whether the total is hidden.</summary>
    private static bool Months(Hider hide, long total, long[] monthly, int[] indexes, bool[] hidden)
    {
        var flags = indexes.Select(i => hidden[i]).ToArray();
        var totalHidden = hide.Suppress(total, indexes.Select(i => monthly[i]).ToList(), flags);
        for (var i = 0; i < indexes.Length; i++)
        {
            hidden[indexes[i]] = flags[i];
        }

        return totalHidden;
    }

    /// <summary>Counts by key this quarter and a year before, with which of them the public version hides.</summary>
    private sealed class Parts
    {
        private readonly List<string> _keys;

        public Parts(Dictionary<string, long> now, Dictionary<string, long> before)
        {
            _keys = now.Keys.Union(before.Keys).OrderBy(k => k, StringComparer.Ordinal).ToList();
            Now = _keys.Select(k => now.GetValueOrDefault(k)).ToList();
            Before = _keys.Select(k => before.GetValueOrDefault(k)).ToList();
            NowHidden = new bool[_keys.Count];
            BeforeHidden = new bool[_keys.Count];
        }

        public List<long> Now { get; }

        public List<long> Before { get; }

        public bool[] NowHidden { get; }

        public bool[] BeforeHidden { get; }

        public SortedDictionary<string, CountPair> Pairs() => new(
            _keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => new CountPair(NowHidden[x.i] ? null : Now[x.i], BeforeHidden[x.i] ? null : Before[x.i])), StringComparer.Ordinal);

        /// <summary>
        /// A theme's count of some of these keys: hidden when it is small, or when with the keys shown it would give away
        /// hidden ones. A theme of keys that are not all here (a category as given) is only hidden when small.
        /// </summary>
        public long? Guard(Hider hide, long count, IReadOnlyList<string> keys, bool now)
        {
            if (!hide.Allows(count))
            {
                return null;
            }

            var index = keys.Select(k => _keys.IndexOf(k)).ToList();
            if (!hide.IsPublic || index.Any(i => i < 0))
            {
                return count;
            }

            var values = index.Select(i => (now ? Now : Before)[i]).ToList();
            var flags = index.Select(i => (now ? NowHidden : BeforeHidden)[i]).ToArray();
            var before = flags.ToArray();
            return hide.Suppress(count, values, flags) || !flags.SequenceEqual(before) ? null : count;
        }
    }

    /// <summary>The quarter's hot cells (Gi*, 99 %) in the whole municipality, centres and counts.</summary>
    private static List<(double X, double Y, long Count)> HotCells(PointTable points, Quarter q, QuarterReportRequest request, int srid, CancellationToken cancel)
    {
        if (points.Count < 3)
        {
            return [];
        }

        var outcome = HotspotMethods.Run("gistar", points, q.ToString(), new HotspotParameters { Cell = request.HotspotCellMetres, Band = request.HotspotBandMetres }, srid, cancel);
        var cells = new List<(double, double, long)>();
        foreach (var (geometry, properties) in outcome.FileFeatures)
        {
            if ((int)properties["bin"]! >= 3)
            {
                var c = geometry["coordinates"]!.AsArray();
                cells.Add(((double)c[0]!, (double)c[1]!, (long)(double)properties["count"]!));
            }
        }

        return cells;
    }

    /// <summary>
    /// The area's hotspots: hot cells that touch (centres within one and a half cells) joined into one hotspot, counted
    /// whole and placed at their count-weighted centre; persistent when a hot cell of the quarter before lies within one
    /// cell of one of its cells, else new; and the quarter before's hotspots that have no hot cell now, as gone, with the
    /// quarter's count in their cells. A hotspot belongs to an area when its centre does.
    /// </summary>
    private static List<HotspotEntry> Hotspots(Geometry? outline, QuarterReportRequest request, IReadOnlyList<(double X, double Y, long Count)> hot,
        IReadOnlyList<(double X, double Y, long Count)> hotBefore, PointTable points, Hider hide, int srid)
    {
        var cell = request.HotspotCellMetres;
        static bool Touch((double X, double Y, long) a, (double X, double Y, long) b, double d) => Math.Abs(a.X - b.X) <= d && Math.Abs(a.Y - b.Y) <= d;
        var now = Regions(hot, cell * 1.5);
        var before = Regions(hotBefore, cell * 1.5);
        var entries = new List<(double X, double Y, long Count, string Status, List<(double X, double Y)> Cells, double Size)>();
        foreach (var region in now)
        {
            var persistent = region.Any(c => hotBefore.Any(b => Touch(c, b, cell)));
            var (x, y) = Centre(region);
            entries.Add((x, y, region.Sum(c => c.Count), persistent ? "persistent" : "new", region.Select(c => (c.X, c.Y)).ToList(), cell));
        }

        foreach (var region in before.Where(r => !r.Any(c => hot.Any(h => Touch(c, h, cell)))))
        {
            var (x, y) = Centre(region);
            entries.Add((x, y, region.Sum(c => CountNear(points, c.X, c.Y, cell / 2)), "gone", region.Select(c => (c.X, c.Y)).ToList(), cell));
        }

        entries = entries.Where(e => (e.Status == "gone" || e.Count >= request.HotspotMinEvents) && (outline is null || outline.Covers(new Point(e.X, e.Y)))).ToList();
        if (request.Public)
        {
            // Fixed public cells: a hotspot is placed at the centre of the public cell that holds it, counted with that
            // cell's events, and left out under k.
            var size = request.PublicCellMetres;
            entries = entries.GroupBy(e => (Math.Floor(e.X / size), Math.Floor(e.Y / size)))
                .Select(g =>
                {
                    var (x, y) = ((g.Key.Item1 + 0.5) * size, (g.Key.Item2 + 0.5) * size);
                    var status = g.Any(e => e.Status == "persistent") ? "persistent" : g.Any(e => e.Status == "new") ? "new" : "gone";
                    return (X: x, Y: y, Count: CountNear(points, x, y, size / 2), Status: status, Cells: new List<(double X, double Y)> { (x, y) }, Size: size);
                })
                .Where(e => hide.Allows(e.Count)).ToList();
        }

        var reprojector = new GeometryReprojector(srid, 4326);
        return entries.OrderBy(e => e.Status == "gone" ? 1 : 0).ThenByDescending(e => e.Count).ThenBy(e => e.X).ThenBy(e => e.Y)
            .Select((e, i) =>
            {
                var (lon, lat) = reprojector.ToLonLat(e.X, e.Y);
                return new HotspotEntry(i + 1, Math.Round(lon, 5), Math.Round(lat, 5), hide.Count(e.Count), e.Status, Math.Round(e.X, 1), Math.Round(e.Y, 1), e.Cells, e.Size);
            }).ToList();
    }

    /// <summary>Cells joined when their centres are within <paramref name="reach"/> on both axes (single linkage).</summary>
    private static List<List<(double X, double Y, long Count)>> Regions(IReadOnlyList<(double X, double Y, long Count)> cells, double reach)
    {
        var parent = Enumerable.Range(0, cells.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                if (Math.Abs(cells[i].X - cells[j].X) <= reach && Math.Abs(cells[i].Y - cells[j].Y) <= reach)
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return Enumerable.Range(0, cells.Count).GroupBy(Find).Select(g => g.Select(i => cells[i]).ToList()).ToList();
    }

    private static (double X, double Y) Centre(List<(double X, double Y, long Count)> region)
    {
        var total = region.Sum(c => (double)Math.Max(c.Count, 1));
        return (region.Sum(c => c.X * Math.Max(c.Count, 1)) / total, region.Sum(c => c.Y * Math.Max(c.Count, 1)) / total);
    }

    private static long CountNear(PointTable points, double x, double y, double half)
    {
        long n = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points.X[i] >= x - half && points.X[i] < x + half && points.Y[i] >= y - half && points.Y[i] < y + half)
            {
                n++;
            }
        }

        return n;
    }

    private static MeasureEntry Measure(string cs, ReportSource.MeasureInfo m, QuarterReportRequest request, Dictionary<string, MeasureOutcome?> evaluations,
        IDictionary<string, string> failures, CancellationToken cancel)
    {
        var q = request.Quarter;
        var status = m.Start > q.Last ? "planned" : m.End is { } end && end <= q.Last ? "done" : "ongoing";
        var key = m.Source + ":" + m.Id;
        if (!evaluations.TryGetValue(key, out var outcome))
        {
            outcome = m.Start.AddYears(1) <= q.Last.AddDays(1) ? Evaluate(cs, key, request, failures, cancel) : null;
            evaluations[key] = outcome;
        }

        return new MeasureEntry(m.Id, m.Type, status, m.Start, m.End, m.Description, outcome);
    }

    private static MeasureOutcome? Evaluate(string cs, string measure, QuarterReportRequest request, IDictionary<string, string> failures, CancellationToken cancel)
    {
        JsonObject json;
        try
        {
            json = EvaluationRunner.Run(cs, new EvaluationRequest { MeasureId = measure, StudyArea = request.StudyArea, StudyAreaSource = request.StudyAreaSource }, cancel);
        }
        catch (Core.Evaluation.EvaluationException e)
        {
            failures[measure] = e.Message;
            return null;
        }

        var counts = json["counts"]!;
        var relative = json["relative_effect"]!;
        var rate = json["rate_ratio"]!;
        static double? D(JsonNode? n) => n is null ? null : (double)n;
        var (before, after) = ((long)counts["R0"]!, (long)counts["R1"]!);
        if (request.Public)
        {
            // The public view's rule for evaluations (Server/Public/PublicEvaluation): with any count of any part (all,
            // after dark, by daylight) hidden, no conclusion and no summary, since a hidden count could be worked out of them.
            var all = new[] { json, json["dark"], json["daylight"] }.Select(s => s?["counts"]).OfType<JsonObject>().SelectMany(c => c.Select(kv => (long)kv.Value!));
            var hide = new Hider(true, request.PublicMinCount);
            if (all.Any(n => !hide.Allows(n)))
            {
                return new MeasureOutcome(hide.Count(before), hide.Count(after), null, null, null, null, null, "För få händelser för att sammanfatta utvärderingen offentligt.");
            }
        }

        return new MeasureOutcome(before, after, D(relative["estimate"]), D(relative["ci90"]?[0]), D(relative["ci90"]?[1]), D(rate["estimate"]), D(rate["p"]),
            (string?)json["summary_sv"] ?? "");
    }

    private static MapLayers Map(string cs, Geometry? outline, PointTable points, Quarter q, IReadOnlyList<ReportSource.MeasureInfo> measures, QuarterReportRequest request)
    {
        Envelope extent;
        if (outline is not null)
        {
            extent = new Envelope(outline.EnvelopeInternal);
        }
        else
        {
            extent = new Envelope();
            for (var i = 0; i < points.Count; i++)
            {
                extent.ExpandToInclude(points.X[i], points.Y[i]);
            }

            if (extent.IsNull)
            {
                extent = new Envelope(0, 1, 0, 1);
            }
        }

        extent.ExpandBy(Math.Max(extent.Width, extent.Height) * 0.08);
        var geometries = measures.Where(m => m.Geometry.EnvelopeInternal.Intersects(extent)).Select(m => (m.Id, m.Geometry)).ToList();
        return new MapLayers(outline, ReportSource.Streets(cs, extent), ReportSource.LightsOut(cs, q.First, q.Last, extent), ReportSource.Cameras(cs, q.Last, extent), geometries);
    }
}
