using System.Security.Claims;
using GeoTrygghet.Application.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Sign-in through an organisation's own identity provider (issue #10): <c>GET /auth/oidc/login</c> sends the browser
/// to the provider (authorization code with PKCE); at <c>/auth/oidc/callback</c> ASP.NET Core's OpenID Connect handler
/// checks the answer (the ID token's signature against the provider's keys, its issuer, audience, lifetime and nonce),
/// and the user, organisation and role are read from the configured claims. The organisation must be one of
/// <c>gt orgs list</c> and the role one of the three; the user is kept as an account without a password (made or
/// updated at each sign-in) and gets the same session cookie as a password sign-in. Anything else ends at the viewer
/// with <c>?signin=failed</c> and an audit row.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";
    private const string CorrelationScheme = "gt-oidc";

    public static void AddOidc(this IServiceCollection services, OidcSettings oidc)
    {
        services.AddAuthentication(o => o.DefaultSignInScheme = CorrelationScheme)
            .AddCookie(CorrelationScheme)
            .AddOpenIdConnect(Scheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.RequireHttpsMetadata = oidc.RequireHttps;
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.CallbackPath = OidcSettings.CallbackPath;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                // The callback is a top-level redirect (response_mode=query): Lax cookies come back with it, also over HTTP on loopback.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnTicketReceived = context =>
                {
                    Complete(context.HttpContext, context.Principal!, oidc);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    Failed(context.HttpContext, $"the provider's answer was refused: {context.Failure?.Message}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }

    public static void MapOidcEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/auth/oidc/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]));

    private static void Complete(HttpContext http, ClaimsPrincipal principal, OidcSettings oidc)
    {
        var options = http.RequestServices.GetRequiredService<ServerOptions>();
        var user = principal.FindFirst(oidc.UserClaim)?.Value;
        var org = principal.FindFirst(oidc.OrgClaim)?.Value;
        var role = principal.FindFirst(oidc.RoleClaim)?.Value;
        if (user is null || org is null || role is null)
        {
            Failed(http, $"the ID token lacks {string.Join(", ", new[] { (oidc.UserClaim, user), (oidc.OrgClaim, org), (oidc.RoleClaim, role) }.Where(c => c.Item2 is null).Select(c => c.Item1))}");
            return;
        }

        try
        {
            Accounts.ProvideExternalUser(options.ConnectionString, user, org, role);
        }
        catch (AccessException e)
        {
            Failed(http, e.Message, user);
            return;
        }

        var (token, expires) = Accounts.IssueToken(options.ConnectionString, user, Accounts.SessionLifetime);
        http.Response.Cookies.Append(SignIn.Cookie, token, SignIn.CookieOptions(http, options, expires));
        http.RequestServices.GetRequiredService<AuditTrail>().Record(new Core.Access.AuditEntry(user, org, "sign_in", "auth/oidc", Detail: $"by {oidc.Authority}"));
        http.Response.Redirect("/");
    }

    private static void Failed(HttpContext http, string why, string? user = null)
    {
        http.RequestServices.GetRequiredService<AuditTrail>().Record(new Core.Access.AuditEntry(user, null, "sign_in_failed", "auth/oidc", Detail: why.Length > 300 ? why[..300] : why));
        http.Response.Redirect("/?signin=failed");
    }
}
