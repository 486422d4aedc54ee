namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// Per site: Ii with its analytical expectation, variance, z and two-sided p (randomisation
/// assumption), the folded permutation p, the quadrant (HH, LL, HL, LH, or "" for a site without
/// neighbours) and whether it is significant after FDR (or at α without FDR).
/// </summary>
public sealed record LocalMoranResult(
    double[] Ii, double[] ExpectedIi, double[] VarianceIi, double[] Z, double[] PAnalytical,
    double[] PPermutation, string[] Quadrant, bool[] Significant, int Permutations, int Seed, double Alpha, bool Fdr)
{
    /// <summary>Mean and variance of the simulated Iᵢ: their expectation is E[Iᵢ] and Var[Iᵢ] of conditional randomisation.</summary>
    public double[] PermutationMean { get; init; } = [];

    public double[] PermutationVariance { get; init; } = [];
}
