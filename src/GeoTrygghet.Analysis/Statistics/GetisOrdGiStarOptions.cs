namespace GeoTrygghet.Analysis.Statistics;

/// <summary>
/// Gi* parameters: the distance band in metres (inclusive; null = chosen automatically, see
/// <see cref="DistanceBandSelector"/>) and whether the false discovery rate is controlled (on by default).
/// </summary>
public sealed record GetisOrdGiStarOptions(double? BandMeters = null, bool Fdr = true);
