using System.Globalization;
using GeoTrygghet.Application.Patrol;
using GeoTrygghet.Core.Patrol;
using GeoTrygghet.Data.Patrol;
using GeoTrygghet.Output.Patrol;
using GeoTrygghet.Server.Layers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoTrygghet.Server.Patrol;

/// <summary>
/// <c>GET /patrol/plan.{json|geojson|gpx|pdf}?shift=START/END&amp;patrols=N</c> with <c>presence_minutes</c>,
/// <c>area</c>, <c>seed</c>, <c>run</c>, <c>speed_kmh</c>, <c>straight</c>: the plan of <c>gt patrol plan</c> for the
/// viewer's plan page, in the file it asks for. Not offered in public mode (a plan says where police will be).
/// </summary>
public static class PatrolEndpoints
{

    public static IEndpointRouteBuilder MapPatrolEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/patrol/plan.{format}", (string format, HttpContext http, ServerOptions options, Security.ServiceDatabase database) =>
        {
            // A plan says where the police will be: the police's analysts only.
            if (Security.RequestViewer.Viewer(http) is not { MayPlanPresence: true })
            {
                return Security.RequestViewer.Refused(http, options, "Närvaroplaner");
            }

            if (format is not ("json" or "geojson" or "gpx" or "pdf"))
            {
                return Problems.NotFound($"There is no plan format '{format}'; use json, geojson, gpx or pdf.");
            }

            var q = http.Request.Query;
            (DateTimeOffset From, DateTimeOffset To) shift;
            try
            {
                shift = ShiftText.Parse(q["shift"].ToString(), "the shift");
            }
            catch (FormatException e)
            {
                throw new FilterException("shift", e.Message);
            }

            var result = PatrolRunner.Run(database.ConnectionString(http), new PatrolRequest
            {
                ShiftStart = shift.From,
                ShiftEnd = shift.To,
                Patrols = Patrols(q["patrols"].ToString()),
                PresenceMinutes = q["presence_minutes"].ToString() is { Length: > 0 } m ? QueryNumbers.Number(m, "presence_minutes", 0, 1, 24 * 60) : null,
                Area = q["area"].ToString() is { Length: > 0 } a ? a : null,
                Seed = QueryNumbers.Integer(q["seed"], "seed", 1, int.MinValue, int.MaxValue),
                Run = q["run"].ToString() is { Length: > 0 } r ? r : null,
                SpeedKmh = QueryNumbers.Number(q["speed_kmh"], "speed_kmh", 25, 1, 200),
                Straight = q["straight"] == "true",
            }, http.RequestAborted);
            var srid = options.Crs.Srid;
            switch (format)
            {
                case "json":
                    return Results.Text(result.Json.ToJsonString(Core.JsonOutput.Compact), "application/json; charset=utf-8");
                case "geojson":
                    return Results.Text(PatrolPlanFiles.GeoJson(result.Plan, srid).ToJsonString(Core.JsonOutput.Compact), "application/geo+json; charset=utf-8");
                case "gpx":
                {
                    var stream = new MemoryStream();
                    PatrolPlanFiles.WriteGpx(stream, result.Plan, result.Settings, srid);
                    return Results.Bytes(stream.ToArray(), "application/gpx+xml", "narvaroplan.gpx");
                }

                default:
                {
                    var stream = new MemoryStream();
                    PatrolBriefingPdf.Write(stream, result.Plan, result.Settings, result.Sites.Areas, result.Streets, result.Title);
                    return Results.Bytes(stream.ToArray(), "application/pdf", "narvaroplan.pdf");
                }
            }
        });

        return app;
    }

    /// <summary>The number of patrols: required, and at most <see cref="PresencePlanner.MaxPatrols"/>.</summary>
    private static int Patrols(string text) => string.IsNullOrWhiteSpace(text)
        ? throw new FilterException("patrols", "is required")
        : QueryNumbers.Integer(text, "patrols", 1, 1, Analysis.Patrol.PresencePlanner.MaxPatrols);
}
