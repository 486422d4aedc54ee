namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// Per cell: z (the Gi* statistic, a standard normal deviate under the null), the two-sided p, and the
/// confidence bin; with the band used, whether it was chosen automatically and how, and the FDR setting.
/// </summary>
public sealed record GetisOrdGiStarResult(double[] Z, double[] P, int[] Bins, double BandMeters, string BandOrigin, bool Fdr, int[] NeighbourCounts);
