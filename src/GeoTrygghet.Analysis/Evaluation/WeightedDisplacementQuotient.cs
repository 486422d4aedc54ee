namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// The weighted displacement quotient (Bowers &amp; Johnson 2003, "Measuring the geographical displacement
/// and diffusion of benefit effects of crime prevention activity", Journal of Quantitative Criminology 19(3)):
/// <c>WDQ = (B1/C1 − B0/C0) / (R1/C1 − R0/C0)</c>. The denominator is the success measure: below 0 the
/// treated area did better than the control. The quotient only means something when the success measure
/// is below 0; then above 0 is a diffusion of benefits to the buffer, below 0 displacement into it, and
/// below −1 more displaced than prevented.
/// </summary>
public static class WeightedDisplacementQuotient
{
    public sealed record Result(double? SuccessMeasure, double? Quotient, double? BufferMeasure, string Reading);

    public static Result Compute(BeforeAfterCounts n)
    {
        if (n.C0 <= 0 || n.C1 <= 0)
        {
            return new Result(null, null, null, "undefined: the control area has no events in one of the periods");
        }

        double c0 = n.C0, c1 = n.C1;
        var success = (n.R1 / c1) - (n.R0 / c0);
        var buffer = (n.B1 / c1) - (n.B0 / c0);
        if (success == 0)
        {
            return new Result(success, null, buffer, "undefined: the treated area changed exactly as the control (success measure 0)");
        }

        var wdq = buffer / success;
        return new Result(success, wdq, buffer, Read(success, wdq));
    }

    // Bowers & Johnson 2003, table 2.
    private static string Read(double success, double wdq) =>
        success > 0 ? "no success: the treated area did worse than the control, so the quotient says nothing about displacement"
        : wdq > 1 ? "diffusion of benefits greater than the direct effect"
        : wdq > 0 ? "diffusion of benefits to the buffer"
        : wdq == 0 ? "neither displacement nor diffusion"
        : wdq >= -1 ? "some displacement, smaller than the direct effect"
        : "displacement greater than the direct effect (the measure was counterproductive)";
}
