using GeoTrygghet.Analysis.Grids;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>
/// What a planner may set for a hotspot method; what is left null is chosen automatically and reported. Each method
/// reads the values it takes (<see cref="HotspotMethods.Parameters"/>) and ignores the others.
/// </summary>
public sealed record HotspotParameters
{
    /// <summary>Grid cell in metres (Gi*, Moran, KDE).</summary>
    public double? Cell { get; init; }

    public GridShape Grid { get; init; } = GridShape.Square;

    /// <summary>Distance band in metres between cell centres (Gi*, Moran).</summary>
    public double? Band { get; init; }

    /// <summary>Benjamini-Hochberg false discovery rate (Gi*, Moran).</summary>
    public bool Fdr { get; init; } = true;

    public double Eps { get; init; }

    public int MinPoints { get; init; }

    public double? TimeEpsHours { get; init; }

    /// <summary>Kernel radius in metres (KDE).</summary>
    public double? Bandwidth { get; init; }

    /// <summary>Dual KDE: the points to divide by, with the name they are reported under.</summary>
    public (string Name, PointTable Points)? RatioTo { get; init; }

    public int Permutations { get; init; } = 999;

    public int Seed { get; init; } = 1;
}
