namespace GeoTrygghet.Core.Reporting;

/// <summary>
/// A few plain sentences per area for the council. Every claim of change rests on the test: a rise or fall is called
/// certain only when the whole 90 % interval of the rate ratio lies above or below 1; otherwise the text says the
/// difference may be chance.
/// </summary>
public static class ReportSummaryText
{
    public static IReadOnlyList<string> Write(AreaSection s, Quarter q, ReportLanguage language, int minCount = 5)
    {
        var w = new ReportWords(language);
        var lines = new List<string>();
        var where = s.Kind == "municipality" ? w.T("I hela kommunen", "In the whole municipality") : w.T($"I {s.Name}", $"In {s.Name}");
        var i = s.Incidents;
        lines.Add(i.Count is null || i.PreviousYear is null
            ? w.T($"{where} visas inte antalet anmälda brott under {q.Label(language)} eller samma kvartal {q.Year - 1}: den offentliga versionen döljer antal under {minCount} och antal som ett litet antal kunde räknas fram ur.",
                $"{where}, the number of offences reported in {q.Label(language)} or the same quarter of {q.Year - 1} is not shown: the public version hides counts under {minCount} and counts from which a small one could be worked out.")
            : w.T($"{where} anmäldes {w.Count(i.Count, minCount)} brott under {q.Label(language)}, mot {w.Count(i.PreviousYear, minCount)} samma kvartal {q.Year - 1}.",
                $"{where}, {w.Count(i.Count, minCount)} offences were reported in {q.Label(language)}, against {w.Count(i.PreviousYear, minCount)} in the same quarter of {q.Year - 1}."));
        if (i.Comparison is { } c)
        {
            var ratio = c.RateRatio is { } r ? w.Num(r, 2) : "∞";
            var interval = w.Interval(c.Low, c.High);
            lines.Add(c.Low > 1
                ? w.T($"Ökningen är statistiskt säkerställd (kvot {ratio}, 90 % konfidensintervall {interval}).", $"The rise is statistically certain (ratio {ratio}, 90 % confidence interval {interval}).")
                : c.High < 1
                    ? w.T($"Minskningen är statistiskt säkerställd (kvot {ratio}, 90 % konfidensintervall {interval}).", $"The fall is statistically certain (ratio {ratio}, 90 % confidence interval {interval}).")
                    : w.T($"Skillnaden kan vara slumpmässig (kvot {ratio}, 90 % konfidensintervall {interval}).", $"The difference may be chance (ratio {ratio}, 90 % confidence interval {interval})."));
        }

        var groups = i.ByGroup.Where(g => g.Value.Count is > 0).OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3).ToList();
        if (groups.Count > 0)
        {
            lines.Add(w.T("Vanligast: ", "Most common: ") + string.Join(", ", groups.Select(g => $"{w.Group(g.Key).ToLowerInvariant()} ({w.Num(g.Value.Count!.Value, 0)})")) + ".");
        }

        var top = s.Reports.ByCategory.Where(g => g.Value.Count is > 0).OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        lines.Add(w.T($"EST-rapporterna var {w.Count(s.Reports.Count, minCount)} ({w.Count(s.Reports.PreviousYear, minCount)} året före)", $"There were {w.Count(s.Reports.Count, minCount)} EST reports ({w.Count(s.Reports.PreviousYear, minCount)} a year before)")
            + (top.Key is null ? "." : w.T($"; flest om {w.ReportCategory(top.Key).ToLowerInvariant()}.", $"; most about {w.ReportCategory(top.Key).ToLowerInvariant()}.")));

        var hot = s.Hotspots.Where(h => h.Status != "gone").ToList();
        var gone = s.Hotspots.Count(h => h.Status == "gone");
        var places = hot.Select(h => h.Place).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var where2 = places.Count == 0 ? "" : $" ({string.Join(", ", places)})";
        lines.Add(hot.Count == 0 && gone == 0
            ? w.T("Inga statistiskt säkerställda brottskoncentrationer (Gi*, 99 %) under kvartalet.", "No statistically certain concentration of offences (Gi*, 99 %) in the quarter.")
            : w.T($"Brottskoncentrationer (sammanhängande heta rutor, Gi* 99 %): {hot.Count}{where2}, varav {hot.Count(h => h.Status == "new")} nya och {hot.Count(h => h.Status == "persistent")} som kvarstår från kvartalet före; {gone} har upphört.",
                $"Concentrations of offences (touching hot cells, Gi* 99 %): {hot.Count}{where2}, of which {hot.Count(h => h.Status == "new")} new and {hot.Count(h => h.Status == "persistent")} persisting from the quarter before; {gone} gone."));

        foreach (var m in s.Measures.Where(m => m.Evaluation is { RelativeEffect: not null, Low: not null, High: not null }))
        {
            var e = m.Evaluation!;
            var change = w.Num(Math.Abs(1 - e.RelativeEffect!.Value) * 100, 0);
            var verdict = e.High < 1
                ? w.T("en säkerställd minskning", "a certain fall")
                : e.Low > 1 ? w.T("en säkerställd ökning", "a certain rise") : w.T("ingen säker förändring", "no certain change");
            lines.Add(w.T($"{w.MeasureName(m.Type, m.Description)} (från {m.Start:yyyy-MM-dd}): {verdict} jämfört med kontrollområdet ({(e.RelativeEffect < 1 ? "−" : "+")}{change} %, 90 % konfidensintervall {w.Interval(e.Low!.Value, e.High!.Value)}).",
                $"{w.MeasureName(m.Type, m.Description)} (from {m.Start:yyyy-MM-dd}): {verdict} against the control area ({(e.RelativeEffect < 1 ? "−" : "+")}{change} %, 90 % confidence interval {w.Interval(e.Low!.Value, e.High!.Value)})."));
        }

        var p = s.Presence;
        lines.Add(p.PlannedMinutes is { } planned
            ? w.T($"Närvaro: {w.Num(p.DeliveredMinutes, 0)} minuter genomförda av {w.Num(planned, 0)} planerade ({p.Visits} besök).", $"Presence: {w.Num(p.DeliveredMinutes, 0)} minutes delivered of {w.Num(planned, 0)} planned ({p.Visits} visits).")
            : w.T($"Närvaro: {w.Num(p.DeliveredMinutes, 0)} minuter genomförda ({p.Visits} besök); ingen planerad närvaro i medborgarlöftena.", $"Presence: {w.Num(p.DeliveredMinutes, 0)} minutes delivered ({p.Visits} visits); no presence planned in the citizen promises."));

        if (s.Survey is { } survey)
        {
            lines.Add(survey.Previous is { } previous
                ? w.T($"Trygghetsmätningen {survey.Year}: {w.Num(survey.Score, 1)} (mot {w.Num(previous, 1)} {survey.PreviousYear}), {survey.Respondents} svarande.", $"Safety survey {survey.Year}: {w.Num(survey.Score, 1)} (against {w.Num(previous, 1)} in {survey.PreviousYear}), {survey.Respondents} respondents.")
                : w.T($"Trygghetsmätningen {survey.Year}: {w.Num(survey.Score, 1)}, {survey.Respondents} svarande.", $"Safety survey {survey.Year}: {w.Num(survey.Score, 1)}, {survey.Respondents} respondents."));
        }

        return lines;
    }
}
