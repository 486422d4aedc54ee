using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Server;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// Signing in and out over real HTTP (issue #10): the session cookie's attributes, its end at sign-out and at
/// <c>gt users revoke-tokens</c>, bearer tokens that are unknown or expired, the limit on failed attempts, the
/// cross-site refusals of state-changing requests, and a signed-in reader's switch to the public view.
/// </summary>
public sealed class SignInTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    private string Password(string user) => DemoUsers.Password(service.Db, user);

    private async Task<HttpResponseMessage> Login(HttpClient client, string user, string password, string? origin = null, string type = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/auth/login")
        {
            Content = new StringContent(new JsonObject { ["user"] = user, ["password"] = password }.ToJsonString(), Encoding.UTF8, type),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private static HttpClient WithCookies() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true });

    private async Task<string?> Me(HttpClient client) => JsonNode.Parse(await client.GetStringAsync($"{service.BaseUrl}/auth/me"))!["user"]?.GetValue<string>();

    [Fact]
    public async Task A_session_cookie_is_httponly_and_strict_and_ends_at_sign_out()
    {
        using var client = WithCookies();
        Assert.Null(await Me(client));
        using var login = await Login(client, "kommun.samordnare", Password("kommun.samordnare"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gt_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var body = JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        Assert.Equal("kommun", body["org"]!.GetValue<string>());
        Assert.Equal("samordnare", body["role_text"]!.GetValue<string>());
        Assert.Equal("kommun.samordnare", await Me(client));

        using var logout = await client.PostAsync($"{service.BaseUrl}/auth/logout", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Null(await Me(client));

        // The old cookie, sent by hand, opens nothing any more: the session's token was deleted.
        using var replay = new HttpClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Null(await Me(replay));
        using var refused = await replay.GetAsync($"{service.BaseUrl}/overlay/candidates");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_users_tokens_ends_its_sessions_and_bearer_tokens_at_once_and_an_expired_token_is_refused()
    {
        using var browser = WithCookies();
        Assert.Equal(HttpStatusCode.OK, (await Login(browser, "kbab.partner", Password("kbab.partner"))).StatusCode);
        using var gis = service.ClientFor("kbab.partner");
        Assert.Equal(HttpStatusCode.OK, (await gis.GetAsync($"{service.BaseUrl}/ogc/collections/reports/items?limit=1")).StatusCode);

        var revoke = GtProcess.Run(service.Db.ConnectionString, "users", "revoke-tokens", "kbab.partner");
        Assert.True(revoke.ExitCode == 0, revoke.All);
        Assert.Null(await Me(browser));
        using var afterRevoke = await gis.GetAsync($"{service.BaseUrl}/ogc/collections/reports/items?limit=1");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("invalid_token", afterRevoke.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var expiring = service.ClientFor("kbab.partner");
        service.Db.Execute("UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_name = 'kbab.partner'");
        using var expired = await expiring.GetAsync($"{service.BaseUrl}/tiles");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        using var unknown = new HttpClient();
        unknown.DefaultRequestHeaders.Authorization = new("Bearer", "gt_not-a-token-anyone-was-given");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync($"{service.BaseUrl}/tiles")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_for_one_user_are_answered_429_until_the_window_passes_even_with_the_right_password()
    {
        using var client = WithCookies();
        for (var i = 0; i < GeoTrygghet.Server.Security.SignInLimiter.PerUser; i++)
        {
            using var wrong = await Login(client, "polis.analytiker", "fel lösenord nummer " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Fel användarnamn eller lösenord", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var limited = await Login(client, "polis.analytiker", Password("polis.analytiker"));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        Assert.Null(await Me(client));

        // Another user from the same address is not held up by them.
        using var other = await Login(client, "kommun.samordnare", Password("kommun.samordnare"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_out_from_another_site_or_not_as_json_are_refused()
    {
        using var client = WithCookies();
        using var crossSite = await Login(client, "kommun.samordnare", Password("kommun.samordnare"), origin: "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        using var form = await Login(client, "kommun.samordnare", Password("kommun.samordnare"), type: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Null(await Me(client));

        Assert.Equal(HttpStatusCode.OK, (await Login(client, "kommun.samordnare", Password("kommun.samordnare"))).StatusCode);
        var logout = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/auth/logout") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        logout.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(logout)).StatusCode);
        Assert.Equal("kommun.samordnare", await Me(client));
    }

    [Fact]
    public async Task A_signed_in_reader_can_see_what_the_public_sees()
    {
        using var police = service.ClientFor("polis.analytiker");
        var own = JsonNode.Parse(await police.GetStringAsync($"{service.BaseUrl}/tiles"))!;
        var asPublic = JsonNode.Parse(await police.GetStringAsync($"{service.BaseUrl}/tiles?view=public"))!;
        var anonymous = JsonNode.Parse(await service.Anonymous.GetStringAsync($"{service.BaseUrl}/tiles"))!;
        Assert.Equal("exact", own["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "incidents")!["access"]!.GetValue<string>());
        Assert.Equal(anonymous.ToJsonString(), asPublic.ToJsonString());
        // The event layers as the public's cells, the same bytes as someone not signed in gets.
        var tile = "/tiles/incidents/14/8919/4802.mvt?month=2024-03";
        using var asPublicTile = await police.GetAsync($"{service.BaseUrl}{tile}&view=public");
        Assert.True(asPublicTile.IsSuccessStatusCode, await asPublicTile.Content.ReadAsStringAsync());
        Assert.Equal(await service.Anonymous.GetByteArrayAsync(service.BaseUrl + tile), await asPublicTile.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(await police.GetByteArrayAsync($"{service.BaseUrl}/tiles/incidents/14/8919/4802.mvt"), await asPublicTile.Content.ReadAsByteArrayAsync());

        // What the public view does not hold is refused as such, not with a request to sign in.
        using var refused = await police.GetAsync($"{service.BaseUrl}/ogc/collections/incidents/items?limit=1&view=public");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("finns inte i den offentliga vyn", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
