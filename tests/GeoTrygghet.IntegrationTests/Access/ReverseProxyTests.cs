using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// Behind a TLS-terminating reverse proxy (issue #10, <c>gt serve --trusted-proxy</c>): the proxy's X-Forwarded-Proto
/// makes the session cookie Secure and its X-Forwarded-For is the address the sign-in limit counts; the same headers
/// from anyone else change nothing.
/// </summary>
public sealed class ReverseProxyTests(DemoTownDatabase demo) : IClassFixture<DemoTownDatabase>
{
    private string Password(string user) => DemoUsers.Password(demo.Db, user);

    private static async Task<HttpResponseMessage> Login(HttpClient http, string url, string user, string password, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/auth/login")
        {
            Content = new StringContent(new JsonObject { ["user"] = user, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", client);
        return await http.SendAsync(request);
    }

    private async Task<(Microsoft.AspNetCore.Builder.WebApplication App, string Url)> Start(string proxy)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var app = ServerApp.Build(new ServerOptions { ConnectionString = demo.ConnectionString, Urls = url, TrustedProxies = [IPAddress.Parse(proxy)] });
        await app.StartAsync();
        return (app, url);
    }

    [Fact]
    public async Task The_trusted_proxys_https_makes_the_cookie_secure_and_its_client_address_is_what_the_limit_counts()
    {
        var (app, url) = await Start("127.0.0.1");
        await using var _ = app;
        using var http = new HttpClient();
        using var ok = await Login(http, url, "kommun.samordnare", Password("kommun.samordnare"), "203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("secure", ok.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        // Twenty failures from one client (each for another name, below the per-user limit) hold that client up, not the next.
        for (var i = 0; i < GeoTrygghet.Server.Security.SignInLimiter.PerAddress; i++)
        {
            using var wrong = await Login(http, url, $"gissning{i}", "fel lösenord", "203.0.113.7");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await Login(http, url, "kommun.samordnare", Password("kommun.samordnare"), "203.0.113.7");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        using var other = await Login(http, url, "kommun.samordnare", Password("kommun.samordnare"), "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_same_headers_from_a_client_that_is_not_the_proxy_change_nothing()
    {
        var (app, url) = await Start("10.9.9.9");
        await using var _ = app;
        using var http = new HttpClient();
        using var ok = await Login(http, url, "kbab.partner", Password("kbab.partner"), "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.DoesNotContain("secure", ok.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }
}
