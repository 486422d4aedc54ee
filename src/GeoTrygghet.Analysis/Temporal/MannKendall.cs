namespace GeoTrygghet.Analysis.Temporal;

/// <summary>
/// The Mann–Kendall trend test (Mann 1945, Econometrica 13(3); Kendall 1975, Rank Correlation Methods):
/// S = Σᵢ&lt;ⱼ sign(xⱼ − xᵢ), Var(S) = [n(n−1)(2n+5) − Σₜ t(t−1)(2t+5)]/18 with t the sizes of groups of
/// tied values, Z = (S − sign(S))/√Var(S) (continuity correction), two-sided normal p. Needs n ≥ 3.
/// </summary>
public static class MannKendall
{
    public sealed record Result(double S, double Variance, double Z, double P);

    public static Result Test(ReadOnlySpan<double> series)
    {
        var n = series.Length;
        if (n < 3)
        {
            throw new AnalysisException("a Mann-Kendall trend needs at least 3 time steps.");
        }

        double s = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(series[j] - series[i]);
            }
        }

        var sorted = series.ToArray();
        Array.Sort(sorted);
        double ties = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && sorted[j] == sorted[i])
            {
                j++;
            }

            var t = (double)(j - i);
            ties += t * (t - 1) * ((2 * t) + 5);
            i = j;
        }

        var variance = ((n * (n - 1.0) * ((2.0 * n) + 5)) - ties) / 18.0;
        var z = variance > 0 && s != 0 ? (s - Math.Sign(s)) / Math.Sqrt(variance) : 0;
        return new Result(s, variance, z, Statistics.Normal.TwoSidedP(z));
    }
}
