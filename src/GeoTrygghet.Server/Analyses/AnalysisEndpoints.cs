using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.Ordinal)
    {
        ["gistar"] = ["cell", "grid", "band", "fdr"],
        ["moran"] = ["cell", "grid", "band", "fdr", "permutations", "seed"],
        ["dbscan"] = ["eps", "min_points", "time_eps_hours"],
        ["kde"] = ["cell", "bandwidth"],
    };

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

            var method = body["method"]?.GetValue<string>() ?? string.Empty;
            if (!Parameters.TryGetValue(method, out var allowed))
            {
                return Problems.BadRequest($"method: '{method}' is not one of {string.Join(", ", Parameters.Keys)}");
            }

            if (body["area"] is not JsonObject area || area["type"]?.GetValue<string>() is not ("Polygon" or "MultiPolygon"))
            {
                return Problems.BadRequest("area: a GeoJSON Polygon or MultiPolygon in CRS84 (longitude, latitude) is needed");
            }

            var name = body["name"]?.GetValue<string>() is { Length: > 0 } given ? given
                : string.Create(CultureInfo.InvariantCulture, $"viewer {method} {Core.Time.StockholmTime.Format(DateTimeOffset.UtcNow)}");
            var args = new List<string> { "hotspots", method, "--name", name };
            foreach (var (key, option) in new[] { ("from", "--from"), ("to", "--to"), ("hours", "--hours"), ("include", "--include") })
            {
                if (body[key]?.GetValue<string>() is { Length: > 0 } value)
                {
                    args.AddRange([option, value]);
                }
            }

            foreach (var (key, option) in new[] { ("category", "--category"), ("source", "--source") })
            {
                foreach (var value in body[key]?.AsArray().Select(v => v?.GetValue<string>()).OfType<string>() ?? [])
                {
                    args.AddRange([option, value]);
                }
            }

            if (body["dark_only"]?.GetValue<bool>() == true)
            {
                args.Add("--dark-only");
            }

            foreach (var (key, value) in body["parameters"]?.AsObject() ?? [])
            {
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    return Problems.BadRequest($"parameters.{key}: {method} takes {string.Join(", ", allowed)}");
                }

                args.AddRange(["--" + key.Replace('_', '-'), value is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty]);
            }

            var areaFile = Path.Combine(Path.GetTempPath(), $"gt-area-{Guid.NewGuid():N}.geojson");
            await File.WriteAllTextAsync(areaFile, new JsonObject
            {
                ["type"] = "FeatureCollection",
                ["features"] = new JsonArray(new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject(), ["geometry"] = area.DeepClone() }),
            }.ToJsonString(), http.RequestAborted);
            args.AddRange(["--area-file", areaFile]);
            await OneAtATime.WaitAsync(http.RequestAborted);
            try
            {
                var (exit, output) = await Run(command, args, options.ConnectionString, http.RequestAborted);
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
                    run = new { id, name, method, features = reader.GetInt32(1) },
                    tiles = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/tiles/hotspots/{{z}}/{{x}}/{{y}}.mvt?run={id}"),
                    log = output,
                }, statusCode: StatusCodes.Status201Created);
            }
            finally
            {
                OneAtATime.Release();
                File.Delete(areaFile);
            }
        });

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
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
