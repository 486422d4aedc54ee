namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots kde</c>: quartic kernel density at cell centres.</summary>
internal static partial class HotspotCommands
{
    private static Command Kde()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var bandwidth = new Option<double?>("--bandwidth") { Description = "kernel radius in metres (default: automatic from both axes, reported)" };
        var ratioTo = new Option<string?>("--ratio-to") { Description = "dual KDE: divide by the density of 'lights' (working street lights in the database) or of the points in a CSV file (id,x,y); adds columns denominator,ratio" };
        var command = new Command("kde", "Kernel density, quartic kernel, at cell centres: output CSV cx,cy,density (events per km²); with --ratio-to also denominator,ratio.") { output, cell, bandwidth, ratioTo };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() => RunMethod(parse, "kde", source, output, (cs, srid) => new HotspotParameters
        {
            Cell = parse.GetValue(cell),
            Bandwidth = parse.GetValue(bandwidth),
            RatioTo = parse.GetValue(ratioTo) switch
            {
                null => null,
                "lights" => ("lights", GeoTrygghet.Data.Analysis.PointSource.WorkingLights(cs ?? GeoTrygghet.Data.ConnectionResolver.Resolve())),
                var file => (file, PointTable.ReadCsv(file, null, srid)),
            },
        })));
        return command;
    }
}
