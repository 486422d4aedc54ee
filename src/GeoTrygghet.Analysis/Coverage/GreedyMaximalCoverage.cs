using GeoTrygghet.Analysis.Clustering;

namespace GeoTrygghet.Analysis.Coverage;

/// <summary>
/// Where k new lamps or cameras would cover the most weighted demand: the maximal covering location problem
/// (Church &amp; ReVelle 1974, "The maximal covering location problem", Papers of the Regional Science Association 32),
/// solved greedily — each step takes the candidate site that covers the most weight not yet covered, which
/// reaches at least 1 − 1/e of the optimum (Nemhauser, Wolsey &amp; Fisher 1978). Candidate sites are the demand
/// points' own positions; a site covers the demand within <c>radius</c>. Ties go to the lower site index, so
/// the result is reproducible.
/// </summary>
public static class GreedyMaximalCoverage
{
    public sealed record Pick(int Site, double X, double Y, double AddedWeight, int AddedPoints, double CumulativeWeight, double CumulativeShare);

    public static IReadOnlyList<Pick> Choose(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weight, double radius, int k, CancellationToken cancel = default)
    {
        var n = x.Length;
        if (y.Length != n || weight.Length != n)
        {
            throw new ArgumentException("x, y and weight must have one value per demand point.");
        }

        if (!(radius > 0) || k < 1)
        {
            throw new AnalysisException("the coverage radius must be above 0 metres and k at least 1.");
        }

        var picks = new List<Pick>();
        if (n == 0)
        {
            return picks;
        }

        var index = new BucketIndex(x, y, radius);
        var r2 = radius * radius;
        var covers = new int[n][];
        var buffer = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if ((i & 1023) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            buffer.Clear();
            foreach (var j in index.Candidates(x[i], y[i]))
            {
                var dx = x[j] - x[i];
                var dy = y[j] - y[i];
                if ((dx * dx) + (dy * dy) <= r2)
                {
                    buffer.Add(j);
                }
            }

            covers[i] = [.. buffer];
        }

        var total = 0.0;
        foreach (var w in weight)
        {
            total += w;
        }

        var covered = new bool[n];
        var cumulative = 0.0;
        for (var step = 0; step < k; step++)
        {
            cancel.ThrowIfCancellationRequested();
            var best = -1;
            var bestGain = 0.0;
            for (var i = 0; i < n; i++)
            {
                var gain = 0.0;
                foreach (var j in covers[i])
                {
                    if (!covered[j])
                    {
                        gain += weight[j];
                    }
                }

                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            var added = 0;
            foreach (var j in covers[best])
            {
                if (!covered[j])
                {
                    covered[j] = true;
                    added++;
                }
            }

            cumulative += bestGain;
            picks.Add(new Pick(best, x[best], y[best], bestGain, added, cumulative, total > 0 ? cumulative / total : 0));
        }

        return picks;
    }
}
