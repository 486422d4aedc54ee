namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// The weighted displacement difference (Wheeler &amp; Ratcliffe 2018, "A simple weighted displacement
/// difference test to evaluate place based crime interventions", Crime Science 7:11):
/// <c>WDD = ΔR − ΔC·kR + ΔB − ΔC·kB</c> with Δ the after minus before count; below 0 means fewer events
/// than the control trend predicts, counted in events. Counts are taken as independent Poisson, so the
/// variance is the sum of the counts, and the z score and 90 % interval follow from the normal approximation.
/// <para>
/// The paper compares areas of about the same size. When the control is much larger (the rest of the town),
/// its change is scaled to the treated and buffer areas' before level: kR = R0/C0 and kB = B0/C0 (k = 1 gives
/// the paper's formula; the paper's worked example — control 100→90, treated 100→80 — is WDD −10, SE 19.2).
/// The one control serves both terms, so its variance enters once with weight (kR + kB)².
/// </para>
/// </summary>
public static class WeightedDisplacementDifference
{
    public const double Z90 = 1.6448536269514722;

    public sealed record Result(double Estimate, double StandardError, double Z, double P, double Low90, double High90,
        double LocalEstimate, double DisplacementEstimate, double ControlScaleTreated, double ControlScaleBuffer);

    /// <param name="scaleControl">scale the control change to the treated and buffer baselines (see above); false is the paper's k = 1.</param>
    /// <param name="withBuffer">false leaves out the displacement term, the paper's local-only estimate.</param>
    public static Result Compute(BeforeAfterCounts n, bool scaleControl = true, bool withBuffer = true)
    {
        var kR = 1.0;
        var kB = withBuffer ? 1.0 : 0.0;
        if (scaleControl)
        {
            if (n.C0 <= 0)
            {
                throw new AnalysisException("the control area has no events before the measure, so its trend cannot be scaled to the treated area.");
            }

            kR = (double)n.R0 / n.C0;
            kB = withBuffer ? (double)n.B0 / n.C0 : 0;
        }

        var controlChange = (double)(n.C1 - n.C0);
        var local = (n.R1 - n.R0) - (kR * controlChange);
        var displacement = withBuffer ? (n.B1 - n.B0) - (kB * controlChange) : 0;
        var estimate = local + displacement;
        var variance = n.R0 + n.R1 + (withBuffer ? n.B0 + n.B1 : 0) + ((kR + kB) * (kR + kB) * (n.C0 + n.C1));
        var se = Math.Sqrt(variance);
        var z = se > 0 ? estimate / se : 0;
        var p = se > 0 ? Statistics.Normal.TwoSidedP(z) : 1;
        return new Result(estimate, se, z, p, estimate - (Z90 * se), estimate + (Z90 * se), local, displacement, kR, kB);
    }
}
