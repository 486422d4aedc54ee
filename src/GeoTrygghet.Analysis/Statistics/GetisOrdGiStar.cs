using System.Globalization;

namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// The Getis–Ord Gi* local statistic (Getis &amp; Ord 1992, Geographical Analysis 24(3); Ord &amp; Getis 1995,
/// Geographical Analysis 27(4), eq. 14) on values at sites (cell counts at cell centres), with binary
/// weights w_ij = 1 for sites within the distance band of each other, the site itself included:
/// <code>
/// Gi* = (Σⱼ wᵢⱼxⱼ − x̄·Wᵢ) / (S·√((n·Σⱼwᵢⱼ² − Wᵢ²) / (n − 1))),  Wᵢ = Σⱼ wᵢⱼ,  S = √(Σx²/n − x̄²)
/// </code>
/// which is already a z-score; p is two-sided from the normal distribution (R spdep's <c>localG</c> with
/// <c>include.self</c> gives the same numbers). All values equal makes S zero and Gi* undefined: that is
/// an error, never NaN. Stateless and thread-safe.
/// </summary>
public static class GetisOrdGiStar
{
    public static GetisOrdGiStarResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> values, double band, bool fdr, string bandOrigin = "given", CancellationToken cancel = default)
    {
        var n = values.Length;
        if (n < 3)
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"Gi* needs at least 3 cells; there are {n}."));
        }

        double sum = 0, sumSq = 0;
        foreach (var v in values)
        {
            sum += v;
            sumSq += v * v;
        }

        var mean = sum / n;
        var s = Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean)));
        if (!(s > 1e-12 * Math.Max(1, Math.Abs(mean))))
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture,
                $"all {n} cells have the same count ({values[0]}): there is no variation, so Gi* is undefined and no cell is hotter than another."));
        }

        var neighbours = NeighbourLists.WithinBand(x, y, band, includeSelf: true, cancel);
        var z = new double[n];
        var p = new double[n];
        var degree = new int[n];
        var vals = values.ToArray();
        for (var i = 0; i < n; i++)
        {
            double local = 0;
            foreach (var j in neighbours.Of(i))
            {
                local += vals[j];
            }

            var w = (double)neighbours.DegreeOf(i);
            degree[i] = (int)w;
            var denominator = s * Math.Sqrt(((n * w) - (w * w)) / (n - 1));
            // A site whose band holds every site has a zero denominator: it cannot differ from the mean.
            z[i] = denominator > 0 ? (local - (mean * w)) / denominator : 0;
            p[i] = Normal.TwoSidedP(z[i]);
        }

        return new GetisOrdGiStarResult(z, p, ConfidenceBins.Assign(z, p, fdr), band, bandOrigin, fdr, degree);
    }
}
