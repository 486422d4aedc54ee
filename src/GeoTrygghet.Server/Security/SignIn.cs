using System.Text.Json;
using System.Text.Json.Nodes;
using GeoTrygghet.Application.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Who is looking (issue #10). Every request may carry <c>Authorization: Bearer TOKEN</c> (a token of
/// <c>gt users token</c>; GDAL and QGIS send it with <c>GDAL_HTTP_HEADERS</c>) or the viewer's session cookie, which
/// <c>POST /auth/login</c> (<c>{"user","password"}</c>) sets: HttpOnly, SameSite=Strict, Secure over HTTPS, ending with
/// the session (<see cref="Accounts.SessionLifetime"/>) or at <c>POST /auth/logout</c>. A session is a token like any
/// other, so <c>gt users revoke-tokens</c> ends it too. A bearer token that is unknown, expired or revoked is answered
/// 401; a stale cookie is dropped and the request sees the public view. <c>view=public</c> in the query makes a
/// signed-in request see what the public sees. <c>GET /auth/me</c> says who is signed in (<c>"user": null</c> for nobody). Sign-in attempts are limited
/// (<see cref="SignInLimiter"/>); the state-changing requests pass the <see cref="RequestGuard"/>'s cross-site checks.
/// </summary>
public static class SignIn
{
    public const string Cookie = "gt_session";

    public static IApplicationBuilder UseSignIn(this IApplicationBuilder app, ServerOptions options) => options.PublicMode ? app : app.Use(async (http, next) =>
    {
        var bearer = http.Request.Headers.Authorization.ToString();
        if (bearer.Length > 0)
        {
            var token = bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? bearer[7..].Trim() : null;
            if (token is null || Accounts.ViewerOf(options.ConnectionString, token) is not { } viewer)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await Results.Problem("Token saknas, är okänd, har gått ut eller har återkallats (the bearer token is unknown, expired or revoked; ./gt users token NAME gives a new one).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Ogiltig token").ExecuteAsync(http);
                return;
            }

            http.SetViewer(http.RequestServices.GetRequiredService<LayerOwners>().WithOwnRows(viewer));
        }
        else if (http.Request.Cookies.TryGetValue(Cookie, out var session))
        {
            var viewer = Accounts.ViewerOf(options.ConnectionString, session);
            if (viewer is null)
            {
                http.Response.Cookies.Delete(Cookie, CookieOptions(http, options, null));
            }

            http.SetViewer(viewer is null ? null : http.RequestServices.GetRequiredService<LayerOwners>().WithOwnRows(viewer));
        }

        if (http.Request.Query["view"] == "public")
        {
            if (http.Viewer() is not null)
            {
                http.SetAsPublic();
            }

            http.SetViewer(null);
        }

        await next(http);
    });

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app, ServerOptions options)
    {
        // Who is signed in: always answered, so a client learns "nobody" without an error (and whether it could sign in).
        app.MapGet("/auth/me", (HttpContext http) => http.Viewer() is { } viewer
            ? Results.Json(Me(viewer))
            : Results.Json(new { user = (string?)null, sign_in = !options.PublicMode, oidc = !options.PublicMode && options.Oidc is not null }));
        if (options.PublicMode)
        {
            return app;
        }

        app.MapPost("/auth/login", async (HttpContext http, SignInLimiter limiter) =>
        {
            string user, password;
            try
            {
                var body = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?.AsObject();
                user = body?["user"]?.GetValue<string>() ?? string.Empty;
                password = body?["password"]?.GetValue<string>() ?? string.Empty;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Problems.BadRequest("Ange {\"user\": \"…\", \"password\": \"…\"} som JSON.");
            }

            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (limiter.Wait(user, address) is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem($"För många misslyckade inloggningar; försök igen om {Math.Ceiling(wait.TotalMinutes)} minuter (too many failed sign-ins).",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "För många försök");
            }

            var audit = http.RequestServices.GetRequiredService<AuditTrail>();
            if (Accounts.SignIn(options.ConnectionString, user, password) is not var (token, expires))
            {
                limiter.Failed(user, address);
                // The name as typed (no password), cut short: a failed attempt may be a mistyped name.
                audit.Record(new Core.Access.AuditEntry(user.Length > 64 ? user[..64] : user, null, "sign_in_failed", "auth/login", Detail: $"from {address}"));
                return Results.Problem("Fel användarnamn eller lösenord (wrong user name or password).", statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades");
            }

            limiter.Succeeded(user);
            audit.Record(new Core.Access.AuditEntry(user, null, "sign_in", "auth/login", Detail: $"from {address}"));
            http.Response.Cookies.Append(Cookie, token, CookieOptions(http, options, expires));
            var viewer = http.RequestServices.GetRequiredService<LayerOwners>().WithOwnRows(Accounts.ViewerOf(options.ConnectionString, token)!);
            return Results.Json(Me(viewer));
        });

        app.MapPost("/auth/logout", (HttpContext http) =>
        {
            if (http.Request.Cookies.TryGetValue(Cookie, out var session))
            {
                if (http.Viewer() is { } viewer)
                {
                    http.RequestServices.GetRequiredService<AuditTrail>().Record(new Core.Access.AuditEntry(viewer.User, viewer.Org, "sign_out", "auth/logout"));
                }

                Accounts.SignOut(options.ConnectionString, session);
            }

            http.Response.Cookies.Delete(Cookie, CookieOptions(http, options, null));
            return Results.NoContent();
        });

        return app;
    }

    private static object Me(Core.Access.Viewer viewer) => new
    {
        user = viewer.User,
        org = viewer.Org,
        org_name = viewer.OrgName,
        org_kind = viewer.OrgKind,
        role = viewer.Role,
        role_text = RequestViewer.RoleText(viewer.Role),
        incidents = viewer.Incidents.ToString().ToLowerInvariant(),
        reports = viewer.Reports.ToString().ToLowerInvariant(),
        may_analyse = viewer.MayAnalyse,
        may_plan_presence = viewer.MayPlanPresence,
        expires = Core.Time.StockholmTime.Format(viewer.ExpiresAt),
        sign_in = true,
    };

    internal static CookieOptions CookieOptions(HttpContext http, ServerOptions options, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps || options.SecureCookies,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
