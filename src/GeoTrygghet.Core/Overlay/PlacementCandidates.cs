using GeoTrygghet.Analysis.Coverage;
using GeoTrygghet.Core.Hotspots;

namespace GeoTrygghet.Core.Overlay;

/// <summary>
/// Candidate places for k new lamps (over dark, unlit events) or cameras (over unwatched events), by greedy
/// maximal coverage (<see cref="GreedyMaximalCoverage"/>). Each event weighs its category's weight (1 unless
/// given) times a recency decay 0.5^(age / half-life), age counted back from the newest event, so last
/// winter's assaults count for more than three-year-old bicycle thefts.
/// </summary>
public static class PlacementCandidates
{
    public sealed record Candidate(int Rank, double X, double Y, int Events, double Weight, double CumulativeShare, IReadOnlyList<string> EventIds);

    public sealed record Result(IReadOnlyList<Candidate> Candidates, int DemandEvents, double DemandWeight, string Demand);

    public static Result Choose(PointTable events, EventCoverage[] coverage, string kind, int k, double radius, double halfLifeDays, IReadOnlyDictionary<string, double> categoryWeights, CancellationToken cancel = default)
    {
        var demand = kind switch
        {
            "light" => Enumerable.Range(0, events.Count).Where(i => coverage[i].DarkUnlit).ToList(),
            "camera" => Enumerable.Range(0, events.Count).Where(i => !coverage[i].Watched).ToList(),
            _ => throw new Analysis.AnalysisException($"--kind must be light or camera, not '{kind}'."),
        };
        if (!(halfLifeDays > 0))
        {
            throw new Analysis.AnalysisException("the half-life must be a positive number of days.");
        }

        var newest = demand.Count == 0 ? DateTimeOffset.MinValue : demand.Max(i => events.TimeFrom![i]!.Value);
        var x = demand.Select(i => events.X[i]).ToArray();
        var y = demand.Select(i => events.Y[i]).ToArray();
        var w = demand.Select(i =>
        {
            var age = (newest - events.TimeFrom![i]!.Value).TotalDays;
            var category = events.Category?[i];
            var cw = category is not null && categoryWeights.TryGetValue(category, out var v) ? v : 1;
            return cw * Math.Pow(0.5, age / halfLifeDays);
        }).ToArray();
        var picks = GreedyMaximalCoverage.Choose(x, y, w, radius, k, cancel);
        var r2 = radius * radius;
        var taken = new bool[x.Length];
        var candidates = new List<Candidate>();
        foreach (var (pick, rank) in picks.Select((p, r) => (p, r + 1)))
        {
            var ids = new List<string>();
            for (var j = 0; j < x.Length; j++)
            {
                if (!taken[j] && ((x[j] - pick.X) * (x[j] - pick.X)) + ((y[j] - pick.Y) * (y[j] - pick.Y)) <= r2)
                {
                    taken[j] = true;
                    ids.Add(events.Ids[demand[j]]);
                }
            }

            candidates.Add(new Candidate(rank, pick.X, pick.Y, pick.AddedPoints, pick.AddedWeight, pick.CumulativeShare, ids));
        }

        var description = kind == "light" ? "events after dark not lit by a working lamp" : "events not seen by a recording camera";
        return new Result(candidates, demand.Count, w.Sum(), description);
    }
}
