using System.Net;
using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>The service keeps running without its database and says so with 503 and Retry-After.</summary>
public sealed class DatabaseAwayTests
{
    [Fact]
    public async Task Without_a_database_tiles_answer_503_with_Retry_After_and_the_service_stays_up()
    {
        // A loopback port where nothing listens stands for a database that is down.
        var deadPort = LoopbackPort.Free();
        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        await using var app = ServerApp.Build(new ServerOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={deadPort};Database=none;Username=none;Password=none;Timeout=2",
            Urls = url,
        });
        await app.StartAsync();
        using var http = new HttpClient();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var response = await http.GetAsync($"{url}/tiles/lights/14/8919/4802.mvt");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        }

        // TileJSON reads the data's extent, so it waits for the database too; what needs no database answers.
        using var catalog = await http.GetAsync($"{url}/tiles/lights.json");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, catalog.StatusCode);
        using var root = await http.GetAsync($"{url}/ogc/conformance");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        await app.StopAsync();
    }

}
