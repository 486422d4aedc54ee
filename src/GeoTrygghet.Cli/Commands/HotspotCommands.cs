using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GeoTrygghet.Analysis.Clustering;
using GeoTrygghet.Analysis.Density;
using GeoTrygghet.Analysis.Grids;
using GeoTrygghet.Analysis.Statistics;
using GeoTrygghet.Analysis;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Core.Crs;
using GeoTrygghet.Core.Hotspots.Methods;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Output.Hotspots;

namespace GeoTrygghet.Cli.Commands;

/// <summary>
/// <c>gt hotspots dbscan|gistar|kde</c> on a file (the CSV contract <c>id,x,y[,time_from,time_to,category,weight]</c>).
/// Every run prints its method, parameters and automatic choices, and writes them to <c>&lt;out&gt;.meta.json</c>.
/// </summary>
internal static partial class HotspotCommands
{
    /// <summary>The CRS of <c>--input</c> files unless <c>--crs</c> says otherwise (the CSV contract's metres of SWEREF 99 TM).</summary>
    private const int FileSrid = 3006;

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

    private static double Band(ParseResult parse, Option<double?> band, double[] cx, double[] cy, double[] counts, double cellSize, Dictionary<string, string> automatic) =>
        HotspotMethods.Band(parse.GetValue(band), cx, cy, counts, cellSize, automatic);

    /// <summary>The CRS a verb works in: the database's for a database run, else the file contract's (or what --crs moves the file from).</summary>
    private static int Srid(ParseResult parse, PointOptions source)
    {
        if (!source.FromDatabase(parse))
        {
            return FileSrid;
        }

        var cs = GeoTrygghet.Data.ConnectionResolver.Resolve();
        GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
        return GeoTrygghet.Data.Schema.SchemaManager.AnalysisSrid(cs);
    }

    private static GridShape Shape(ParseResult parse, Option<string> grid) => parse.GetValue(grid) == "hex" ? GridShape.Hexagon : GridShape.Square;

    /// <summary>
    /// A method of <see cref="HotspotMethods"/>: on <c>--input</c> computed here and written to <c>--out</c>; on the
    /// database run and stored by <see cref="HotspotRunner"/>, its id printed (and written to <c>--out</c> when given).
    /// </summary>
    private static void RunMethod(ParseResult parse, string method, PointOptions source, Option<string?> output, Func<string?, int, HotspotParameters> parameters, string? clustersPath = null)
    {
        var fromDatabase = source.FromDatabase(parse);
        var outPath = OutPath(parse, output, fromDatabase);
        HotspotOutcome outcome;
        int srid;
        if (fromDatabase)
        {
            var cs = GeoTrygghet.Data.ConnectionResolver.Resolve();
            GeoTrygghet.Data.Schema.SchemaManager.Check(cs);
            srid = GeoTrygghet.Data.Schema.SchemaManager.AnalysisSrid(cs);
            var run = HotspotRunner.Run(cs, new HotspotRunner.Request(method, source.DatabaseFilter(parse, srid), parameters(cs, srid), parse.GetValue(source.DarkOnly), parse.GetValue(source.Name)));
            outcome = run.Outcome;
            Console.Error.WriteLine(string.Create(Inv, $"stored as analysis run {run.RunId} '{run.Name}'"));
            Console.WriteLine(run.RunId.ToString(Inv));
        }
        else
        {
            srid = FileSrid;
            var (points, input) = source.LoadFile(parse, srid);
            if (parse.GetValue(source.DarkOnly))
            {
                var dark = points.AfterDark(srid);
                input = $"{input}, only after dark ({dark.Count} of {points.Count} events: at least half of the time span with the sun more than 6° below the horizon)";
                points = dark;
            }

            outcome = HotspotMethods.Run(method, points, input, parameters(null, srid), srid);
        }

        if (clustersPath is not null && outcome.Clusters is { } clusters)
        {
            HotspotFiles.WriteGeoJson(clustersPath, srid, outcome.Report, clusters);
        }

        Console.Error.Write(HotspotFiles.Describe(outcome.Report));
        if (outPath is not null)
        {
            HotspotFiles.Write(outcome, outPath, srid);
            Console.Error.WriteLine($"wrote {outPath} and {outPath}.meta.json");
        }
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

    private static void RequireEvents(PointTable points, string method) => HotspotMethods.RequireEvents(points, method);

    private static (GridSpec Spec, GridCounts Counts) Aggregate(PointTable points, double? cell, GridShape shape, Dictionary<string, string> automatic) =>
        HotspotMethods.Aggregate(points, cell, shape, automatic);

    private static string? OutPath(ParseResult parse, Option<string?> output, EventFilter? filter) => OutPath(parse, output, filter is not null);

    private static string? OutPath(ParseResult parse, Option<string?> output, bool fromDatabase)
    {
        var path = parse.GetValue(output);
        if (path is null && !fromDatabase)
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
    private static void Store(ParseResult parse, PointOptions source, string? cs, EventFilter? filter, int srid, AnalysisReport report, IEnumerable<(string Kind, NetTopologySuite.Geometries.Geometry Geometry, object Properties)> features)
    {
        if (cs is null || filter is null)
        {
            return;
        }

        var name = parse.GetValue(source.Name) ?? string.Create(Inv, $"{report.Method} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}");
        var id = GeoTrygghet.Data.Analysis.AnalysisStore.Save(cs, name, report, filter, srid, features, GeoTrygghet.Data.Access.AccessStore.OnlyOrganisationOf(cs, "police")).Id;
        Console.Error.WriteLine(string.Create(Inv, $"stored as analysis run {id} '{name}'"));
        Console.WriteLine(id.ToString(Inv));
    }

    private static string Csv(string value) => FeatureValues.CsvField(value);
}
