namespace GeoTrygghet.Core.Reporting;

/// <summary>
/// The citizen promises (medborgarlöften) of a municipality and its police: each with its period, its focus area or
/// theme, the activities that carry it out (text, owning organisation, status) and the indicators that say whether it
/// is kept. Read by <c>gt import promises</c> and followed up each quarter by <c>gt report quarter</c>.
/// </summary>
public sealed record Promise(
    string Id,
    string Title,
    DateOnly From,
    DateOnly To,
    string? Area,
    string? Theme,
    IReadOnlyList<PromiseActivity> Activities,
    IReadOnlyList<PromiseIndicator> Indicators);

/// <summary>One activity of a promise; <see cref="Status"/> is one of <see cref="PromiseIndicator.ActivityStatuses"/>.</summary>
public sealed record PromiseActivity(string Text, string Owner, string Status);

/// <summary>
/// How a promise is measured. <see cref="Kind"/>: <c>incidents</c> or <c>reports</c> of <see cref="Categories"/> (incident
/// groups or categories, report categories) in <see cref="Area"/> (null: the whole municipality); <c>measures_done</c> of
/// <see cref="MeasureType"/>; <c>presence_minutes</c> delivered in the area; <c>survey_score</c> of the area's safety
/// survey. The target is either a change in per cent against the same quarter of <see cref="BaselineYear"/> (default: the
/// year before the report's) or a value; <see cref="Direction"/> says whether less or more is better.
/// </summary>
public sealed record PromiseIndicator(
    string Name,
    string Kind,
    IReadOnlyList<string> Categories,
    string? Area,
    string Direction,
    double? ChangePercent,
    double? TargetValue,
    int? BaselineYear,
    string? MeasureType)
{
    public static readonly IReadOnlyList<string> Kinds = ["incidents", "reports", "measures_done", "presence_minutes", "survey_score"];

    public static readonly IReadOnlyList<string> Directions = ["decrease", "increase"];

    public static readonly IReadOnlyList<string> ActivityStatuses = ["planned", "ongoing", "done", "cancelled"];
}
