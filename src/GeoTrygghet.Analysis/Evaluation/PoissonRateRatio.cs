using MathNet.Numerics.Distributions;

namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// The exact test of two Poisson rates with their exposures (Przyborowski &amp; Wilenski 1940, "Homogeneity of
/// results in testing samples from Poisson series", Biometrika 31; as R's <c>poisson.test</c>): given the
/// n = x1 + x0 events, x1 is binomial with p = E1/(E1 + E0) when the rates are equal. The two-sided p-value sums
/// the outcomes no more likely than the one seen (R's <c>binom.test</c>), and the interval of the rate ratio
/// (x1/E1)/(x0/E0) comes from the Clopper–Pearson interval of p. Exposure is whatever the rates are per:
/// days for all events, dark hours for events after dark.
/// </summary>
public static class PoissonRateRatio
{
    public sealed record Result(double? Estimate, double P, double Low, double High, long After, long Before, double ExposureAfter, double ExposureBefore);

    public static Result Test(long after, double exposureAfter, long before, double exposureBefore, double confidence = 0.90)
    {
        if (after < 0 || before < 0 || !(exposureAfter > 0) || !(exposureBefore > 0))
        {
            throw new ArgumentException("counts must be 0 or more and exposures above 0.");
        }

        var n = after + before;
        if (n == 0)
        {
            return new Result(null, 1, 0, double.PositiveInfinity, after, before, exposureAfter, exposureBefore);
        }

        var p0 = exposureAfter / (exposureAfter + exposureBefore);
        var alpha = 1 - confidence;
        var pLow = after == 0 ? 0 : Beta.InvCDF(after, n - after + 1, alpha / 2);
        var pHigh = after == n ? 1 : Beta.InvCDF(after + 1, n - after, 1 - (alpha / 2));
        var scale = exposureBefore / exposureAfter;
        double? estimate = before == 0 ? null : after / exposureAfter / (before / exposureBefore);
        return new Result(estimate, TwoSidedBinomialP(after, n, p0), pLow / (1 - pLow) * scale,
            pHigh >= 1 ? double.PositiveInfinity : pHigh / (1 - pHigh) * scale, after, before, exposureAfter, exposureBefore);
    }

    /// <summary>The two-sided exact binomial p-value: the chance of any outcome at most as likely as <paramref name="x"/>.</summary>
    internal static double TwoSidedBinomialP(long x, long n, double p)
    {
        const double relErr = 1 + 1e-7;
        var k = (int)x;
        var trials = checked((int)n);
        var d = Binomial.PMF(p, trials, k);
        var mean = trials * p;
        if (x == mean)
        {
            return 1;
        }

        double result;
        if (x < mean)
        {
            var y = 0;
            for (var i = (int)Math.Ceiling(mean); i <= trials; i++)
            {
                y += Binomial.PMF(p, trials, i) <= d * relErr ? 1 : 0;
            }

            result = Binomial.CDF(p, trials, k) + (trials - y < trials ? 1 - Binomial.CDF(p, trials, trials - y) : 0);
        }
        else
        {
            var y = 0;
            for (var i = 0; i <= (int)Math.Floor(mean); i++)
            {
                y += Binomial.PMF(p, trials, i) <= d * relErr ? 1 : 0;
            }

            result = (y > 0 ? Binomial.CDF(p, trials, y - 1) : 0) + (1 - Binomial.CDF(p, trials, k - 1));
        }

        return Math.Min(1, result);
    }
}
