using System.CommandLine;
using GeoTrygghet.Data;
using GeoTrygghet.Data.Schema;
using GeoTrygghet.Server;

namespace GeoTrygghet.Cli.Commands;

/// <summary><c>gt serve</c>: the map layer service on the database, on 127.0.0.1 unless told otherwise.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> Urls = new("--urls") { Description = "where to listen (default: loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
    public static readonly Option<int> DetailZoom = new("--detail-zoom") { Description = "zoom from which point layers are sent point by point (below: counts per cell)", DefaultValueFactory = _ => 14 };
    public static readonly Option<bool> Public = new("--public") { Description = "public mode: incidents and reports only as counts per cell, at every zoom" };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the map layers (vector and raster tiles, TileJSON, catalog at /tiles, OGC API - Features at /ogc) on 127.0.0.1:5080 by default; the web viewer once maps/ is built (issue #5).")
        {
            Urls, DetailZoom, Public,
        };
        command.SetAction(parse => CliRun.Guard(() => Serve(parse)));
        return command;
    }

    public static int Serve(ParseResult parse)
    {
        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        var options = new ServerOptions
        {
            ConnectionString = cs,
            Urls = parse.GetValue(Urls)!,
            DetailZoom = parse.GetValue(DetailZoom),
            PublicMode = parse.GetValue(Public),
            AnalysisSrid = SchemaManager.AnalysisSrid(cs),
            StaticFolder = Path.Combine(ProjectPaths.Root, "maps", "dist"),
        };
        var app = ServerApp.Build(options);
        var loopback = options.Urls.Contains("127.0.0.1", StringComparison.Ordinal) || options.Urls.Contains("localhost", StringComparison.Ordinal);
        Console.WriteLine($"GeoTrygghet serves the map layers on {options.Urls} (catalog: {options.Urls.TrimEnd('/')}/tiles){(loopback ? string.Empty : " — NOT loopback: anyone who can reach this address can read the layers")}. Stop with Ctrl+C.");
        app.Run();
        return CliRun.Ok;
    }
}
