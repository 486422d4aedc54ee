using GeoTrygghet.Core.Access;
using GeoTrygghet.Data.Layers;
using Microsoft.AspNetCore.Http;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Who a request reads as (issue #10), set by <see cref="SignIn"/>: a signed-in <see cref="Viewer"/>, or nobody, who sees
/// the public view. Endpoints ask here, never the credentials themselves.
/// </summary>
public static class RequestViewer
{
    private static readonly object Key = new();

    public static Viewer? Viewer(this HttpContext http) => http.Items.TryGetValue(Key, out var v) ? v as Viewer : null;

    internal static void SetViewer(this HttpContext http, Viewer? viewer) => http.Items[Key] = viewer;

    private static readonly object AsPublicKey = new();

    /// <summary>Marks a signed-in request that asked for the public view (<c>view=public</c>).</summary>
    internal static void SetAsPublic(this HttpContext http) => http.Items[AsPublicKey] = true;

    private static bool AsPublic(this HttpContext http) => http.Items.ContainsKey(AsPublicKey);

    /// <summary>Whether the request gets the public view: the service serves only it, nobody is signed in, or the signed-in reader chose it (<c>view=public</c>).</summary>
    public static bool SeesPublicView(this HttpContext http, ServerOptions options) => options.PublicMode || http.Viewer() is null;

    /// <summary>
    /// The owners the one event filter takes for this request: the signed-in reader's, else none at all (the public view
    /// reads events only through its counts, which do not take owners).
    /// </summary>
    public static EventOwners Owners(this HttpContext http) => http.Viewer()?.Owners ?? new EventOwners([], []);

    /// <summary>How the request may see a layer: exactly, as the public view's counts, or not at all; layers without events exactly.</summary>
    public static LayerAccess AccessTo(this HttpContext http, ServerOptions options, LayerSource layer)
    {
        if (layer.Events is not { } table)
        {
            // The hotspot runs are an organisation's own (row-level security keeps the others' out); the public has none.
            return layer.Sensitive && http.SeesPublicView(options) ? LayerAccess.None : LayerAccess.Exact;
        }

        return http.SeesPublicView(options) ? LayerAccess.Aggregate : http.Viewer()!.AccessTo(table == Data.Events.EventTable.Incidents);
    }

    /// <summary>
    /// The answer to a request for what its reader may not have: 401 without credentials (the public view does not hold
    /// it; sign in), 404 when the service serves only the public view, 403 for a signed-in reader without the right.
    /// </summary>
    public static IResult Refused(this HttpContext http, ServerOptions options, string what)
    {
        if (options.PublicMode)
        {
            return Problems.NotFound($"{what} finns inte i den offentliga vyn (not in the public view).");
        }

        if (http.AsPublic())
        {
            return Results.Problem($"{what} finns inte i den offentliga vyn, som du valt att se (view=public); utan den ser du det din organisation får se.",
                statusCode: StatusCodes.Status403Forbidden, title: "Inte i den offentliga vyn");
        }

        if (http.Viewer() is not { } viewer)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem($"{what} kräver inloggning (sign in: POST /auth/login, or Authorization: Bearer TOKEN from ./gt users token).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Inloggning krävs");
        }

        return Results.Problem($"{what}: {viewer.User} ({viewer.OrgName}, {RoleText(viewer.Role)}) har inte behörighet enligt samverkansavtalets delningsregler och sin roll.",
            statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
    }

    public static string RoleText(string role) => role switch
    {
        "analyst" => "analytiker",
        "coordinator" => "samordnare",
        "partner" => "partner",
        _ => role,
    };
}
