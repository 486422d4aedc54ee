namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// The relative effect size of the Campbell reviews of street lighting and CCTV (Welsh &amp; Farrington 2008,
/// "Effects of improved street lighting on crime", Campbell Systematic Reviews 13): the odds ratio
/// <c>RES = (C1·R0)/(C0·R1)</c>, with variance of its logarithm 1/R0 + 1/R1 + 1/C0 + 1/C1. Read as the
/// treated area's change relative to the control's: here reported the other way up, as
/// <c>(R1/R0)/(C1/C0)</c>, so that below 1 is a fall (0.5 = half the events the control trend predicts),
/// the same direction as the rate ratio.
/// </summary>
public static class RelativeEffectSize
{
    public sealed record Result(double? Estimate, double? Low90, double? High90, double? P);

    public static Result Compute(long r0, long r1, long c0, long c1)
    {
        if (r0 <= 0 || r1 <= 0 || c0 <= 0 || c1 <= 0)
        {
            return new Result(null, null, null, null);
        }

        var log = Math.Log((double)r1 / r0) - Math.Log((double)c1 / c0);
        var se = Math.Sqrt((1.0 / r0) + (1.0 / r1) + (1.0 / c0) + (1.0 / c1));
        return new Result(Math.Exp(log), Math.Exp(log - (WeightedDisplacementDifference.Z90 * se)), Math.Exp(log + (WeightedDisplacementDifference.Z90 * se)),
            Statistics.Normal.TwoSidedP(log / se));
    }
}
