using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt hotspots dbscan|gistar|kde</c> on a file (the CSV contract <c>id,x,y[,time_from,time_to,category,weight]</c>).
/// Every run prints its method, parameters and automatic choices, and writes them to <c>&lt;out&gt;.meta.json</c>.
/// </summary>
internal static partial class HotspotCommands
{
    private const int AnalysisSrid = 3006;
    private const long MaxCells = 25_000_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var hotspots = new Command("hotspots", "Find hotspots: DBSCAN clusters, Getis-Ord Gi* cells with FDR, kernel density. File mode reads --input.");
        hotspots.Add(Dbscan());
        hotspots.Add(GiStar());
        hotspots.Add(Kde());
        hotspots.Add(Moran());
        hotspots.Add(Knox());
        hotspots.Add(Accuracy());
        hotspots.Add(Emerging());
        hotspots.Add(Runs());
        return hotspots;
    }

    private static Option<double?> CellOption() => new("--cell") { Description = "cell size in metres (default: automatic, reported)" };

    private static Option<string> GridOption()
    {
        var grid = new Option<string>("--grid") { Description = "square or hex", DefaultValueFactory = _ => "square" };
        grid.AcceptOnlyFromAmong("square", "hex");
        return grid;
    }

    private static Option<double?> BandOption() =>
        new("--band") { Description = "distance band in metres between cell centres, inclusive (default: automatic by incremental spatial autocorrelation, reported)" };

    private static Option<string> FdrOption()
    {
        var fdr = new Option<string>("--fdr") { Description = "bh (Benjamini-Hochberg false discovery rate, default) or none", DefaultValueFactory = _ => "bh" };
        fdr.AcceptOnlyFromAmong("bh", "none");
        return fdr;
    }

    /// <summary>The band given, or the automatic one with how it was chosen recorded in <paramref name="automatic"/>.</summary>
    private static double Band(ParseResult parse, Option<double?> band, double[] cx, double[] cy, double[] counts, double cellSize, Dictionary<string, string> automatic)
    {
        if (parse.GetValue(band) is { } given)
        {
            return given > 0 ? given : throw new AnalysisException("the distance band must be a positive number of metres.");
        }

        var choice = DistanceBandSelector.Choose(cx, cy, counts, cellSize);
        automatic["band_m"] = choice.Reason;
        return choice.BandMeters;
    }

    private static Option<string?> Out() => new("--out") { Description = "output file: .csv for the column contract, .geojson for features (required with --input; optional for a stored database run)" };

    private static Command Runs()
    {
        var command = new Command("runs", "List the analysis runs stored in the database (id, name, method, when, features, filters).");
        var target = new Argument<string>("run") { Description = "the run's id or name" };
        var delete = new Command("delete", "Delete a stored analysis run and its features.") { target };
        delete.SetAction(parse => CliRun.Guard(() =>
        {
            var cs = GeoTrygghet.Data.ConnectionResolver.Resolve();
            GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
            var name = GeoTrygghet.Data.Analysis.AnalysisStore.Delete(cs, parse.GetValue(target)!)
                ?? throw new FormatException($"there is no analysis run '{parse.GetValue(target)}'; ./gt hotspots runs lists them.");
            Console.WriteLine($"deleted analysis run '{name}'");
            return CliRun.Ok;
        }));
        command.Add(delete);
        command.SetAction(_ => CliRun.Guard(() =>
        {
            var cs = GeoTrygghet.Data.ConnectionResolver.Resolve();
            GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
            Console.WriteLine("id\tname\tmethod\tcreated\tfeatures\tfilters");
            foreach (var run in GeoTrygghet.Data.Analysis.AnalysisStore.List(cs))
            {
                Console.WriteLine(string.Create(Inv, $"{run.Id}\t{run.Name}\t{run.Method}\t{StockholmTime.Format(run.CreatedAt)}\t{run.Features} features\t{run.Filters}"));
            }

            return CliRun.Ok;
        }));
        return command;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>
    /// Below this many events a hot cell says nothing: Gi* or Moran would call a cell with two of
    /// three events "99 % hot". Thirty is a conventional floor for reading z-scores of counts as
    /// normal; it is GeoTrygghet's rule, stated in the error so the user knows why.
    /// </summary>
    private const int MinimumEventsForCellStatistics = 30;

    private static void RequireEvents(PointTable points, string method)
    {
        if (points.Count < MinimumEventsForCellStatistics)
        {
            throw new AnalysisException(string.Create(Inv,
                $"{method} needs at least {MinimumEventsForCellStatistics} events to tell a hot cell from chance; there are {points.Count}. Take a longer period or a larger area."));
        }
    }

    private static (GridSpec Spec, GridCounts Counts) Aggregate(PointTable points, double? cell, GridShape shape, Dictionary<string, string> automatic)
    {
        var (minX, minY, maxX, maxY) = Extent(points);
        if (cell is null)
        {
            cell = CellSizeRule.Choose(maxX - minX, maxY - minY);
            automatic["cell_m"] = CellSizeRule.Describe(maxX - minX, maxY - minY);
        }

        var spec = GridSpec.Covering(shape, cell.Value, minX, minY, maxX, maxY, MaxCells);
        return (spec, GridCounts.Aggregate(spec, points.X, points.Y, points.Weight));
    }

    private static (double MinX, double MinY, double MaxX, double MaxY) Extent(PointTable points)
    {
        if (points.Count == 0)
        {
            throw new AnalysisException("the input has no points.");
        }

        return (points.X.Min(), points.Y.Min(), points.X.Max(), points.Y.Max());
    }

    private static string? OutPath(ParseResult parse, Option<string?> output, PointFilter? filter)
    {
        var path = parse.GetValue(output);
        if (path is null && filter is null)
        {
            throw new AnalysisException("--out is required with --input.");
        }

        if (path is not null && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !HotspotFiles.IsGeoJson(path) && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new AnalysisException($"--out {path}: the format comes from the extension; use .csv or .geojson (.json for accuracy).");
        }

        return path;
    }

    private static void Finish(string? outPath, AnalysisReport report)
    {
        Console.Error.Write(HotspotFiles.Describe(report));
        if (outPath is not null)
        {
            HotspotFiles.WriteReport(outPath, report);
            Console.Error.WriteLine($"wrote {outPath} and {outPath}.meta.json");
        }
    }

    /// <summary>A database run is stored with its features, for the map service and for next quarter.</summary>
    private static void Store(ParseResult parse, PointOptions source, string? cs, PointFilter? filter, AnalysisReport report, IEnumerable<(string Kind, NetTopologySuite.Geometries.Geometry Geometry, object Properties)> features)
    {
        if (cs is null || filter is null)
        {
            return;
        }

        var name = source.RunName(parse, report.Method);
        var id = GeoTrygghet.Data.Analysis.AnalysisStore.Save(cs, name, report, filter, AnalysisSrid, features);
        Console.Error.WriteLine(string.Create(Inv, $"stored as analysis run {id} '{name}'"));
        Console.WriteLine(id.ToString(Inv));
    }

    private static string Csv(string value) => Core.Import.RejectsWriter.Quote(value);
}
