using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// In public mode (<c>gt serve --public</c>) only what the public view is meant to show can be reached at all: the viewer's
/// files, the layer catalog and tiles (sensitive layers as <see cref="Public.PublicCells"/>), OGC API – Features of the
/// layers without events, measures' evaluations at their default windows and the public cell counts. Anything else —
/// overlays, candidates, plans, analyses, and any endpoint added later — answers 404 until it is added here, so a new
/// endpoint is closed to the public by default.
/// </summary>
public static class PublicView
{
    private static readonly string[] Prefixes = ["/tiles", "/raster/", "/ogc", "/evaluate/", "/public/", "/assets/"];

    private static readonly string[] Files = ["/", "/index.html", "/favicon.ico"];

    public static bool Offers(PathString path) =>
        Files.Contains(path.Value, StringComparer.Ordinal) || Prefixes.Any(p => path.StartsWithSegments(p.TrimEnd('/'), StringComparison.Ordinal));

    public static IApplicationBuilder UsePublicView(this IApplicationBuilder app, ServerOptions options) => !options.PublicMode ? app : app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await Results.Problem("Den offentliga vyn tar bara emot läsningar (GET).", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed").ExecuteAsync(http);
            return;
        }

        if (!Offers(http.Request.Path))
        {
            await Problems.NotFound($"{http.Request.Path} finns inte i den offentliga vyn (not in the public view): den visar antal per ruta och månad, åtgärder och deras utvärderingar.").ExecuteAsync(http);
            return;
        }

        await next(http);
    });
}
