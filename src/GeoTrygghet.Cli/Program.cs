using System.CommandLine;
using GeoTrygghet.Cli.Commands;

var root = new RootCommand("GeoTrygghet: hotspots, patrol presence and evaluation of situational measures for municipalities and local police.")
{
    DbCommands.Create(),
    ImportCommand.Create(),
    FieldsCommand.Create(),
    DemoCommands.Create(),
    HotspotCommands.Create(),
    ServeCommand.Create(),

};
return root.Parse(args).Invoke();
