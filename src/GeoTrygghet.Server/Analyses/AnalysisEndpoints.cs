using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using GeoTrygghet.Analysis;
using GeoTrygghet.Application.Hotspots;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Data.Analysis;
using GeoTrygghet.Output.Hotspots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GeoTrygghet.Server.Analyses;

/// <summary>
/// <c>POST /analyses</c>: a hotspot analysis on an area drawn in the viewer, run in-process by the same
/// <see cref="HotspotRunner"/> as <c>gt hotspots</c>, stored as a named run and answered with its id and tile URL. Body:
/// <c>{"method": "gistar"|"dbscan"|"kde"|"moran", "area": GeoJSON geometry (CRS84), "name"?, "from"?, "to"?,
/// "category"?: [], "source"?: [], "hours"?: "18-6", "include"?: "incidents"|"reports"|"both", "dark_only"?: bool,
/// "parameters"?: {"cell", "band", "grid", "fdr", "eps", "min_points", "bandwidth", …}}</c>. One analysis runs at a
/// time (two cores), for at most <see cref="AnalysisLimits.RunTime"/>, and stops when its client leaves; not offered
/// in public mode.
/// </summary>
public static class AnalysisEndpoints
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/analyses", async (HttpContext http, ServerOptions options, Security.ServiceDatabase database) =>
        {
            // Analyses run on single events: for the analysts and coordinators, on the events they see exactly.
            if (Security.RequestViewer.Viewer(http) is not { MayAnalyse: true } viewer)
            {
                return Security.RequestViewer.Refused(http, options, "Analyser av enskilda händelser");
            }

            var db = database.For(http);

            JsonObject body;
            try
            {
                body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject() ?? throw new JsonException("empty body");
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Problems.BadRequest($"The body is not a JSON object: {e.Message}");
            }

            var parsed = AnalysisRequest.Parse(body, options.Crs.Srid);
            var filter = parsed.Run.Filter with { Owners = viewer.Owners };
            if ((filter.UsesIncidents && viewer.Incidents != Core.Access.LayerAccess.Exact) || (filter.UsesReports && viewer.Reports != Core.Access.LayerAccess.Exact))
            {
                return Security.RequestViewer.Refused(http, options, $"Analys av {(filter.UsesIncidents && viewer.Incidents != Core.Access.LayerAccess.Exact ? "polisanmälda händelser" : "EST-rapporter")}, som organisationen ser som antal per ruta,");
            }

            var request = parsed with { Run = parsed.Run with { Filter = filter, Org = viewer.Org } };
            var cs = database.ConnectionString(http);
            // Two runs may not share a name: a taken one is refused before minutes of work, and the default carries a
            // random part so that analyses started in the same second do not collide.
            var name = request.Name is { Length: > 0 } given ? given
                : string.Create(CultureInfo.InvariantCulture, $"viewer {request.Method} {Core.Time.StockholmTime.Format(DateTimeOffset.UtcNow)} {Guid.NewGuid().ToString("N")[..6]}");
            if (await AnalysisRuns.NameTakenAsync(db, name, http.RequestAborted))
            {
                return Conflict(name);
            }

            if (!await OneAtATime.WaitAsync(AnalysisLimits.SlotWait, http.RequestAborted))
            {
                http.Response.Headers.RetryAfter = "30";
                return Results.Problem("Another analysis is running; try again in a while.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
            }

            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
                limit.CancelAfter(AnalysisLimits.RunTime);
                HotspotRunner.Result run;
                try
                {
                    // The work is CPU-bound: on a pool thread, so the request's thread is not held while it runs.
                    run = await Task.Run(() => HotspotRunner.Run(cs, request.Run with { Name = name }, limit.Token), limit.Token);
                }
                catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
                {
                    return Results.Problem(string.Create(CultureInfo.InvariantCulture,
                        $"the analysis ran longer than {AnalysisLimits.RunTime.TotalMinutes} minutes and was stopped; take a larger cell, a shorter band or a smaller area"),
                        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Analysis stopped");
                }
                catch (AnalysisException e)
                {
                    return Problems.BadRequest($"the analysis did not run: {e.Message}");
                }
                catch (Data.DatabaseException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    return Conflict(name);
                }

                var baseUrl = Tiles.TileEndpoints.Base(http);
                return Results.Json(new
                {
                    run = new { id = run.RunId, name = run.Name, method = request.Method, features = run.Features },
                    tiles = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/tiles/hotspots/{{z}}/{{x}}/{{y}}.mvt?run={run.RunId}"),
                    log = HotspotFiles.Describe(run.Outcome.Report),
                }, statusCode: StatusCodes.Status201Created);
            }
            finally
            {
                OneAtATime.Release();
            }
        }).DisableRequestTimeout();

        return app;
    }

    private static IResult Conflict(string name) =>
        Results.Problem($"name: a run named '{name}' exists already; choose another name.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
