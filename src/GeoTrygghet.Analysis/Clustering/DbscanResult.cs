namespace GeoTrygghet.Analysis.Clustering;

/// <summary>
/// Per input point: its cluster (0, 1, … in order of discovery; −1 for noise) and whether it is a core
/// point. A border point belongs to the first cluster that reached it.
/// </summary>
public sealed record DbscanResult(int[] Labels, bool[] IsCore, int ClusterCount)
{
    public int NoiseCount => Labels.Count(l => l < 0);
}
