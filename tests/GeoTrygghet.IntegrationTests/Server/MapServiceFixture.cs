using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;
using Microsoft.AspNetCore.Builder;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>The demo town in a database of its own, served by the real service on a free loopback port.</summary>
public sealed class MapServiceFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Db { get; } = new();

    public HttpClient Http { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var demo = GtProcess.Run(Db.ConnectionString, "demo", "--no-serve");
        Assert.True(demo.ExitCode == 0, demo.All);
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = ServerApp.Build(new ServerOptions
        {
            ConnectionString = Db.ConnectionString,
            Urls = BaseUrl,
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        Db.Dispose();
    }
}
