using System.Collections.Concurrent;
using System.Globalization;
using GeoTrygghet.Application.Reporting;
using GeoTrygghet.Core.Access;
using GeoTrygghet.Core.Reporting;
using GeoTrygghet.Output.Reporting;
using GeoTrygghet.Server.Security;
using GeoTrygghet.Server.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoTrygghet.Server.Reports;

/// <summary>
/// <c>GET /reports/quarter.{json|html|pdf}?year=Y&amp;quarter=Q</c> with <c>lang</c> (sv, en), <c>area</c> (repeatable) and
/// <c>view=public</c>: the report of <c>gt report quarter</c> for the viewer's report page (issue #11). A signed-in reader
/// who sees both event layers exactly gets the exact report, from what row-level security lets the organisation see;
/// everyone else the public version (counts under the public view's smallest count hidden, hotspots on its cells).
/// Reports are kept per data version, so a second download of the same quarter is not made again.
/// </summary>
public static class ReportEndpoints
{
    private static readonly ConcurrentDictionary<string, Lazy<QuarterReport>> Made = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/quarter.{format}", (string format, HttpContext http, ServerOptions options, ServiceDatabase database, DataVersions versions) =>
        {
            if (format is not ("json" or "html" or "pdf"))
            {
                return Problems.NotFound($"There is no report format '{format}'; use json, html or pdf.");
            }

            var q = http.Request.Query;
            var year = QueryNumbers.Integer(Required(q["year"], "year"), "year", 0, 2000, 2100);
            var number = QueryNumbers.Integer(Required(q["quarter"], "quarter"), "quarter", 0, 1, 4);
            var language = q["lang"].ToString() switch
            {
                "" or "sv" => ReportLanguage.Swedish,
                "en" => ReportLanguage.English,
                var other => throw new Layers.FilterException("lang", $"'{other}' is not sv or en"),
            };
            var areas = q["area"].Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Distinct(StringComparer.Ordinal).ToList();
            var viewer = http.Viewer();
            var exact = !http.SeesPublicView(options) && viewer is { MayAnalyse: true, Incidents: LayerAccess.Exact, Reports: LayerAccess.Exact };
            if (!exact && areas.Count > 0)
            {
                throw new Layers.FilterException("area", "den offentliga versionen omfattar alla fokusområden och hela kommunen; area går inte att välja i den (the public version covers every focus area)");
            }

            var request = new QuarterReportRequest
            {
                Quarter = Quarter.Of(year, number),
                Areas = areas,
                Language = language,
                Public = !exact,
                PublicMinCount = options.PublicMinCount,
                PublicCellMetres = options.PublicCellMetres,
            };
            var connection = exact ? database.ConnectionString(http) : database.AggregatesConnectionString;
            var version = versions.Of(["incidents", "reports", "measures", "areas", "street_lights", "cameras", "basemap_features", "patrol_visits", "promises"]);
            var key = string.Join('|', exact ? viewer!.Org : "public", version.ToString(CultureInfo.InvariantCulture), versions.Epoch.ToString(CultureInfo.InvariantCulture),
                request.Quarter.ToString(), language.ToString(), string.Join(',', areas));
            if (Made.Count > 32)
            {
                Made.Clear();
            }

            QuarterReport report;
            try
            {
                report = Made.GetOrAdd(key, _ => new Lazy<QuarterReport>(() => QuarterReportBuilder.Build(connection, request))).Value;
            }
            catch
            {
                // A failure (the database away for a moment, an unknown area) is not kept: the next request tries again.
                Made.TryRemove(key, out _);
                throw;
            }
            var name = string.Create(CultureInfo.InvariantCulture, $"kvartalsrapport-{year}-q{number}{(exact ? "" : "-offentlig")}");
            var made = DateTimeOffset.UtcNow;
            switch (format)
            {
                case "json":
                    return Results.Bytes(QuarterReportJson.Write(report), "application/json; charset=utf-8");
                case "html":
                    // The viewer's report page shows this page in a frame of its own origin; nothing else may frame it, and
                    // the page itself runs no script and loads nothing (its images are data: URLs).
                    http.Response.Headers.XFrameOptions = "SAMEORIGIN";
                    http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
                    return Results.Text(QuarterReportHtml.Render(report, language, request.PublicMinCount, made), "text/html; charset=utf-8");
                default:
                {
                    var stream = new MemoryStream();
                    QuarterReportPdf.Write(stream, report, language, request.PublicMinCount, made);
                    return Results.Bytes(stream.ToArray(), "application/pdf", name + ".pdf");
                }
            }
        });

        return app;
    }

    private static string Required(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? throw new Layers.FilterException(name, "required, e.g. year=2024&quarter=4") : text;
}
