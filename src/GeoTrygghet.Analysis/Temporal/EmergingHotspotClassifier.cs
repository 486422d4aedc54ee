namespace GeoTrygghet.Analysis.Temporal;

/// <summary>
/// Classifies a location from its Gi* bins over the time steps of a space-time cube (oldest first;
/// "hot" = a positive bin, significant at 90 % or more; "cold" = a negative one) and the Mann–Kendall
/// trend of its Gi* z-scores. The rules, those of ArcGIS's Emerging Hot Spot Analysis written out
/// (checked in this order; "cold" mirrors with signs and directions swapped):
/// <list type="number">
/// <item>Historical: not hot in the last step, hot in at least 90 % of the steps.</item>
/// <item>Intensifying / Persistent / Diminishing: hot in the last step and in at least 90 % of the steps;
/// intensifying when the z trend rises significantly (p ≤ 0.05), diminishing when it falls
/// significantly, persistent otherwise.</item>
/// <item>New: hot in the last step and never before.</item>
/// <item>Consecutive: the last steps are one unbroken run of at least two hot steps, never hot before
/// the run, and under 90 % of steps hot.</item>
/// <item>Oscillating: hot in the last step, under 90 % hot, and cold in some earlier step.</item>
/// <item>Sporadic: hot in the last step, under 90 % hot, never cold (hot on and off).</item>
/// <item>No pattern: none of these.</item>
/// </list>
/// The hot rules are tried first; a location that is neither hot nor cold in the last step and
/// matches no historical rule has no pattern.
/// </summary>
public static class EmergingHotspotClassifier
{
    public const double MostSteps = 0.9;
    public const double TrendAlpha = 0.05;

    public static EmergingCategory Classify(ReadOnlySpan<int> bins, MannKendall.Result trend)
    {
        var hot = Classify(bins, trend, sign: 1);
        if (hot != EmergingCategory.NoPattern)
        {
            return hot;
        }

        return Classify(bins, trend, sign: -1);
    }

    private static EmergingCategory Classify(ReadOnlySpan<int> bins, MannKendall.Result trend, int sign)
    {
        var n = bins.Length;
        var hotSteps = 0;
        var oppositeSteps = 0;
        foreach (var b in bins)
        {
            if (b * sign > 0)
            {
                hotSteps++;
            }
            else if (b * sign < 0)
            {
                oppositeSteps++;
            }
        }

        var lastHot = bins[n - 1] * sign > 0;
        var mostly = hotSteps >= MostSteps * n;
        var cold = sign < 0;
        if (!lastHot)
        {
            return mostly ? (cold ? EmergingCategory.HistoricalCold : EmergingCategory.HistoricalHot) : EmergingCategory.NoPattern;
        }

        if (mostly)
        {
            // Hot spots intensify when z rises; cold spots intensify when z falls (gets colder).
            var rising = trend.P <= TrendAlpha && trend.Z > 0;
            var falling = trend.P <= TrendAlpha && trend.Z < 0;
            var intensifying = cold ? falling : rising;
            var diminishing = cold ? rising : falling;
            return intensifying ? (cold ? EmergingCategory.IntensifyingCold : EmergingCategory.IntensifyingHot)
                : diminishing ? (cold ? EmergingCategory.DiminishingCold : EmergingCategory.DiminishingHot)
                : cold ? EmergingCategory.PersistentCold : EmergingCategory.PersistentHot;
        }

        if (hotSteps == 1)
        {
            return cold ? EmergingCategory.NewCold : EmergingCategory.NewHot;
        }

        var run = 0;
        for (var i = n - 1; i >= 0 && bins[i] * sign > 0; i--)
        {
            run++;
        }

        if (run >= 2 && run == hotSteps)
        {
            return cold ? EmergingCategory.ConsecutiveCold : EmergingCategory.ConsecutiveHot;
        }

        return oppositeSteps > 0
            ? (cold ? EmergingCategory.OscillatingCold : EmergingCategory.OscillatingHot)
            : (cold ? EmergingCategory.SporadicCold : EmergingCategory.SporadicHot);
    }
}
