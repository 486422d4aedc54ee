namespace GeoTrygghet.Analysis.Evaluation;

/// <summary>
/// Events before (0) and after (1) a measure in the treated area R, the displacement buffer B around it
/// and the control area C: the six numbers every before/after design starts from.
/// </summary>
public sealed record BeforeAfterCounts(long R0, long R1, long B0, long B1, long C0, long C1)
{
    public long Total => R0 + R1 + B0 + B1 + C0 + C1;
}
