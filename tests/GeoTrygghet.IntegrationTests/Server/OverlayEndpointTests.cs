using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;
using GeoTrygghet.Server;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// The overlay and evaluation over HTTP on the demo town: the same answers as the command line and as PostGIS
/// counts them, errors as problem details, and candidate places kept from the public.
/// </summary>
public sealed class OverlayEndpointTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Fact]
    public async Task The_evaluation_page_gives_what_gt_evaluate_gives()
    {
        var http = await Get("/evaluate/M01?before=200&after=300");
        var output = Path.Combine(Path.GetTempPath(), $"gt-eval-{Guid.NewGuid():N}.json");
        try
        {
            var cli = GtProcess.Run(service.Db.ConnectionString, "evaluate", "--measure", "M01", "--before", "200", "--after", "300", "--out", output);
            Assert.True(cli.ExitCode == 0, cli.All);
            var file = JsonNode.Parse(File.ReadAllText(output))!;
            Assert.Equal(file["counts"]!.ToJsonString(), http["counts"]!.ToJsonString());
            Assert.Equal(file["dark"]!["rate_ratio"]!.ToJsonString(), http["dark"]!["rate_ratio"]!.ToJsonString());
            Assert.Equal(file["summary_sv"]!.GetValue<string>(), http["summary_sv"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(output);
        }

        var missing = await service.Http.GetAsync($"{service.BaseUrl}/evaluate/M99");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("no measure 'M99'", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lit_ground_and_camera_views_follow_the_registers_on_the_day_asked()
    {
        var lit = await Get("/overlay/lit.geojson?day=2023-01-01");
        var properties = lit["features"]![0]!["properties"]!;
        Assert.Equal(service.Db.Scalar("SELECT count(*) FROM street_light_status_periods WHERE status = 'out' AND (valid_from IS NULL OR valid_from <= '2023-01-01') AND (valid_to IS NULL OR valid_to > '2023-01-01')"),
            properties["lamps_out"]!.GetValue<long>());
        Assert.Equal("MultiPolygon", lit["features"]![0]!["geometry"]!["type"]!.GetValue<string>());
        var lon = lit["features"]![0]!["geometry"]!["coordinates"]![0]![0]![0]![0]!.GetValue<double>();
        Assert.InRange(lon, 15.9, 16.1);

        var watched = await Get("/overlay/watched.geojson?day=2022-01-01");
        Assert.Equal(service.Db.Scalar("SELECT count(*) FROM cameras WHERE installed_on IS NULL OR installed_on <= '2022-01-01'"), watched["features"]!.AsArray().Count);
        var later = await Get("/overlay/watched.geojson?day=2024-12-31");
        Assert.True(later["features"]!.AsArray().Count > watched["features"]!.AsArray().Count, "cameras installed during the period appear");
    }

    [Fact]
    public async Task Area_statistics_count_the_events_PostGIS_counts()
    {
        var result = await Get("/overlay/areas?areas=district&from=2023-01-01&to=2023-12-31");
        var areas = result["areas"]!.AsArray();
        Assert.Equal(service.Db.Scalar("SELECT count(*) FROM areas WHERE kind = 'district'"), areas.Count);
        foreach (var a in areas)
        {
            var expected = service.Db.Scalar($"""
                SELECT count(*) FROM incidents i JOIN areas a ON ST_Covers(a.geom, i.geom)
                WHERE a.external_id = '{a!["id"]!.GetValue<string>()}' AND (i.time_from AT TIME ZONE 'Europe/Stockholm')::date BETWEEN '2023-01-01' AND '2023-12-31'
                """);
            Assert.Equal(expected, a["events"]!.GetValue<long>());
            Assert.True(a["dark_unlit"]!.GetValue<int>() + a["dark_lit"]!.GetValue<int>() == a["dark_events"]!.GetValue<int>());
        }

        var bad = await service.Http.GetAsync($"{service.BaseUrl}/overlay/areas");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badDay = await service.Http.GetAsync($"{service.BaseUrl}/overlay/lit.geojson?day=2024-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
    }

    [Fact]
    public async Task Candidate_places_are_ranked_and_kept_from_the_public()
    {
        var result = await Get("/overlay/candidates?kind=camera&k=2");
        var features = result["features"]!.AsArray();
        Assert.Equal(2, features.Count);
        Assert.Equal(1, features[0]!["properties"]!["rank"]!.GetValue<int>());
        Assert.Null(features[0]!["properties"]!["event_ids"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Http.GetAsync($"{service.BaseUrl}/overlay/candidates?kind=tree")).StatusCode);

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        await using var app = ServerApp.Build(new ServerOptions { ConnectionString = service.Db.ConnectionString, Urls = url, PublicMode = true });
        await app.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync($"{url}/overlay/candidates?kind=camera")).StatusCode);
        // Issue #8: an area's counts for one day and hour gave away single events; the public view has no overlays.
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync($"{url}/overlay/areas?areas=district")).StatusCode);
        await app.StopAsync();
    }

    private async Task<JsonNode> Get(string path)
    {
        var response = await service.Http.GetAsync($"{service.BaseUrl}{path}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        return JsonNode.Parse(body)!;
    }
}
