using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Data.Events;
using GeoTrygghet.Data.Reporting;

namespace GeoTrygghet.Application.Reporting;

/// <summary>
/// How a citizen promise stands at a quarter's end: each indicator's value in the quarter, its baseline (the same quarter
/// of the baseline year, by default the year before) and its target (the baseline changed by the given per cent, or the
/// given value), and whether the target is met in the promised direction.
/// </summary>
internal static class PromiseIndicators
{
    public static PromiseStatus Status(string cs, Promise promise, Quarter q, Hider hide, IReadOnlyList<AreaSection> sections) =>
        new(promise.Id, promise.Title, promise.Area, promise.Theme, promise.From, promise.To, promise.Activities,
            promise.Indicators.Select(i => Indicator(cs, promise, i, q, hide, sections)).ToList());

    private static IndicatorStatus Indicator(string cs, Promise promise, PromiseIndicator i, Quarter q, Hider hide, IReadOnlyList<AreaSection> sections)
    {
        var area = i.Area ?? promise.Area;
        var baselineYear = i.BaselineYear ?? q.Year - 1;
        var baselineQuarter = new Quarter(baselineYear, q.Number);
        double? value, baseline;
        string basis;
        switch (i.Kind)
        {
            case "incidents":
            case "reports":
                var table = i.Kind == "incidents" ? EventTable.Incidents : EventTable.Reports;
                var filter = new EventFilter(q.First, q.Last, i.Categories.Count == 0 ? null : i.Categories, Area: area,
                    IncidentWeight: table == EventTable.Incidents ? 1 : 0, ReportWeight: table == EventTable.Reports ? 1 : 0);
                var now = ReportSource.CountBy(cs, table, filter, "category").Values.Sum();
                var then = ReportSource.CountBy(cs, table, filter with { From = baselineQuarter.First, To = baselineQuarter.Last }, "category").Values.Sum();
                value = hide.Count(now);
                baseline = hide.Count(then);
                if (hide.IsPublic)
                {
                    // The public version shows an event count only where the report's own tables show it (they went
                    // through its suppression), so that no indicator undoes what was hidden there.
                    (value, baseline) = Shown(i, table, area, sections, baselineYear == q.Year - 1);
                }

                basis = $"count in {q} against {baselineQuarter}";
                break;
            case "measures_done":
                value = ReportSource.Measures(cs, area).Count(m => (i.MeasureType is null || m.Type == i.MeasureType) && m.Start >= promise.From && m.Start <= q.Last);
                baseline = null;
                basis = $"measures started from {promise.From:yyyy-MM-dd} to the end of {q}";
                break;
            case "presence_minutes":
                value = ReportSource.Presence(cs, q.First, q.Last, area).Minutes;
                baseline = ReportSource.Presence(cs, baselineQuarter.First, baselineQuarter.Last, area).Minutes;
                basis = $"minutes of patrol visits in {q} against {baselineQuarter}";
                break;
            default: // survey_score
                var surveys = area is null ? [] : ReportSource.Surveys(cs, area, q.Year);
                value = surveys.Count == 0 ? null : surveys[0].Score;
                var past = area is null ? [] : ReportSource.Surveys(cs, area, baselineYear);
                baseline = past.Count == 0 || past[0].Year != baselineYear ? null : past[0].Score;
                basis = $"the latest safety survey up to {q.Year} against {baselineYear}'s";
                break;
        }

        if (hide.IsPublic && i.Kind is "incidents" or "reports" && value is null)
        {
            return new IndicatorStatus(i.Name, i.Kind, null, baseline, baseline is null ? i.TargetValue : Target(i, baseline), null, "hidden in the public version");
        }

        double? target = i.TargetValue ?? (i.ChangePercent is { } change && baseline is { } b ? Math.Round(b * (1 + (change / 100)), 2) : null);
        bool? met = value is { } v && target is { } t ? (i.Direction == "decrease" ? v <= t : v >= t) : null;
        return new IndicatorStatus(i.Name, i.Kind, value, baseline, target, met, basis);
    }

    private static double? Target(PromiseIndicator i, double? baseline) =>
        i.TargetValue ?? (i.ChangePercent is { } change && baseline is { } b ? Math.Round(b * (1 + (change / 100)), 2) : null);

    /// <summary>The count of an indicator as the report's tables show it: the section's total, or one group or category.</summary>
    private static (double? Value, double? Baseline) Shown(PromiseIndicator i, EventTable table, string? area, IReadOnlyList<AreaSection> sections, bool baselineIsYearBefore)
    {
        var section = sections.FirstOrDefault(s => area is null ? s.Kind == "municipality" : s.Kind != "municipality" && s.Name == area);
        if (section is null)
        {
            return (null, null);
        }

        CountPair? pair = i.Categories.Count switch
        {
            0 => table == EventTable.Incidents ? new CountPair(section.Incidents.Count, section.Incidents.PreviousYear) : new CountPair(section.Reports.Count, section.Reports.PreviousYear),
            1 => (table == EventTable.Incidents ? section.Incidents.ByGroup : section.Reports.ByCategory).TryGetValue(i.Categories[0], out var p) ? p : null,
            _ => null,
        };
        return (pair?.Count, baselineIsYearBefore ? pair?.PreviousYear : null);
    }
}
