namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// The −3…+3 confidence bins crime analysts know from ArcGIS's Hot Spot Analysis: ±3 significant at
/// 99 %, ±2 at 95 %, ±1 at 90 %, 0 not significant; the sign is the sign of z. With FDR, significance at
/// each level uses the Benjamini–Hochberg threshold at that level's α.
/// </summary>
public static class ConfidenceBins
{
    public static readonly double[] Alphas = [0.01, 0.05, 0.10];

    public static int[] Assign(ReadOnlySpan<double> z, ReadOnlySpan<double> p, bool fdr)
    {
        var thresholds = new double[Alphas.Length];
        for (var k = 0; k < Alphas.Length; k++)
        {
            thresholds[k] = fdr ? BenjaminiHochberg.Threshold(p, Alphas[k]) : Alphas[k];
        }

        var bins = new int[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            var level = 0;
            for (var k = 0; k < Alphas.Length; k++)
            {
                if (p[i] <= thresholds[k] && thresholds[k] > 0)
                {
                    level = 3 - k;
                    break;
                }
            }

            bins[i] = level * Math.Sign(z[i]);
        }

        return bins;
    }
}
