using System.Net;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;
using GeoTrygghet.Server.Security;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// Sign-in through an organisation's own identity provider (issue #10), against an OpenID Connect provider the test
/// starts (OpenIddict's server): the browser's round trip ends signed in with the provider's organisation and role;
/// an organisation the service does not have, a local account's name and a client secret the provider refuses end
/// signed out, each in the audit log.
/// </summary>
public sealed class OidcSignInTests(DemoTownDatabase demo) : IClassFixture<DemoTownDatabase>
{
    private async Task<(string Landing, string? User, JsonNode Me)> SignInThrough(TestOidcProvider provider, string url)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true });
        using var landing = await browser.GetAsync($"{url}/auth/oidc/login");
        Assert.True(landing.IsSuccessStatusCode, $"{landing.RequestMessage!.RequestUri}: {(int)landing.StatusCode} {await landing.Content.ReadAsStringAsync()}");
        var me = JsonNode.Parse(await browser.GetStringAsync($"{url}/auth/me"))!;
        return (landing.RequestMessage!.RequestUri!.PathAndQuery, me["user"]?.GetValue<string>(), me);
    }

    private async Task<T> WithService<T>(string? secret, Func<TestOidcProvider, string, Task<T>> body)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var provider = await TestOidcProvider.Start(url + OidcSettings.CallbackPath);
        await using var app = ServerApp.Build(new ServerOptions
        {
            ConnectionString = demo.ConnectionString,
            Urls = url,
            Oidc = new OidcSettings(provider.Url, TestOidcProvider.ClientId, secret ?? TestOidcProvider.ClientSecret),
        });
        await app.StartAsync();
        return await body(provider, url);
    }

    [Fact]
    public async Task The_providers_user_signs_in_with_its_organisation_and_role()
    {
        var (landing, user, me) = await WithService(null, (provider, url) => SignInThrough(provider, url));
        Assert.Equal("/", landing);
        Assert.Equal("eva.lund", user);
        Assert.Equal("kommun", me["org"]!.GetValue<string>());
        Assert.Equal("coordinator", me["role"]!.GetValue<string>());
        Assert.Equal("exact", me["reports"]!.GetValue<string>());
        Assert.Equal(Application.Access.Accounts.ExternalPassword, demo.Rows("SELECT password_hash FROM users WHERE name = 'eva.lund'").Single()[0]);
        for (var i = 0; i < 20 && demo.Scalar("SELECT count(*) FROM audit_log WHERE user_name = 'eva.lund' AND action = 'sign_in' AND target = 'auth/oidc'") == 0; i++)
        {
            // The service writes its audit rows in the background, every half second.
            await Task.Delay(250);
        }

        Assert.True(demo.Scalar("SELECT count(*) FROM audit_log WHERE user_name = 'eva.lund' AND action = 'sign_in' AND target = 'auth/oidc'") > 0);
        // An account of the provider has no password to sign in with here.
        Assert.False(Application.Access.Accounts.CheckPassword(demo.ConnectionString, "eva.lund", Application.Access.Accounts.ExternalPassword));
    }

    [Theory]
    [InlineData("per.okand", "stadsdelen", "analyst", null)]
    [InlineData("polis.analytiker", "kommun", "analyst", null)]
    [InlineData("eva.lund", "kommun", "chief", null)]
    [InlineData("eva.lund", "kommun", "coordinator", "a secret the provider does not know")]
    public async Task A_sign_in_the_service_cannot_accept_ends_signed_out_and_is_audited(string name, string org, string role, string? secret)
    {
        var before = demo.Scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND target = 'auth/oidc'");
        var (landing, user, _) = await WithService(secret, (provider, url) =>
        {
            provider.User = (name, org, role);
            return SignInThrough(provider, url);
        });
        Assert.Equal("/?signin=failed", landing);
        Assert.Null(user);
        Assert.Equal("analyst", demo.Rows("SELECT role FROM users WHERE name = 'polis.analytiker'").Single()[0]);
        for (var i = 0; i < 20 && demo.Scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND target = 'auth/oidc'") == before; i++)
        {
            await Task.Delay(250);
        }

        Assert.True(demo.Scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND target = 'auth/oidc'") > before);
    }
}
