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
    public static readonly Option<string[]> AllowedHosts = new("--allowed-hosts")
    {
        Description = "host names or addresses clients use to reach the service, besides loopback and those in --urls (requests naming another Host are refused); repeatable or comma-separated",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> Public = new("--public")
    {
        Description = "public mode: incidents and reports only as counts per fixed cell, calendar month and category group (small counts as 'färre än 5'); measures and their evaluations; no points, hotspot runs, overlays, plans or analyses",
    };

    public static readonly Option<double> PublicCell = new("--public-cell-m") { Description = "public mode: cell size in metres (at least 100)", DefaultValueFactory = _ => 250 };

    public static readonly Option<int> PublicMinCount = new("--public-min-count") { Description = "public mode: smallest count shown as a number (3-100)", DefaultValueFactory = _ => 5 };

    public static readonly Option<string[]> TrustedProxies = new("--trusted-proxy")
    {
        Description = "the address of a TLS-terminating reverse proxy in front of the service: its X-Forwarded-For and X-Forwarded-Proto are believed (the client's address for the sign-in limit, https for Secure cookies); from anyone else they are ignored; repeatable or comma-separated",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<bool> SecureCookies = new("--secure-cookies")
    {
        Description = "mark the session cookie Secure even when the request does not say it came over HTTPS (behind a proxy that does not send X-Forwarded-Proto)",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the map layers (vector and raster tiles, TileJSON, catalog at /tiles, OGC API - Features at /ogc) on 127.0.0.1:5080 by default; builds and serves the web viewer from maps/ at /.")
        {
            Urls, DetailZoom, Public, PublicCell, PublicMinCount, AllowedHosts, TrustedProxies, SecureCookies,
        };
        command.SetAction(parse => CliRun.Guard(() => Serve(parse)));
        return command;
    }

    /// <summary>
    /// Builds the web viewer into maps/dist when its sources changed (maps/build.sh: npm ci, esbuild); a viewer
    /// that cannot be built is reported and the layers are served without it.
    /// </summary>
    private static bool BuildViewer()
    {
        var script = Path.Combine(ProjectPaths.Root, "maps", "build.sh");
        if (!File.Exists(script))
        {
            return File.Exists(Path.Combine(ProjectPaths.Root, "maps", "dist", "index.html"));
        }

        using var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [script]) { UseShellExecute = false })!;
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            Console.Error.WriteLine($"warning: the web viewer could not be built (maps/build.sh exited {build.ExitCode}); the layers are served without it.");
        }

        return File.Exists(Path.Combine(ProjectPaths.Root, "maps", "dist", "index.html"));
    }

    public static int Serve(ParseResult parse)
    {
        var cs = ConnectionResolver.Resolve();
        SchemaManager.Check(cs);
        if (SchemaManager.SuperuserRole(cs) is { } role)
        {
            Console.Error.WriteLine($"warning: the service connects to {SchemaManager.Describe(cs)} as '{role}', a SUPERUSER: a flaw in the service would reach every database and the server's files and programs. Connect as a role that owns the GeoTrygghet tables and nothing more (./gt db up makes one, 'geotrygghet', for the project's cluster).");
        }

        // The service reads as its own role under row-level security (issue #10); a missing role is said now, not at the first request.
        Data.Access.ServiceRole.Grant(cs);
        var options = new ServerOptions
        {
            ConnectionString = cs,
            Urls = parse.GetValue(Urls)!,
            DetailZoom = parse.GetValue(DetailZoom),
            PublicMode = parse.GetValue(Public),
            PublicCellMetres = parse.GetValue(PublicCell),
            PublicMinCount = parse.GetValue(PublicMinCount),
            AnalysisSrid = SchemaManager.AnalysisSrid(cs),
            StaticFolder = Path.Combine(ProjectPaths.Root, "maps", "dist"),
            AllowedHosts = parse.GetValue(AllowedHosts)?.SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
            TrustedProxies = (parse.GetValue(TrustedProxies) ?? []).SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(a => System.Net.IPAddress.TryParse(a, out var ip) ? ip : throw new FormatException($"--trusted-proxy '{a}' is not an IP address (the proxy's address as the service sees it, e.g. 127.0.0.1)"))
                .ToList(),
            SecureCookies = parse.GetValue(SecureCookies),
            Oidc = DeploymentConfig.Oidc(),
        };
        if (Server.Public.PublicCells.SettingsProblem(options.PublicCellMetres, options.PublicMinCount) is { } problem)
        {
            throw new FormatException($"--public-cell-m / --public-min-count: {problem}.");
        }

        var viewer = BuildViewer();
        var app = ServerApp.Build(options);
        var exposed = Server.Security.RequestGuard.NotLoopback(options.Urls);
        Console.WriteLine($"GeoTrygghet serves the map layers on {options.Urls} (catalog: {FirstUrl(options.Urls)}/tiles). Stop with Ctrl+C.");
        if (exposed.Count > 0)
        {
            Console.Error.WriteLine($"warning: {string.Join(", ", exposed)} is NOT loopback: anyone who can reach it can read the public view and try to sign in. The service answers to the hosts {string.Join(", ", Server.Security.RequestGuard.AllowedHosts(options).Order(StringComparer.Ordinal))} (--allowed-hosts adds the names clients use).");
        }

        if (viewer)
        {
            Console.WriteLine($"Open {FirstUrl(options.Urls)}/ in a browser for the map viewer.");
        }
        app.Run();
        return CliRun.Ok;
    }

    private static string FirstUrl(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0].TrimEnd('/');
}
