using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>
/// An OpenID Connect provider on a free loopback port for the tests (issue #10), made with OpenIddict's server: the
/// authorization code flow with PKCE, ephemeral signing keys, one client (<see cref="ClientId"/> with
/// <see cref="ClientSecret"/>, redirecting only to the service's callback). Its authorization endpoint signs in at once
/// as <see cref="User"/> (a test sets who), with the claims preferred_username, org and role in the ID token.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "geotrygghet";
    public const string ClientSecret = "test-provider-secret";

    private WebApplication? _app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Who the provider signs in next: the user name, the organisation claim and the role claim.</summary>
    public (string Name, string Org, string Role) User { get; set; } = ("eva.lund", "kommun", "coordinator");

    public static async Task<TestOidcProvider> Start(string serviceCallback)
    {
        var provider = new TestOidcProvider { Url = $"http://127.0.0.1:{LoopbackPort.Free()}" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(provider.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(provider.Url + "/"));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            // No store: the one client is checked by the handlers below.
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "unknown client");
                }
                else if (context.RedirectUri != serviceCallback)
                {
                    context.Reject(Errors.InvalidRequest, $"redirect_uri must be {serviceCallback}");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "unknown client or wrong secret");
                }

                return default;
            }));
        });

        provider._app = builder.Build();
        provider._app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
            var (name, org, role) = provider.User;
            identity.AddClaim(new Claim(Claims.Subject, "sub-" + name));
            identity.AddClaim(new Claim(Claims.PreferredUsername, name));
            identity.AddClaim(new Claim("org", org));
            identity.AddClaim(new Claim(Claims.Role, role));
            foreach (var claim in identity.Claims)
            {
                claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
            }

            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        provider._app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await provider._app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
