namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots dbscan</c>: DBSCAN and ST-DBSCAN, with cluster polygons.</summary>
internal static partial class HotspotCommands
{
    private static Command Dbscan()
    {
        var source = new PointOptions();
        var output = Out();
        var eps = new Option<double>("--eps") { Description = "neighbourhood radius in metres (inclusive)", Required = true };
        var minPoints = new Option<int>("--min-points") { Description = "points within eps, the point itself included, that make a core point", Required = true };
        var timeEps = new Option<double?>("--time-eps-hours") { Description = "ST-DBSCAN: neighbours must also be within this many hours (needs time_from)" };
        var clusters = new Option<string?>("--clusters") { Description = "also write the clusters as polygons (GeoJSON) with count, categories, first/last time and hour-of-week profile" };
        var command = new Command("dbscan", "DBSCAN (Ester et al. 1996) or ST-DBSCAN: output CSV id,cluster (−1 = noise).") { output, eps, minPoints, timeEps, clusters };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() => RunMethod(parse, "dbscan", source, output, (_, _) => new HotspotParameters
        {
            Eps = parse.GetValue(eps), MinPoints = parse.GetValue(minPoints), TimeEpsHours = parse.GetValue(timeEps),
        }, parse.GetValue(clusters))));
        return command;
    }
}
