namespace GeoTrygghet.Analysis.Density;

/// <summary>KDE parameters: the bandwidth (search radius) in metres; null = chosen by <see cref="BandwidthRule"/>.</summary>
public sealed record KernelDensityOptions(double? BandwidthMeters = null);
