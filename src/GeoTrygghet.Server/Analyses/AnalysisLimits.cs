namespace GeoTrygghet.Server.Analyses;

/// <summary>
/// The most one analysis asked for over HTTP may take, so that no request can hold the service's memory or its one
/// analysis slot for minutes (a 1 m Gi* grid ran past 150 s, 99,999 Moran permutations took 6.45 GB). The command
/// line keeps its own, wider limits: there the user waits for their own work. README lists these.
/// </summary>
public static class AnalysisLimits
{
    /// <summary>Cells of one grid over the drawn area.</summary>
    public const long MaxCells = 1_000_000;

    /// <summary>A band or kernel radius, in cells of the grid it works on.</summary>
    public const double MaxReachInCells = 25;

    public const double MinCellMetres = 5;

    public const double MaxDistanceMetres = 5_000;

    public const double MaxEpsMetres = 1_000;

    public const int MaxMinPoints = 10_000;

    public const int MaxPermutations = 9_999;

    /// <summary>Vertices of the drawn area, all rings together.</summary>
    public const int MaxVertices = 20_000;

    public const int MaxNameLength = 120;

    public const int MaxTextLength = 100;

    public const int MaxListValues = 50;

    /// <summary>How long one analysis may run before it is stopped and answered with 503.</summary>
    public static readonly TimeSpan RunTime = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for the analysis slot before it is told to come back (503, Retry-After).</summary>
    public static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(20);
}
