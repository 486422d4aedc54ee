using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GeoTrygghet.Server.Analyses;

/// <summary>
/// <c>POST /analyses</c>: a hotspot analysis on an area drawn in the viewer, run by the same <c>gt hotspots</c>
/// command a planner types, stored as a named run and answered with its id and tile URL. Body:
/// <c>{"method": "gistar"|"dbscan"|"kde"|"moran", "area": GeoJSON geometry (CRS84), "name"?, "from"?, "to"?,
/// "category"?: [], "source"?: [], "hours"?: "18-6", "include"?: "incidents"|"reports"|"both", "dark_only"?: bool,
/// "parameters"?: {"cell", "band", "grid", "fdr", "eps", "min_points", "bandwidth", …}}</c>. One analysis runs at a
/// time (two cores); not offered in public mode.
/// </summary>
public static class AnalysisEndpoints
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/analyses", async (HttpContext http, ServerOptions options, NpgsqlDataSource db) =>
        {
            if (options.PublicMode)
            {
                return Problems.NotFound("Analyses on single events are not offered in public mode.");
            }

            if (options.AnalysisCommand is not { Count: > 0 } command)
            {
                return Results.Problem("This service was started without the gt command line, so it cannot run analyses.", statusCode: StatusCodes.Status501NotImplemented, title: "Not implemented");
            }

            JsonObject body;
            try
            {
                body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject() ?? throw new JsonException("empty body");
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Problems.BadRequest($"The body is not a JSON object: {e.Message}");
            }

            var request = AnalysisRequest.Parse(body, options.AnalysisSrid);
            // Two runs may not share a name: a taken one is refused before minutes of work, and the default carries a
            // random part so that analyses started in the same second do not collide.
            var name = request.Name is { Length: > 0 } given ? given
                : string.Create(CultureInfo.InvariantCulture, $"viewer {request.Method} {Core.Time.StockholmTime.Format(DateTimeOffset.UtcNow)} {Guid.NewGuid().ToString("N")[..6]}");
            await using (var conn = await db.OpenConnectionAsync(http.RequestAborted))
            {
                await using var taken = new NpgsqlCommand("SELECT 1 FROM analysis_runs WHERE name = $1", conn);
                taken.Parameters.AddWithValue(name);
                if (await taken.ExecuteScalarAsync(http.RequestAborted) is not null)
                {
                    return Results.Problem($"name: a run named '{name}' exists already; choose another name.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
                }
            }

            List<string> args = [.. request.Arguments, "--name", name];
            if (!await OneAtATime.WaitAsync(AnalysisLimits.SlotWait, http.RequestAborted))
            {
                http.Response.Headers.RetryAfter = "30";
                return Results.Problem("Another analysis is running; try again in a while.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
            }

            var areaFile = Path.Combine(Path.GetTempPath(), $"gt-area-{Guid.NewGuid():N}.geojson");
            try
            {
                await File.WriteAllTextAsync(areaFile, new JsonObject
                {
                    ["type"] = "FeatureCollection",
                    ["features"] = new JsonArray(new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject(), ["geometry"] = request.Area.DeepClone() }),
                }.ToJsonString(), http.RequestAborted);
                args.AddRange(["--area-file", areaFile]);
                int exit;
                string output;
                try
                {
                    (exit, output) = await Run(command, args, options.ConnectionString, http.RequestAborted);
                }
                catch (TimeoutException e)
                {
                    return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Analysis stopped");
                }

                if (exit != 0)
                {
                    var reason = output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).Select(l => l[6..].Trim()).FirstOrDefault() ?? output.Trim();
                    return Problems.BadRequest($"the analysis did not run: {reason}");
                }

                await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
                await using var find = new NpgsqlCommand("SELECT id, feature_count FROM analysis_runs WHERE name = $1", conn);
                find.Parameters.AddWithValue(name);
                await using var reader = await find.ExecuteReaderAsync(http.RequestAborted);
                if (!await reader.ReadAsync(http.RequestAborted))
                {
                    return Results.Problem("The analysis ran but its run was not stored.", statusCode: StatusCodes.Status500InternalServerError);
                }

                var id = reader.GetInt64(0);
                var baseUrl = Tiles.TileEndpoints.Base(http);
                return Results.Json(new
                {
                    run = new { id, name, method = request.Method, features = reader.GetInt32(1) },
                    tiles = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/tiles/hotspots/{{z}}/{{x}}/{{y}}.mvt?run={id}"),
                    log = output,
                }, statusCode: StatusCodes.Status201Created);
            }
            finally
            {
                OneAtATime.Release();
                File.Delete(areaFile);
            }
        }).DisableRequestTimeout();

        return app;
    }

    private static async Task<(int Exit, string Output)> Run(IReadOnlyList<string> command, List<string> args, string connectionString, CancellationToken cancel)
    {
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1).Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GEOTRYGGHET_DB"] = connectionString;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(AnalysisLimits.RunTime);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancel.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"the analysis ran longer than {AnalysisLimits.RunTime.TotalMinutes} minutes and was stopped; take a larger cell, a shorter band or a smaller area"));
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
