using System.Globalization;

namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA", Geographical
/// Analysis 27(2)) with row-standardised distance-band weights (inclusive band, the site itself not a
/// neighbour):
/// <code>
/// Iᵢ = (zᵢ / m₂) · Σⱼ wᵢⱼ zⱼ,   z = x − x̄,   m₂ = Σ z² / n
/// </code>
/// The analytical moments are those of conditional randomisation (Sokal, Oden &amp; Thomson 1998,
/// Geographical Analysis 30(4)), as R spdep's <c>localmoran(conditional = TRUE)</c> (1.2-7, mlvar =
/// TRUE): zᵢ is held fixed, E[Iᵢ] = −zᵢ²·Wᵢ/((n−1)·m₂) and
/// Var[Iᵢ] = (zᵢ/m₂)² · n/(n−2) · (Wᵢ₂ − Wᵢ²/(n−1)) · (m₂ − zᵢ²/(n−1)), with Wᵢ = Σⱼwᵢⱼ = 1 and
/// Wᵢ₂ = Σⱼwᵢⱼ² for row-standardised weights; z-scores and two-sided normal p follow. Inference is by
/// conditional permutation
/// (Anselin 1995): zᵢ is held fixed and its neighbours' values are drawn without replacement from the
/// other n − 1 sites, 999 times by default (R spdep 1.2-7's <c>localmoran_perm</c> draws with
/// replacement; <c>withReplacement</c> does the same, for comparison); the p-value is folded as spdep's
/// "Pr(folded) Sim": (min(#{I* ≥ Iᵢ}, nsim − #{I* ≥ Iᵢ}) + 1)/(nsim + 1), where a simulated value
/// equal to Iᵢ (to 1e-9 relative) counts as at least as extreme. Each site has its own random
/// stream from (seed, site), so results do not depend on thread scheduling. Quadrants compare x with its
/// mean and the spatial lag of x with the lag's mean (spdep's "mean" quadrants). Significance uses
/// Benjamini–Hochberg over the permutation p-values unless switched off.
/// </summary>
public static class LocalMoran
{
    public static LocalMoranResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> values, double band,
        int permutations = 999, int seed = 1, bool fdr = true, double alpha = 0.05, bool withReplacement = false, CancellationToken cancel = default)
    {
        var n = values.Length;
        if (n < 4)
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"local Moran's I needs at least 4 sites; there are {n}."));
        }

        if (permutations < 1)
        {
            throw new AnalysisException("the number of permutations must be at least 1.");
        }

        var vals = values.ToArray();
        var mean = vals.Average();
        var z = vals.Select(v => v - mean).ToArray();
        var m2 = z.Sum(v => v * v) / n;
        if (!(m2 > 1e-24 * Math.Max(1, mean * mean)))
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture,
                $"all {n} sites have the same value ({vals[0]}): local Moran's I is undefined."));
        }

        var neighbours = NeighbourLists.WithinBand(x, y, band, includeSelf: false, cancel);
        var maxAbsZ = z.Max(Math.Abs);

        var ii = new double[n];
        var expected = new double[n];
        var variance = new double[n];
        var zScore = new double[n];
        var pAnalytical = new double[n];
        var pPerm = new double[n];
        var permMean = new double[n];
        var permVariance = new double[n];
        var lagX = new double[n];
        for (var i = 0; i < n; i++)
        {
            var d = neighbours.DegreeOf(i);
            if (d == 0)
            {
                ii[i] = 0;
                expected[i] = 0;
                variance[i] = double.NaN;
                zScore[i] = double.NaN;
                pAnalytical[i] = double.NaN;
                pPerm[i] = double.NaN;
                lagX[i] = double.NaN;
                continue;
            }

            double lagZ = 0, lx = 0;
            foreach (var j in neighbours.Of(i))
            {
                lagZ += z[j];
                lx += vals[j];
            }

            lagZ /= d;
            lagX[i] = lx / d;
            ii[i] = z[i] / m2 * lagZ;
            const double wi = 1;
            var wi2 = 1.0 / d;
            var zi2 = z[i] * z[i];
            expected[i] = -(zi2 * wi) / ((n - 1) * m2);
            variance[i] = (z[i] / m2) * (z[i] / m2) * (n / (n - 2.0)) * (wi2 - ((wi * wi) / (n - 1))) * (m2 - (zi2 / (n - 1)));
            zScore[i] = (ii[i] - expected[i]) / Math.Sqrt(variance[i]);
            pAnalytical[i] = Normal.TwoSidedP(zScore[i]);
        }

        // At most one worker per core: without a bound Parallel.For takes every thread the pool adds, and a long run in the
        // map service would leave none for its other requests.
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var d = neighbours.DegreeOf(i);
            if (d == 0)
            {
                return;
            }

            // HashCode.Combine is randomised per process; the stream must depend on (seed, site) only.
            var random = new Random(SiteSeed(seed, i));
            // Small integer counts make many simulated values tie the observed one exactly; summed in
            // another order they differ in the last bits. Ties count as at least as extreme.
            var tieTolerance = 1e-9 * Math.Max(Math.Abs(ii[i]), Math.Abs(z[i]) / m2 * maxAbsZ);
            var others = new int[d];
            var atLeast = 0;
            double sumI = 0, sumI2 = 0;
            for (var s = 0; s < permutations; s++)
            {
                // d distinct sites other than i, by rejection (d is small next to n).
                var drawn = 0;
                double sum = 0;
                while (drawn < d)
                {
                    var j = random.Next(n - 1);
                    if (j >= i)
                    {
                        j++;
                    }

                    if (!withReplacement && Array.IndexOf(others, j, 0, drawn) >= 0)
                    {
                        continue;
                    }

                    others[drawn++] = j;
                    sum += z[j];
                }

                var simulated = z[i] / m2 * (sum / d);
                sumI += simulated;
                sumI2 += simulated * simulated;
                if (simulated >= ii[i] - tieTolerance)
                {
                    atLeast++;
                }
            }

            permMean[i] = sumI / permutations;
            permVariance[i] = (sumI2 - (sumI * sumI / permutations)) / (permutations - 1);

            var folded = Math.Min(atLeast, permutations - atLeast);
            pPerm[i] = (folded + 1.0) / (permutations + 1.0);
        });

        var lagMean = lagX.Where(double.IsFinite).DefaultIfEmpty(0).Average();
        var quadrant = new string[n];
        for (var i = 0; i < n; i++)
        {
            quadrant[i] = double.IsNaN(lagX[i]) ? string.Empty : (vals[i] > mean, lagX[i] > lagMean) switch
            {
                (true, true) => "HH",
                (false, false) => "LL",
                (true, false) => "HL",
                (false, true) => "LH",
            };
        }

        var finite = pPerm.Where(double.IsFinite).ToArray();
        var threshold = fdr ? BenjaminiHochberg.Threshold(finite, alpha) : alpha;
        var significant = pPerm.Select(p => double.IsFinite(p) && threshold > 0 && p <= threshold).ToArray();
        return new LocalMoranResult(ii, expected, variance, zScore, pAnalytical, pPerm, quadrant, significant, permutations, seed, alpha, fdr)
        {
            PermutationMean = permMean,
            PermutationVariance = permVariance,
        };
    }

    /// <summary>A 32-bit seed from (seed, site) by SplitMix64 (Steele, Lea &amp; Flood 2014): the same every run.</summary>
    internal static int SiteSeed(int seed, int site)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)site) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
