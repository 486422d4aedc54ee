using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// What the public view offers (issue #8), to anyone not signed in and to every request of a service started with
/// <c>gt serve --public</c>: the viewer's files, the layer catalog and tiles (sensitive layers as
/// <see cref="Public.PublicCells"/>), OGC API – Features of the layers without events, measures' evaluations at their
/// default windows, the public cell counts and the public version of the quarterly report (issue #11). Anything else — overlays, candidates, plans, analyses, and any endpoint
/// added later — is closed until it is added here: 401 without credentials (sign in), 404 when the service serves only
/// the public view. Signing in and out (<c>/auth</c>) is open, except in public mode, where there is none.
/// </summary>
public static class PublicView
{
    private static readonly string[] Prefixes = ["/tiles", "/raster/", "/ogc", "/evaluate/", "/public/", "/assets/", "/reports/"];

    private static readonly string[] Files = ["/", "/index.html", "/favicon.ico", "/auth/me"];

    public static bool Offers(PathString path) =>
        Files.Contains(path.Value, StringComparer.Ordinal) || Prefixes.Any(p => path.StartsWithSegments(p.TrimEnd('/'), StringComparison.Ordinal));

    public static IApplicationBuilder UsePublicView(this IApplicationBuilder app, ServerOptions options) => app.Use(async (http, next) =>
    {
        if (!http.SeesPublicView(options) || (!options.PublicMode && http.Request.Path.StartsWithSegments("/auth", StringComparison.Ordinal)))
        {
            await next(http);
            return;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await (options.PublicMode
                ? Results.Problem("Den offentliga vyn tar bara emot läsningar (GET).", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed")
                : http.Refused(options, $"{http.Request.Method} {http.Request.Path}")).ExecuteAsync(http);
            return;
        }

        if (!Offers(http.Request.Path))
        {
            await (options.PublicMode
                ? Problems.NotFound($"{http.Request.Path} finns inte i den offentliga vyn (not in the public view): den visar antal per ruta och månad, åtgärder och deras utvärderingar.")
                : http.Refused(options, http.Request.Path.Value ?? "/")).ExecuteAsync(http);
            return;
        }

        await next(http);
    });
}
