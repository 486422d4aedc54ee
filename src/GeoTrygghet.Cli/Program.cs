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
    EvaluateCommand.Create(),
    OverlayCommand.Create(),
    PatrolCommand.Create(),
    OrgsCommand.Create(),
    UsersCommand.Create(),
    SharingCommand.Create(),
    AuditCommand.Create(),
    RetentionCommand.Create(),
    ReportCommand.Create(),
};
var parsed = root.Parse(args, CliRun.Parser);
if (parsed.Errors.Count > 0)
{
    // A command line that cannot be used: the errors and how to get help, exit code 2 as documented.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    var names = new List<string>();
    for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
    {
        if (result.Command is not RootCommand)
        {
            names.Insert(0, result.Command.Name);
        }
    }

    Console.Error.WriteLine($"Run ./gt {string.Join(' ', names.Append("--help"))} for the options.");
    return 2;
}

return parsed.Invoke();
