using System.Net;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>The plan page's endpoint gives the plan of <c>gt patrol plan</c>, in each of its files.</summary>
public sealed class PatrolEndpointTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Fact]
    public async Task The_plan_over_HTTP_is_the_plan_of_the_command_line()
    {
        if (service.Db.Scalar("SELECT count(*) FROM analysis_runs WHERE name = 'plan-page'") == 0)
        {
            var run = GtProcess.Run(service.Db.ConnectionString, "hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "plan-page");
            Assert.True(run.ExitCode == 0, run.All);
        }

        // The command line reads every event; the police see the housing company's reports only once it shares them exactly.
        var sharing = GtProcess.Run(service.Db.ConnectionString, "sharing", "set", "--from", "kbab", "--to", "polisen", "--layer", "reports", "--level", "exact");
        Assert.True(sharing.ExitCode == 0, sharing.All);
        var query = "shift=2024-11-29T18:00/02:00&patrols=2&run=plan-page&seed=4";
        var http = JsonNode.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/patrol/plan.json?{query}"))!;
        var file = Path.Combine(Path.GetTempPath(), $"gt-plan-{Guid.NewGuid():N}.json");
        try
        {
            var cli = GtProcess.Run(service.Db.ConnectionString, "patrol", "plan", "--shift", "2024-11-29T18:00/02:00", "--patrols", "2", "--run", "plan-page", "--seed", "4", "--out", file);
            Assert.True(cli.ExitCode == 0, cli.All);
            Assert.Equal(JsonNode.Parse(File.ReadAllText(file))!["stops"]!.ToJsonString(), http["stops"]!.ToJsonString());
        }
        finally
        {
            File.Delete(file);
            File.Delete(Path.ChangeExtension(file, ".geojson"));
        }

        var geojson = JsonNode.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/patrol/plan.geojson?{query}"))!;
        Assert.Equal(http["stops"]!.AsArray().Count, geojson["features"]!.AsArray().Count(f => f!["properties"]!["kind"]!.GetValue<string>() == "stop"));
        var gpx = await service.Http.GetAsync($"{service.BaseUrl}/patrol/plan.gpx?{query}");
        Assert.Equal("application/gpx+xml", gpx.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<gpx", await gpx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdf = await service.Http.GetByteArrayAsync($"{service.BaseUrl}/patrol/plan.pdf?{query}");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task A_bad_shift_or_patrol_count_is_a_bad_request()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Http.GetAsync($"{service.BaseUrl}/patrol/plan.json?shift=tomorrow&patrols=2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Http.GetAsync($"{service.BaseUrl}/patrol/plan.json?shift=2024-11-29T18:00/02:00")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync($"{service.BaseUrl}/patrol/plan.kml?shift=2024-11-29T18:00/02:00&patrols=1")).StatusCode);
    }
}
