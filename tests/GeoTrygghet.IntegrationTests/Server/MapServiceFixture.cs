using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;
using Microsoft.AspNetCore.Builder;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// The demo town in a database of its own, served by the real service on a free loopback port. <see cref="Http"/> signs
/// its requests as the demo's police analyst (a bearer token), who sees the police's incidents and the reports shared
/// with the police exactly; <see cref="Anonymous"/> sends no credentials (the public view).
/// </summary>
public sealed class MapServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Db { get; } = new();

    public HttpClient Http { get; } = new();

    public HttpClient Anonymous { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var demo = GtProcess.Run(Db.ConnectionString, DemoLoad.NoServe);
        Assert.True(demo.ExitCode == 0, demo.All);
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TokenFor("polis.analytiker"));
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = ServerApp.Build(new ServerOptions
        {
            ConnectionString = Db.ConnectionString,
            Urls = BaseUrl,
        });
        await _app.StartAsync();
    }

    /// <summary>A fresh bearer token of one of the demo's users (polis.analytiker, kommun.samordnare, kbab.partner).</summary>
    public string TokenFor(string user) => GeoTrygghet.Application.Access.Accounts.IssueToken(Db.ConnectionString, user, TimeSpan.FromHours(2)).Token;

    /// <summary>A client that sends <paramref name="user"/>'s token with every request.</summary>
    public HttpClient ClientFor(string user)
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TokenFor(user));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        Anonymous.Dispose();
        Db.Dispose();
    }
}
