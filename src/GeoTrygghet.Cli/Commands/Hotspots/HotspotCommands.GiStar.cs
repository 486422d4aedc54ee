namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots gistar</c>: Getis-Ord Gi* on grid cell counts.</summary>
internal static partial class HotspotCommands
{
    private static Command GiStar()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var grid = GridOption();
        var band = BandOption();
        var fdr = FdrOption();
        var command = new Command("gistar", "Getis-Ord Gi* on grid cell counts: output CSV cx,cy,count,z,p,bin (bin −3…+3 = 99/95/90 % cold…hot).") { output, cell, grid, band, fdr };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() => RunMethod(parse, "gistar", source, output, (_, _) => new HotspotParameters
        {
            Cell = parse.GetValue(cell), Grid = Shape(parse, grid), Band = parse.GetValue(band), Fdr = parse.GetValue(fdr) == "bh",
        })));
        return command;
    }
}
