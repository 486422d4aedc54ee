namespace GeoTrygghet.Server.Security;

/// <summary>
/// Sign-in through an organisation's own identity provider by OpenID Connect (issue #10), from the deployment settings
/// (<c>"oidc"</c> in <c>geotrygghet.json</c>): the provider (<see cref="Authority"/>), this service's client there, and
/// which claims name the user, the organisation (an id of <c>gt orgs list</c>) and the role (analyst, coordinator,
/// partner). The authorization code flow with PKCE; the callback is <c>/auth/oidc/callback</c>.
/// </summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string UserClaim = "preferred_username", string OrgClaim = "org", string RoleClaim = "role")
{
    public const string CallbackPath = "/auth/oidc/callback";

    /// <summary>A provider on this machine may speak plain HTTP (a test's, or one behind the same proxy); any other must use HTTPS.</summary>
    public bool RequireHttps => !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback);
}
