using GeoTrygghet.Analysis.Statistics;

namespace GeoTrygghet.Analysis.Temporal;

/// <summary>
/// Emerging hot spot analysis on a space-time cube: counts per cell per time step; Gi* (see
/// <see cref="GetisOrdGiStar"/>, spatial neighbours within the band, FDR per step) on every step's
/// slice; the Mann–Kendall trend of each cell's z-scores; and the category of
/// <see cref="EmergingHotspotClassifier"/>. A step in which all cells have the same count (e.g. none)
/// gives every cell z = 0 (no hot or cold spot) instead of failing.
/// </summary>
public static class EmergingHotspots
{
    public sealed record Result(EmergingCategory[] Category, double[] TrendZ, double[] TrendP, int[][] BinsByStep, int Steps);

    /// <param name="counts">counts[step][cell], steps oldest first.</param>
    public static Result Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double[][] counts, double band, bool fdr = true)
    {
        var steps = counts.Length;
        if (steps < 3)
        {
            throw new AnalysisException($"emerging hot spots need at least 3 time steps; there are {steps}.");
        }

        var cells = x.Length;
        var z = new double[steps][];
        var bins = new int[steps][];
        for (var t = 0; t < steps; t++)
        {
            var slice = counts[t];
            if (slice.Distinct().Count() < 2)
            {
                z[t] = new double[cells];
                bins[t] = new int[cells];
                continue;
            }

            var gi = GetisOrdGiStar.Compute(x, y, slice, band, fdr);
            z[t] = gi.Z;
            bins[t] = gi.Bins;
        }

        var category = new EmergingCategory[cells];
        var trendZ = new double[cells];
        var trendP = new double[cells];
        var series = new double[steps];
        var cellBins = new int[steps];
        for (var c = 0; c < cells; c++)
        {
            for (var t = 0; t < steps; t++)
            {
                series[t] = z[t][c];
                cellBins[t] = bins[t][c];
            }

            var trend = MannKendall.Test(series);
            trendZ[c] = trend.Z;
            trendP[c] = trend.P;
            category[c] = EmergingHotspotClassifier.Classify(cellBins, trend);
        }

        return new Result(category, trendZ, trendP, bins, steps);
    }
}
