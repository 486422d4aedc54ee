using System.Globalization;
using System.Net.Sockets;
using GeoTrygghet.Server.Security;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Ogc;
using GeoTrygghet.Server.Overlay;
using GeoTrygghet.Server.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GeoTrygghet.Server;

/// <summary>
/// Builds the map layer service: tiles, the viewer's static files, and errors as problem details —
/// 400 for a bad parameter, 404 for an unknown layer, 503 with Retry-After while the database is away
/// (the service keeps running and answers again when it is back). Listens on loopback unless told
/// otherwise.
/// </summary>
public static class ServerApp
{
    public static WebApplication Build(ServerOptions options, string[]? args = null)
    {
        if (Public.PublicCells.SettingsProblem(options.PublicCellMetres, options.PublicMinCount) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        // SIGTERM or Ctrl+C stops the service within seconds, whatever requests are still running.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A bad request (an unknown measure, a bad filter) is answered as a problem, not logged as a crash; the
        // handler below logs the real failures itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
        builder.Services.AddSingleton(options);
        // Requests read the database only through this: as the service's role, for the reader's organisation (issue #10).
        builder.Services.AddSingleton<ServiceDatabase>();
        builder.Services.AddSingleton<SignInLimiter>();
        builder.Services.AddSingleton<LayerOwners>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        if (options.Oidc is { } oidc && !options.PublicMode)
        {
            builder.Services.AddOidc(oidc);
        }
        builder.Services.AddSingleton(sp => new DataVersions(options.ConnectionString, sp.GetRequiredService<ILogger<DataVersions>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DataVersions>());
        builder.Services.AddSingleton(new TileCache());
        builder.Services.AddSingleton<LayerExtents>();
        builder.Services.AddSingleton<Overlay.OverlayCache>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async http =>
        {
            var e = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, title, detail) = e switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Body too large",
                    string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {options.MaxRequestBodyBytes:N0} bytes accepted.")),
                BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (StatusCodes.Status503ServiceUnavailable, "Too slow",
                    string.Create(CultureInfo.InvariantCulture, $"The request took longer than {options.RequestTimeout.TotalSeconds:0} s and was stopped.")),
                BusyException => (StatusCodes.Status503ServiceUnavailable, "Busy", e.Message),
                FilterException f => (StatusCodes.Status400BadRequest, "Bad request", f.Message),
                Core.Evaluation.EvaluationException or Analysis.AnalysisException => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
                Application.Reporting.ReportException => (StatusCodes.Status404NotFound, "Not found", e.Message),
                Data.DatabaseException { InnerException: NpgsqlException or SocketException or TimeoutException } => (StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                    "The database cannot be reached at the moment; the service will answer again when it is back."),
                Data.DatabaseException { InnerException: null } => (StatusCodes.Status404NotFound, "Not found", e.Message),
                PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                    => (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "The database is restarting or refusing connections; the service will answer again when it is back."),
                PostgresException => (StatusCodes.Status500InternalServerError, "Internal error", "The database refused the layer's query; the service log says more."),
                NpgsqlException or SocketException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                    "The database cannot be reached at the moment; the service will answer again when it is back."),
                _ => (StatusCodes.Status500InternalServerError, "Internal error", "The request failed; the service log says more."),
            };
            if (status == StatusCodes.Status500InternalServerError)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GeoTrygghet.Server").LogError(e, "Request {Path} failed", http.Request.Path);
            }

            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                http.Response.Headers.RetryAfter = e is BusyException ? "30" : "5";
            }

            http.Response.StatusCode = status;
            await Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
        }));
        if (options.TrustedProxies.Count > 0)
        {
            // Behind a TLS-terminating proxy (issue #10): only its own word on the client's address and scheme is taken, so
            // the sign-in limit counts clients, not the proxy, and the session cookie is Secure.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseRequestGuard(options);
        app.UseSignIn(options);
        if (options.Oidc is not null && !options.PublicMode)
        {
            // Only the OpenID Connect callback: who a request reads as is the SignIn middleware's.
            app.UseAuthentication();
        }

        AuditTrail.Use(app, app.Services.GetRequiredService<AuditTrail>());
        app.UsePublicView(options);
        app.UseRequestTimeouts();
        if (options.StaticFolder is { } folder && Directory.Exists(folder))
        {
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetFullPath(folder));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        if (options.StaticFolder is null || !File.Exists(Path.Combine(options.StaticFolder, "index.html")))
        {
            // Until the viewer is built, the root says what the service offers.
            app.MapGet("/", (HttpContext http) => Results.Json(new
            {
                service = "GeoTrygghet map layers",
                catalog = $"{Tiles.TileEndpoints.Base(http)}/tiles",
                ogc = $"{Tiles.TileEndpoints.Base(http)}/ogc",
                raster = $"{Tiles.TileEndpoints.Base(http)}/raster/{{layer}}/{{z}}/{{x}}/{{y}}.png",
                viewer = "not built yet (maps/, issue #5)",
            }));
        }

        app.MapSignInEndpoints(options);
        if (options.Oidc is not null && !options.PublicMode)
        {
            app.MapOidcEndpoints();
        }
        app.MapTileEndpoints();
        Public.PublicEndpoints.MapPublicEndpoints(app);
        app.MapOgcEndpoints();
        app.MapOverlayEndpoints();
        Analyses.AnalysisEndpoints.MapAnalysisEndpoints(app);
        Patrol.PatrolEndpoints.MapPatrolEndpoints(app);
        Reports.ReportEndpoints.MapReportEndpoints(app);
        return app;
    }
}
