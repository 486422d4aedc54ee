namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt hotspots moran</c>: local Moran's I with permutation inference.</summary>
internal static partial class HotspotCommands
{
    private static Command Moran()
    {
        var source = new PointOptions();
        var output = Out();
        var cell = CellOption();
        var grid = GridOption();
        var band = BandOption();
        var permutations = new Option<int>("--permutations") { Description = "conditional permutations", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same p-values", DefaultValueFactory = _ => 1 };
        var fdr = FdrOption();
        var command = new Command("moran", "Local Moran's I (Anselin 1995) on grid cell counts: output CSV cx,cy,count,ii,z,p,p_perm,quadrant,significant.")
        {
            output, cell, grid, band, permutations, seed, fdr,
        };
        source.AddTo(command);
        command.SetAction(parse => CliRun.Guard(() => RunMethod(parse, "moran", source, output, (_, _) => new HotspotParameters
        {
            Cell = parse.GetValue(cell), Grid = Shape(parse, grid), Band = parse.GetValue(band), Fdr = parse.GetValue(fdr) == "bh",
            Permutations = parse.GetValue(permutations), Seed = parse.GetValue(seed),
        })));
        return command;
    }
}
