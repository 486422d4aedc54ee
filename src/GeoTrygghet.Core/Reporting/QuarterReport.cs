namespace GeoTrygghet.Core.Reporting;

/// <summary>
/// The quarterly EST follow-up for the local crime-prevention council (issue #11): per focus area and for the whole
/// municipality what happened against the same quarter a year before, where, when, what was done and whether it
/// worked, the presence planned and delivered, the survey, and how each citizen promise stands. Counts are null where
/// the public version hides them (fewer than its smallest count).
/// </summary>
public sealed record QuarterReport(
    Quarter Period,
    bool Public,
    IReadOnlyList<AreaSection> Areas,
    AreaSection Municipality,
    IReadOnlyList<PromiseStatus> Promises,
    ReportData Data)
{
    /// <summary>The organisations' names by id, so that people read "Demostads kommun", not the id an activity's owner is stored by.</summary>
    public IReadOnlyDictionary<string, string> Organisations { get; init; } = new Dictionary<string, string>();
}

/// <summary>One focus area (or the whole municipality) in the quarter.</summary>
public sealed record AreaSection(
    string Name,
    string Kind,
    IncidentSummary Incidents,
    ReportSummary Reports,
    IReadOnlyList<HotspotEntry> Hotspots,
    IReadOnlyList<MeasureEntry> Measures,
    PresenceSummary Presence,
    SurveySummary? Survey,
    IReadOnlyList<MonthCount> Months,
    HourOfWeekTable HourOfWeek,
    IReadOnlyList<CategoryChange> TopCategories,
    IReadOnlyList<ThemeCount> Themes,
    MapLayers Map,
    IReadOnlyList<string> Summary);

/// <summary>A count this quarter and in the same quarter a year before.</summary>
public sealed record CountPair(long? Count, long? PreviousYear);

/// <summary>The police incidents: the totals, their comparison and the counts per coarse group.</summary>
public sealed record IncidentSummary(long? Count, long? PreviousYear, RateComparison? Comparison, IReadOnlyDictionary<string, CountPair> ByGroup);

/// <summary>
/// This quarter over the same quarter a year before: the exact conditional (binomial) test of two Poisson counts with
/// equal exposure, as R's <c>poisson.test(c(a, b))</c>, with its 90 % interval. <see cref="RateRatio"/> is null when the
/// year before had none; <see cref="High"/> is infinite then.
/// </summary>
public sealed record RateComparison(double? RateRatio, double Low, double High, double P)
{
    /// <summary>The comparison of <paramref name="count"/> with <paramref name="previousYear"/> (exposure 1 each).</summary>
    public static RateComparison Of(long count, long previousYear)
    {
        var test = Analysis.Evaluation.PoissonRateRatio.Test(count, 1, previousYear, 1);
        return new RateComparison(test.Estimate, test.Low, test.High, test.P);
    }
}

/// <summary>The EST reports: the totals and the counts per category.</summary>
public sealed record ReportSummary(long? Count, long? PreviousYear, IReadOnlyDictionary<string, CountPair> ByCategory);

/// <summary>
/// A hotspot of the quarter (touching Gi* hot cells) and whether it was hot in the quarter before; <see cref="X"/>,
/// <see cref="Y"/> and <see cref="Cells"/> (the centres of its cells, of <see cref="CellMetres"/>) are in the analysis CRS, for the map.
/// </summary>
public sealed record HotspotEntry(int Rank, double Lon, double Lat, long? Count, string Status, double X, double Y, IReadOnlyList<(double X, double Y)> Cells, double CellMetres)
{
    /// <summary>Where it is as people say it: the named square, park or block it lies in, else the nearest street; null without a basemap.</summary>
    public string? Place { get; init; }
}

/// <summary>A measure in the area with its state at the quarter's end and, once a year has passed, its evaluation.</summary>
public sealed record MeasureEntry(string Id, string Type, string Status, DateOnly Start, DateOnly? End, string? Description, MeasureOutcome? Evaluation);

/// <summary>The evaluation of a measure in a few numbers and its plain-language summary.</summary>
public sealed record MeasureOutcome(long? Before, long? After, double? RelativeEffect, double? Low, double? High, double? RateRatio, double? P, string Summary);

/// <summary>Presence: minutes planned in the citizen promises' presence indicators, minutes delivered by the visits.</summary>
public sealed record PresenceSummary(double? PlannedMinutes, double DeliveredMinutes, int Visits);

/// <summary>The latest safety survey of the area up to the quarter's year, and the one before it.</summary>
public sealed record SurveySummary(int Year, double Score, double? Previous, int? PreviousYear, long Respondents);

/// <summary>Incidents and EST reports of one month (the first day names it).</summary>
public sealed record MonthCount(DateOnly Month, long? Incidents, long? Reports);

/// <summary>A category (as the police gave it) this quarter against the same quarter a year before.</summary>
public sealed record CategoryChange(string Category, long? Count, long? PreviousYear);

/// <summary>A theme of the citizen promises (ANDT, traffic) counted from its category groups.</summary>
public sealed record ThemeCount(string Theme, IReadOnlyList<string> Groups, long? Count, long? PreviousYear);

/// <summary>
/// The quarter's incidents by weekday (Monday first) and local hour; null cells are hidden counts of the public version.
/// </summary>
public sealed record HourOfWeekTable(long?[][] Counts);

/// <summary>What the area's map shows, in the analysis CRS: its outline, streets, lamps out, cameras and measures.</summary>
public sealed record MapLayers(
    NetTopologySuite.Geometries.Geometry? Outline,
    IReadOnlyList<NetTopologySuite.Geometries.Geometry> Streets,
    IReadOnlyList<NetTopologySuite.Geometries.Point> LightsOut,
    IReadOnlyList<NetTopologySuite.Geometries.Point> Cameras,
    IReadOnlyList<(string Id, NetTopologySuite.Geometries.Geometry Geometry)> Measures);

/// <summary>A promise with its activities and indicators as they stand at the quarter's end.</summary>
public sealed record PromiseStatus(string Id, string Title, string? Area, string? Theme, DateOnly From, DateOnly To, IReadOnlyList<PromiseActivity> Activities, IReadOnlyList<IndicatorStatus> Indicators);

/// <summary>An indicator's value in the quarter against its baseline and target; <see cref="Met"/> is null without a target.</summary>
public sealed record IndicatorStatus(string Name, string Kind, double? Value, double? Baseline, double? Target, bool? Met, string Basis);

/// <summary>What the report was made from: the data version, the parameters and every automatic choice.</summary>
public sealed record ReportData(
    string DataVersion,
    IReadOnlyDictionary<string, long> Versions,
    IReadOnlyDictionary<string, object> Parameters,
    IReadOnlyDictionary<string, string> Choices);
