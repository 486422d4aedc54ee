namespace GeoTrygghet.Core.Crs;

public sealed class UnknownCrsException(int srid, IReadOnlyList<int> known)
    : Exception($"EPSG:{srid} is not a CRS GeoTrygghet knows. Known: {string.Join(", ", known.Select(k => $"EPSG:{k}"))}.")
{
    public int Srid { get; } = srid;
}
