using GeoTrygghet.Data.Layers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoTrygghet.Server.Public;

/// <summary>
/// <c>GET /public/{incidents|reports}.geojson?month=YYYY-MM[&amp;group=G]</c>: the public view's counts per cell of one
/// month as GeoJSON (CRS84), the same numbers the public tiles carry, for a web page or a spreadsheet. Offered in both
/// modes: it holds nothing the public may not see.
/// </summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/{file}", async (string file, HttpContext http, ServerOptions options, Security.ServiceDatabase database) =>
        {
            if (!file.EndsWith(".geojson", StringComparison.Ordinal) || LayerSources.Find(file[..^8]) is not EventLayerSource layer)
            {
                return Problems.NotFound("The public counts are /public/incidents.geojson and /public/reports.geojson.");
            }

            var request = PublicCells.Parse(http.Request.Query);
            return Results.Text(await PublicCellsSql.GeoJsonAsync(database.Aggregates, layer, PublicCells.Query(request, options), options.Crs.Srid, http.RequestAborted), "application/geo+json; charset=utf-8");
        });
        return app;
    }
}
