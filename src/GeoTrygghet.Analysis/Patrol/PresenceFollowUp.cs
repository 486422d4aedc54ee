namespace GeoTrygghet.Analysis.Patrol;

/// <summary>
/// Did the plan happen, and did it matter? Dosage per hotspot — visits and minutes planned against those made
/// (a visit counts for the nearest planned hotspot within the radius) — and the events near each hotspot during
/// presence and the <c>after</c> minutes that follow (residual deterrence, Koper 1995) against the same hours of the
/// week in the <c>weeks</c> weeks before, when the plan was not in force: an exact Poisson rate ratio on the counts
/// with the hours as exposure (<see cref="Evaluation.PoissonRateRatio"/>).
/// </summary>
public static class PresenceFollowUp
{
    public sealed record PlannedHotspot(string Id, string Label, double X, double Y, int Visits, double Minutes);

    public sealed record Visit(string Patrol, double X, double Y, DateTimeOffset Arrive, DateTimeOffset Depart);

    public sealed record HotspotResult(PlannedHotspot Hotspot, int VisitsMade, double MinutesMade, int EventsWithPresence, double HoursWithPresence, int EventsWithout, double HoursWithout);

    public sealed record Result(IReadOnlyList<HotspotResult> Hotspots, int UnmatchedVisits, Evaluation.PoissonRateRatio.Result? RateRatio);

    public static Result Compute(IReadOnlyList<PlannedHotspot> planned, IReadOnlyList<Visit> visits, IReadOnlyList<(double X, double Y, DateTimeOffset Time)> events,
        double radius, double afterMinutes, int weeks)
    {
        if (!(radius > 0) || afterMinutes < 0 || weeks < 1)
        {
            throw new AnalysisException("the radius must be above 0, the minutes after 0 or more and the weeks compared at least 1.");
        }

        var byHotspot = planned.ToDictionary(h => h.Id, _ => new List<Visit>(), StringComparer.Ordinal);
        var unmatched = 0;
        foreach (var v in visits)
        {
            var nearest = planned.Select(h => (h, d: Math.Sqrt(Math.Pow(h.X - v.X, 2) + Math.Pow(h.Y - v.Y, 2)))).Where(p => p.d <= radius).OrderBy(p => p.d).FirstOrDefault();
            if (nearest.h is null)
            {
                unmatched++;
            }
            else
            {
                byHotspot[nearest.h.Id].Add(v);
            }
        }

        var results = new List<HotspotResult>();
        foreach (var h in planned)
        {
            var made = byHotspot[h.Id];
            var windows = Merge(made.Select(v => (v.Arrive, v.Depart.AddMinutes(afterMinutes))));
            var near = events.Where(e => Math.Sqrt(Math.Pow(e.X - h.X, 2) + Math.Pow(e.Y - h.Y, 2)) <= radius).Select(e => e.Time).ToList();
            var with = near.Count(t => windows.Any(w => t >= w.From && t < w.To));
            var without = 0;
            for (var k = 1; k <= weeks; k++)
            {
                var shift = TimeSpan.FromDays(7 * k);
                without += near.Count(t => windows.Any(w => t >= w.From - shift && t < w.To - shift));
            }

            var hours = windows.Sum(w => (w.To - w.From).TotalHours);
            results.Add(new HotspotResult(h, made.Count, Math.Round(made.Sum(v => (v.Depart - v.Arrive).TotalMinutes), 1), with, hours, without, hours * weeks));
        }

        var presenceHours = results.Sum(r => r.HoursWithPresence);
        var rate = presenceHours > 0
            ? Evaluation.PoissonRateRatio.Test(results.Sum(r => r.EventsWithPresence), presenceHours, results.Sum(r => r.EventsWithout), results.Sum(r => r.HoursWithout))
            : null;
        return new Result(results, unmatched, rate);
    }

    private static List<(DateTimeOffset From, DateTimeOffset To)> Merge(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> windows)
    {
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var w in windows.OrderBy(w => w.From))
        {
            if (merged.Count > 0 && w.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, w.To > merged[^1].To ? w.To : merged[^1].To);
            }
            else
            {
                merged.Add(w);
            }
        }

        return merged;
    }
}
