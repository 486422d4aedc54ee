using System.Globalization;
using GeoTrygghet.Analysis.Clustering;

namespace GeoTrygghet.Analysis.NearRepeat;

/// <summary>
/// The Knox test for space-time interaction (Knox 1964, Applied Statistics 13(1)) as used for near
/// repeats (Townsley, Homel &amp; Chaseling 2003; Ratcliffe &amp; Rengert 2008; the Near Repeat Calculator):
/// every pair of events is counted in a table of distance bands × time-difference bands; the expected
/// table comes from Monte Carlo simulations that shuffle the event times among the events (keeping
/// places), and p = (#{simulated ≥ observed} + 1)/(simulations + 1) per cell; the Knox ratio is
/// observed / mean simulated. Only pairs within the last finite distance band are stored; the open
/// band beyond is the column total (invariant under shuffling) minus the near bands. Time in days.
/// Deterministic for a seed.
/// </summary>
public static class KnoxTest
{
    public static KnoxResult Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> days,
        double spaceBand, int spaceBands, double timeBand, int timeBands, int simulations = 999, int seed = 1)
    {
        var n = x.Length;
        if (n < 3)
        {
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"the Knox test needs at least 3 events; there are {n}."));
        }

        if (!(spaceBand > 0) || !(timeBand > 0) || spaceBands < 1 || timeBands < 1 || simulations < 1)
        {
            throw new AnalysisException("Knox bands need a positive width and at least one band, and at least one simulation.");
        }

        var maxDistance = spaceBand * spaceBands;
        var index = new BucketIndex(x, y, maxDistance);
        var xs = x.ToArray();
        var ys = y.ToArray();
        var ts = days.ToArray();
        var pairI = new List<int>();
        var pairJ = new List<int>();
        var pairBand = new List<byte>();
        for (var i = 0; i < n; i++)
        {
            foreach (var j in index.Candidates(xs[i], ys[i]))
            {
                if (j <= i)
                {
                    continue;
                }

                var d = Math.Sqrt(((xs[i] - xs[j]) * (xs[i] - xs[j])) + ((ys[i] - ys[j]) * (ys[i] - ys[j])));
                var band = KnoxBand.Of(d, spaceBand, spaceBands);
                if (band < spaceBands)
                {
                    pairI.Add(i);
                    pairJ.Add(j);
                    pairBand.Add((byte)band);
                }
            }
        }

        var columns = timeBands + 1;
        var totalByTime = ColumnTotals(ts, timeBand, timeBands);
        var observed = Count(ts, pairI, pairJ, pairBand, spaceBands, timeBand, timeBands);
        var sum = new double[observed.Length];
        var atLeast = new int[observed.Length];
        var random = new Random(seed);
        var shuffled = (double[])ts.Clone();
        for (var s = 0; s < simulations; s++)
        {
            random.Shuffle(shuffled);
            var simulated = Count(shuffled, pairI, pairJ, pairBand, spaceBands, timeBand, timeBands);
            for (var c = 0; c < simulated.Length; c++)
            {
                sum[c] += simulated[c];
                if (simulated[c] >= observed[c])
                {
                    atLeast[c]++;
                }
            }
        }

        var spaceLabels = KnoxBand.Make(spaceBand, spaceBands, "m");
        var timeLabels = KnoxBand.Make(timeBand, timeBands, "days");
        var cells = new List<KnoxCell>();
        for (var sb = 0; sb <= spaceBands; sb++)
        {
            for (var tb = 0; tb < columns; tb++)
            {
                long obs;
                double expected;
                double p;
                if (sb < spaceBands)
                {
                    var c = (sb * columns) + tb;
                    obs = observed[c];
                    expected = sum[c] / simulations;
                    p = (atLeast[c] + 1.0) / (simulations + 1.0);
                }
                else
                {
                    // Beyond the last distance band: the time column's total minus the near bands, in
                    // the observed table and (the totals being fixed) in every simulation alike.
                    long near = 0;
                    double nearExpected = 0;
                    for (var k = 0; k < spaceBands; k++)
                    {
                        near += observed[(k * columns) + tb];
                        nearExpected += sum[(k * columns) + tb] / simulations;
                    }

                    obs = totalByTime[tb] - near;
                    expected = totalByTime[tb] - nearExpected;
                    p = double.NaN;
                }

                cells.Add(new KnoxCell(spaceLabels[sb], timeLabels[tb], obs, expected, expected > 0 ? obs / expected : double.NaN, p));
            }
        }

        return new KnoxResult(cells, n, (long)n * (n - 1) / 2, simulations, seed);
    }

    private static long[] Count(double[] t, List<int> pairI, List<int> pairJ, List<byte> pairBand, int spaceBands, double timeBand, int timeBands)
    {
        var columns = timeBands + 1;
        var counts = new long[spaceBands * columns];
        for (var p = 0; p < pairI.Count; p++)
        {
            var dt = Math.Abs(t[pairI[p]] - t[pairJ[p]]);
            counts[(pairBand[p] * columns) + KnoxBand.Of(dt, timeBand, timeBands)]++;
        }

        return counts;
    }

    // Pairs per time band over all pairs, by sorting: O(n log n + n · bands) instead of O(n²).
    private static long[] ColumnTotals(double[] t, double timeBand, int timeBands)
    {
        var sorted = (double[])t.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        var within = new long[timeBands + 1]; // pairs with dt ≤ (k+1)·w
        for (var k = 0; k < timeBands; k++)
        {
            var limit = (k + 1) * timeBand;
            var j = 0;
            long pairs = 0;
            for (var i = 0; i < n; i++)
            {
                while (sorted[i] - sorted[j] > limit)
                {
                    j++;
                }

                pairs += i - j;
            }

            within[k] = pairs;
        }

        var totals = new long[timeBands + 1];
        long previous = 0;
        for (var k = 0; k < timeBands; k++)
        {
            totals[k] = within[k] - previous;
            previous = within[k];
        }

        totals[timeBands] = ((long)n * (n - 1) / 2) - previous;
        return totals;
    }
}
