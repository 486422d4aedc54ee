namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// False discovery rate control (Benjamini &amp; Hochberg 1995, J. R. Stat. Soc. B 57(1)): with the m
/// p-values sorted, the largest k with p₍k₎ ≤ k·α/m is found and every test with p ≤ p₍k₎ is
/// significant. Used on local statistics so that of the cells called hot, at most a share α are
/// expected to be false alarms — without it, 5 % of thousands of cells are "significant" by chance.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The p-value threshold at level alpha (0 when nothing is significant).</summary>
    public static double Threshold(ReadOnlySpan<double> pValues, double alpha)
    {
        var sorted = pValues.ToArray();
        Array.Sort(sorted);
        var m = sorted.Length;
        var threshold = 0.0;
        for (var k = m; k >= 1; k--)
        {
            if (sorted[k - 1] <= k * alpha / m)
            {
                threshold = sorted[k - 1];
                break;
            }
        }

        return threshold;
    }

    /// <summary>BH-adjusted p-values (as R's p.adjust(method = "BH")).</summary>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var m = pValues.Length;
        var order = Enumerable.Range(0, m).ToArray();
        var copy = pValues.ToArray();
        Array.Sort(order, (a, b) => copy[b].CompareTo(copy[a]));
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            var k = m - rank;
            running = Math.Min(running, copy[i] * m / k);
            adjusted[i] = Math.Min(1, running);
        }

        return adjusted;
    }
}
