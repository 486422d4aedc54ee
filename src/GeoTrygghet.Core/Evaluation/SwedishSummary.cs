using System.Globalization;
using System.Text;

namespace GeoTrygghet.Core.Evaluation;

/// <summary>
/// The evaluation in plain Swedish for the EST meeting: what was compared, how the treated area changed
/// against the control, whether that can be chance, what happened in the buffer, and after dark against
/// daylight. Numbers are written the Swedish way (decimal comma) whatever the machine's culture.
/// </summary>
internal static class SwedishSummary
{
    private static readonly NumberFormatInfo Sv = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NegativeSign = "−" };

    private static readonly Dictionary<string, string> MeasureTypes = new(StringComparer.Ordinal)
    {
        ["lighting"] = "belysning", ["camera"] = "kamerabevakning", ["vegetation"] = "röjning av vegetation",
        ["presence"] = "närvaro", ["neighbourhood_watch"] = "grannsamverkan", ["other"] = "annan åtgärd",
    };

    public static string Write(EvaluationDesign d, MeasureEvaluation.SectionResult main, MeasureEvaluation.SectionResult dark, MeasureEvaluation.SectionResult day)
    {
        var text = new StringBuilder();
        var type = d.MeasureType is { } t && MeasureTypes.TryGetValue(t, out var sv) ? $" ({sv})" : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"Åtgärd {d.Measure}{type} från {d.Date:yyyy-MM-dd}: {d.BeforeDays} dagar före jämförs med {d.AfterDays} dagar efter");
        text.Append(d.DarkOnly ? ", bara händelser efter mörkrets inbrott. " : ". ");
        var n = main.Counts;
        text.Append(CultureInfo.InvariantCulture, $"I det åtgärdade området {n.R0} händelser före och {n.R1} efter; i buffertzonen ({Num(d.Areas.BufferMetres, 0)} m) {n.B0} och {n.B1}; i kontrollområdet {n.C0} och {n.C1}. ");
        text.Append(Effect("Jämfört med kontrollområdets utveckling", main.Relative.Estimate, main.Relative.Low90, main.Relative.High90));
        if (main.Wdd is { } wdd)
        {
            text.Append(CultureInfo.InvariantCulture, $"Viktad förflyttningsskillnad (WDD): {Num(wdd.Estimate, 1)} händelser (90 % konfidensintervall {Num(wdd.Low90, 1)} till {Num(wdd.High90, 1)}). ");
        }

        text.Append(Buffer(main));
        if (!d.DarkOnly)
        {
            // Conclusions rest on the comparison with the control, which takes out the seasons and the town's trend;
            // the area's own rate per dark hour is given alongside.
            text.Append(Effect("Efter mörkrets inbrott, jämfört med kontrollområdet", dark.Relative.Estimate, dark.Relative.Low90, dark.Relative.High90));
            text.Append(Own("per mörkertimme", dark.Rate));
            text.Append(Effect("I dagsljus, jämfört med kontrollområdet", day.Relative.Estimate, day.Relative.Low90, day.Relative.High90));
            text.Append(Own("per dagsljustimme", day.Rate));
        }
        else
        {
            text.Append(Own("per mörkertimme", dark.Rate));
        }

        if (main.Warnings.Count > 0 && n.R0 + n.R1 < MeasureEvaluation.MinimumTreatedEvents)
        {
            text.Append("Varning: för få händelser i det åtgärdade området för att dra någon slutsats. ");
        }

        return text.ToString().TrimEnd();
    }

    private static string Effect(string lead, double? estimate, double? low, double? high)
    {
        if (estimate is not { } e || low is not { } lo || high is not { } hi || !double.IsFinite(e))
        {
            return $"{lead}: kan inte beräknas (för få händelser). ";
        }

        var change = e < 1 ? $"en minskning med {Num((1 - e) * 100, 0)} %" : e > 1 ? $"en ökning med {Num((e - 1) * 100, 0)} %" : "ingen förändring";
        var interval = $"kvot {Num(e, 2)}, 90 % konfidensintervall {Num(lo, 2)}–{(double.IsFinite(hi) ? Num(hi, 2) : "∞")}";
        var verdict = hi < 1 ? "Minskningen är statistiskt säkerställd."
            : lo > 1 ? "Ökningen är statistiskt säkerställd."
            : "Förändringen kan vara slumpmässig; ingen säker slutsats.";
        return $"{lead}: {change} ({interval}). {verdict} ";
    }

    private static string Own(string unit, Analysis.Evaluation.PoissonRateRatio.Result rate) =>
        rate.Estimate is { } e && double.IsFinite(e)
            ? $"(Områdets egen takt {unit}: kvot {Num(e, 2)}, 90 % konfidensintervall {Num(rate.Low, 2)}–{(double.IsFinite(rate.High) ? Num(rate.High, 2) : "∞")}.) "
            : string.Empty;

    private static string Buffer(MeasureEvaluation.SectionResult s)
    {
        if (s.Wdq.Quotient is not { } q || s.Wdq.SuccessMeasure is not < 0 || s.Relative.High90 is not < 1)
        {
            return string.Empty;
        }

        var reading = q > 1 ? "spridning av positiva effekter till buffertzonen, större än den direkta effekten"
            : q > 0 ? "spridning av positiva effekter till buffertzonen"
            : q == 0 ? "varken förflyttning eller spridning"
            : q >= -1 ? "viss förflyttning till buffertzonen, mindre än den direkta effekten"
            : "förflyttning större än den direkta effekten";
        return $"Viktad förflyttningskvot (WDQ) {Num(q, 2)}: {reading}. ";
    }

    private static string Num(double v, int decimals) => v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Sv);
}
