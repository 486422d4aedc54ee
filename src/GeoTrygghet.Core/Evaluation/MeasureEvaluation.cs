using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Evaluation;
using GeoTrygghet.Analysis.Solar;

namespace GeoTrygghet.Core.Evaluation;

/// <summary>
/// A measure's before/after evaluation: counts the events of each area and window, all together and split
/// into dark and daylight (an event is dark when at least half of its time span was, see
/// <see cref="Darkness.DarkShare"/>), and puts every count and statistic in one JSON document with its
/// warnings and a Swedish summary. Exposure is days for all events, dark hours after dark and the remaining
/// hours by daylight, reckoned at the treated area.
/// </summary>
public static class MeasureEvaluation
{
    /// <summary>Below this many events in the treated area over both windows nothing can be concluded.</summary>
    public const int MinimumTreatedEvents = 20;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static JsonObject Evaluate(EvaluationDesign design, IReadOnlyList<EvaluationEvent> events)
    {
        var all = new long[6];
        var dark = new long[6];
        var daylight = new long[6];
        foreach (var e in events)
        {
            var slot = ((int)e.Region * 2) + (e.After ? 1 : 0);
            all[slot]++;
            if (Darkness.DarkShare(e.TimeFrom, e.TimeTo, e.Latitude, e.Longitude) >= 0.5)
            {
                dark[slot]++;
            }
            else
            {
                daylight[slot]++;
            }
        }

        var darkBefore = DarkHours.Between(design.BeforeFrom, design.Start, design.Latitude, design.Longitude);
        var darkAfter = DarkHours.Between(design.Start, design.AfterTo, design.Latitude, design.Longitude);
        var hoursBefore = (design.Start - design.BeforeFrom).TotalHours;
        var hoursAfter = (design.AfterTo - design.Start).TotalHours;
        var allSection = Section(Counts(all), design.BeforeDays, design.AfterDays, "days");
        var darkSection = Section(Counts(dark), darkBefore, darkAfter, "dark hours");
        var daySection = Section(Counts(daylight), hoursBefore - darkBefore, hoursAfter - darkAfter, "daylight hours (including twilight)");
        var main = design.DarkOnly ? darkSection : allSection;

        var warnings = new JsonArray();
        foreach (var w in DesignWarnings(design, events.Count))
        {
            warnings.Add(w);
        }

        foreach (var w in main.Warnings)
        {
            warnings.Add(w);
        }

        var result = new JsonObject
        {
            ["method"] = "before/after with displacement buffer and control: weighted displacement quotient (Bowers & Johnson 2003), weighted displacement difference (Wheeler & Ratcliffe 2018), exact Poisson rate ratio (as R's poisson.test), relative effect size (Welsh & Farrington 2008)",
            ["measure"] = new JsonObject
            {
                ["id"] = design.Measure, ["type"] = design.MeasureType, ["description"] = design.Description,
                ["date"] = design.Date.ToString("yyyy-MM-dd", Inv), ["end_date"] = design.MeasureEnd?.ToString("yyyy-MM-dd", Inv),
            },
            ["events"] = design.Events + (design.DarkOnly ? " after dark only (--dark-only): the top-level statistics are those of the dark section" : string.Empty),
            ["periods"] = new JsonObject
            {
                ["before"] = Period(design.Date.AddDays(-design.BeforeDays), design.Date.AddDays(-1), hoursBefore, darkBefore),
                ["after"] = Period(design.Date, design.Date.AddDays(design.AfterDays - 1), hoursAfter, darkAfter),
                ["time_zone"] = "Europe/Stockholm; the measure's date belongs to the after period",
            },
            ["areas"] = new JsonObject
            {
                ["treated_m2"] = Round(design.Areas.Treated.Area), ["buffer_m"] = design.Areas.BufferMetres, ["buffer_m2"] = Round(design.Areas.Buffer.Area),
                ["control"] = design.Areas.ControlSource, ["control_m2"] = Round(design.Areas.Control.Area),
                ["notes"] = new JsonArray(design.Areas.Notes.Select(n => (JsonNode?)n).ToArray()),
            },
            ["darkness"] = $"an event is dark when the sun was more than 6° below the horizon for at least half of its time span (NOAA solar position at the event); dark hours reckoned at the treated area ({design.Latitude.ToString("F4", Inv)} N, {design.Longitude.ToString("F4", Inv)} E)",
            ["defaults"] = new JsonObject(design.Defaults.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        foreach (var (key, value) in main.Json)
        {
            result[key] = value?.DeepClone();
        }

        result["dark"] = darkSection.Json;
        result["daylight"] = daySection.Json;
        result["warnings"] = warnings;
        result["summary_sv"] = SwedishSummary.Write(design, main, darkSection, daySection);
        return result;
    }

    internal sealed record SectionResult(BeforeAfterCounts Counts, JsonObject Json, List<string> Warnings,
        WeightedDisplacementQuotient.Result Wdq, WeightedDisplacementDifference.Result? Wdd, PoissonRateRatio.Result Rate, RelativeEffectSize.Result Relative, string ExposureUnit);

    private static BeforeAfterCounts Counts(long[] c) => new(c[0], c[1], c[2], c[3], c[4], c[5]);

    private static SectionResult Section(BeforeAfterCounts n, double exposureBefore, double exposureAfter, string unit)
    {
        var warnings = new List<string>();
        var wdq = WeightedDisplacementQuotient.Compute(n);
        WeightedDisplacementDifference.Result? wdd = n.C0 > 0 ? WeightedDisplacementDifference.Compute(n) : null;
        var rate = exposureBefore > 0 && exposureAfter > 0
            ? PoissonRateRatio.Test(n.R1, exposureAfter, n.R0, exposureBefore)
            : new PoissonRateRatio.Result(null, 1, 0, double.PositiveInfinity, n.R1, n.R0, exposureAfter, exposureBefore);
        var relative = RelativeEffectSize.Compute(n.R0, n.R1, n.C0, n.C1);
        if (n.R0 + n.R1 < MinimumTreatedEvents)
        {
            warnings.Add($"only {n.R0 + n.R1} events in the treated area over both periods: too few to conclude anything (fewer than {MinimumTreatedEvents}).");
        }

        if (n.R0 == 0)
        {
            warnings.Add("no events in the treated area before the measure: the rate ratio and relative effect are undefined.");
        }

        if (n.C0 == 0 || n.C1 == 0)
        {
            warnings.Add("the control area has no events in one period: the quotient and the difference are undefined.");
        }
        else if (n.B0 + n.B1 < 10 && n.B0 + n.B1 + n.R0 + n.R1 > 0)
        {
            warnings.Add($"only {n.B0 + n.B1} events in the buffer: the displacement quotient is unstable with so few.");
        }

        var json = new JsonObject
        {
            ["counts"] = new JsonObject { ["R0"] = n.R0, ["R1"] = n.R1, ["B0"] = n.B0, ["B1"] = n.B1, ["C0"] = n.C0, ["C1"] = n.C1 },
            ["success_measure"] = Num(wdq.SuccessMeasure),
            ["wdq"] = Num(wdq.Quotient),
            ["wdq_reading"] = relative.High90 is < 1 || wdq.Quotient is null ? wdq.Reading
                : "not meaningful: the treated area shows no clear effect against the control (its relative effect's 90 % interval includes 1), so there is nothing to be displaced or diffused",
            ["wdd"] = wdd is null ? null : new JsonObject
            {
                ["estimate"] = Num(wdd.Estimate), ["se"] = Num(wdd.StandardError), ["z"] = Num(wdd.Z), ["p"] = Num(wdd.P),
                ["ci90"] = new JsonArray(Num(wdd.Low90), Num(wdd.High90)),
                ["local"] = Num(wdd.LocalEstimate), ["displacement"] = Num(wdd.DisplacementEstimate),
                ["control_scale"] = new JsonObject { ["treated"] = Num(wdd.ControlScaleTreated), ["buffer"] = Num(wdd.ControlScaleBuffer) },
            },
            ["rate_ratio"] = new JsonObject
            {
                ["estimate"] = Num(rate.Estimate), ["p"] = Num(rate.P), ["ci90"] = new JsonArray(Num(rate.Low), Num(rate.High)),
                ["exposure_before"] = Num(exposureBefore), ["exposure_after"] = Num(exposureAfter), ["exposure_unit"] = unit,
                ["reading"] = "treated area's rate after over before, per exposure; below 1 is a fall",
            },
            ["relative_effect"] = new JsonObject
            {
                ["estimate"] = Num(relative.Estimate), ["p"] = Num(relative.P), ["ci90"] = new JsonArray(Num(relative.Low90), Num(relative.High90)),
                ["reading"] = "(R1/R0)/(C1/C0): the treated area's change relative to the control's; below 1 is a fall",
            },
            ["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)w).ToArray()),
        };
        return new SectionResult(n, json, warnings, wdq, wdd, rate, relative, unit);
    }

    private static IEnumerable<string> DesignWarnings(EvaluationDesign d, long events)
    {
        if (events == 0)
        {
            yield return "no event in any of the areas and periods: check --category, --source and the dates.";
        }

        foreach (var w in DesignWarnings(d))
        {
            yield return w;
        }
    }

    private static IEnumerable<string> DesignWarnings(EvaluationDesign d)
    {
        if (d.DataFrom is { } first && first > d.BeforeFrom.AddDays(1))
        {
            yield return $"the before period starts {d.Date.AddDays(-d.BeforeDays).ToString("yyyy-MM-dd", Inv)} but the first event in the database is from {Time.StockholmTime.LocalDate(first).ToString("yyyy-MM-dd", Inv)}: the before counts are too low; shorten --before.";
        }

        if (d.DataTo is { } last && last < d.AfterTo.AddDays(-1))
        {
            yield return $"the after period ends {d.Date.AddDays(d.AfterDays - 1).ToString("yyyy-MM-dd", Inv)} but the last event in the database is from {Time.StockholmTime.LocalDate(last).ToString("yyyy-MM-dd", Inv)}: the after counts are too low; shorten --after.";
        }

        if (d.MeasureEnd is { } end && end < d.Date.AddDays(d.AfterDays - 1))
        {
            yield return $"the measure ended {end.ToString("yyyy-MM-dd", Inv)}, inside the after period.";
        }

        if (d.BeforeDays % 365 != 0 || d.AfterDays % 365 != 0)
        {
            yield return $"the periods are not whole years ({d.BeforeDays} and {d.AfterDays} days), so they hold different seasons: the area's own before/after rates mix the measure with the season; read the relative effect against the control.";
        }

        if (d.BeforeDays != d.AfterDays)
        {
            yield return $"the periods differ in length ({d.BeforeDays} and {d.AfterDays} days): counts are compared through the control and the rates per exposure.";
        }
    }

    private static JsonObject Period(DateOnly from, DateOnly toInclusive, double hours, double darkHours) => new()
    {
        ["from"] = from.ToString("yyyy-MM-dd", Inv),
        ["to"] = toInclusive.ToString("yyyy-MM-dd", Inv),
        ["days"] = toInclusive.DayNumber - from.DayNumber + 1,
        ["dark_hours"] = Math.Round(darkHours, 1),
        ["daylight_hours"] = Math.Round(hours - darkHours, 1),
    };

    private static JsonNode? Num(double? v) => v is { } x && double.IsFinite(x) ? JsonValue.Create(Math.Round(x, 6)) : null;

    private static double Round(double v) => Math.Round(v, 1);
}
