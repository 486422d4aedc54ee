using System.Globalization;
using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;

namespace GeoTrygghet.Core.Hotspots.Methods;

/// <summary>
/// The hotspot methods a run can be made with, by the name the command line and <c>POST /analyses</c> use, and the
/// steps they share (the grid over the points, the automatic cell and band, the floor of events).
/// </summary>
public static class HotspotMethods
{
    /// <summary>The parameters each method takes, by their request names.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Parameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["gistar"] = ["cell", "grid", "band", "fdr"],
        ["moran"] = ["cell", "grid", "band", "fdr", "permutations", "seed"],
        ["dbscan"] = ["eps", "min_points", "time_eps_hours"],
        ["kde"] = ["cell", "bandwidth"],
    };

    /// <summary>A grid of the command line may have this many cells; the map service sets its own, lower bound.</summary>
    public const long MaxCells = 25_000_000;

    /// <summary>
    /// Below this many events a hot cell says nothing: Gi* or Moran would call a cell with two of three events
    /// "99 % hot". Thirty is a conventional floor for reading z-scores of counts as normal; it is GeoTrygghet's rule,
    /// stated in the error so the user knows why.
    /// </summary>
    public const int MinimumEventsForCellStatistics = 30;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs <paramref name="method"/> on the points; <paramref name="input"/> says where they came from, for the report.</summary>
    public static HotspotOutcome Run(string method, PointTable points, string input, HotspotParameters parameters, int srid, CancellationToken cancel = default) => method switch
    {
        "gistar" => GiStarHotspots.Run(points, input, parameters, srid, cancel),
        "moran" => MoranHotspots.Run(points, input, parameters, srid, cancel),
        "dbscan" => DbscanHotspots.Run(points, input, parameters, srid, cancel),
        "kde" => KdeHotspots.Run(points, input, parameters, srid, cancel),
        _ => throw new AnalysisException($"there is no hotspot method '{method}'; use one of {string.Join(", ", Parameters.Keys)}."),
    };

    public static void RequireEvents(PointTable points, string method)
    {
        if (points.Count < MinimumEventsForCellStatistics)
        {
            throw new AnalysisException(string.Create(Inv,
                $"{method} needs at least {MinimumEventsForCellStatistics} events to tell a hot cell from chance; there are {points.Count}. Take a longer period or a larger area."));
        }
    }

    public static (GridSpec Spec, GridCounts Counts) Aggregate(PointTable points, double? cell, GridShape shape, Dictionary<string, string> automatic)
    {
        var spec = Grid(points, cell, shape, automatic);
        return (spec, GridCounts.Aggregate(spec, points.X, points.Y, points.Weight));
    }

    /// <summary>The grid over the points' extent with the cell given, or the automatic one recorded in <paramref name="automatic"/>.</summary>
    public static GridSpec Grid(PointTable points, double? cell, GridShape shape, Dictionary<string, string> automatic)
    {
        var (minX, minY, maxX, maxY) = Extent(points);
        if (cell is null)
        {
            cell = CellSizeRule.Choose(maxX - minX, maxY - minY);
            automatic["cell_m"] = CellSizeRule.Describe(maxX - minX, maxY - minY);
        }

        return GridSpec.Covering(shape, cell.Value, minX, minY, maxX, maxY, MaxCells);
    }

    /// <summary>The band given, or the automatic one with how it was chosen recorded in <paramref name="automatic"/>.</summary>
    public static double Band(double? given, double[] cx, double[] cy, double[] counts, double cellSize, Dictionary<string, string> automatic, CancellationToken cancel = default)
    {
        if (given is { } band)
        {
            return band > 0 ? band : throw new AnalysisException("the distance band must be a positive number of metres.");
        }

        var choice = DistanceBandSelector.Choose(cx, cy, counts, cellSize, cancel);
        automatic["band_m"] = choice.Reason;
        return choice.BandMeters;
    }

    public static (double MinX, double MinY, double MaxX, double MaxY) Extent(PointTable points)
    {
        if (points.Count == 0)
        {
            throw new AnalysisException("the input has no points.");
        }

        return (points.X.Min(), points.Y.Min(), points.X.Max(), points.Y.Max());
    }

    internal static string GridName(GridSpec spec) => spec.Shape == GridShape.Square ? "square" : "hex";

    internal static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
