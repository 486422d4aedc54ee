using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GeoTrygghet.Core.Crs;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// <c>POST /analyses</c>: an area drawn in the viewer around the demo's Stora torget is analysed in-process by the
/// runner of gt hotspots, stored as a run with its parameters in the catalog, and served as hotspot tiles; bad requests
/// are refused with the reason; an analysis whose client leaves stops and frees the slot for the next.
/// </summary>
public sealed class AnalysisEndpointTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Fact]
    public async Task A_drawn_area_is_analysed_stored_and_listed_with_its_parameters()
    {
        var response = await service.Http.PostAsJsonAsync($"{service.BaseUrl}/analyses", new JsonObject
        {
            ["method"] = "dbscan", ["name"] = "drawn torget", ["area"] = Square(556033, 6597260, 150), ["from"] = "2023-01-01", ["to"] = "2024-12-31",
            ["parameters"] = new JsonObject { ["eps"] = 30, ["min_points"] = 15 },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var answer = JsonNode.Parse(body)!;
        var id = answer["run"]!["id"]!.GetValue<long>();
        Assert.True(answer["run"]!["features"]!.GetValue<int>() >= 1, "the planted hotspot is found in the drawn area");
        Assert.EndsWith($"run={id}", answer["tiles"]!.GetValue<string>(), StringComparison.Ordinal);

        var catalog = JsonNode.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/tiles"))!;
        var run = catalog["runs"]!.AsArray().Single(r => r!["id"]!.GetValue<long>() == id)!;
        Assert.Equal("drawn torget", run["name"]!.GetValue<string>());
        Assert.Equal(30, run["parameters"]!["eps_m"]!.GetValue<double>());
        Assert.NotNull(run["filters"]!["area_polygon"]);

        var tile = await service.Http.GetAsync($"{service.BaseUrl}/tiles/hotspots/14/8919/4802.mvt?run={id}");
        Assert.True(tile.IsSuccessStatusCode);
    }

    [Fact]
    public async Task An_analysis_whose_client_leaves_stops_and_frees_the_slot()
    {
        // Local Moran on a 10 m grid over 3 × 3 km with 9,999 permutations: far more than the two minutes allowed.
        using (var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) })
        {
            impatient.DefaultRequestHeaders.Authorization = service.Http.DefaultRequestHeaders.Authorization;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsJsonAsync($"{service.BaseUrl}/analyses", new JsonObject
            {
                ["method"] = "moran", ["name"] = "left early", ["area"] = Square(556033, 6597260, 1500),
                ["parameters"] = new JsonObject { ["cell"] = 10, ["band"] = 100, ["permutations"] = 9999 },
            }));
        }

        // The one analysis slot is given back when the work stops; it would be held for two minutes if the work went on
        // (and this request would be told to come back after waiting 20 s for it).
        var next = await service.Http.PostAsJsonAsync($"{service.BaseUrl}/analyses", new JsonObject
        {
            ["method"] = "dbscan", ["name"] = "after the one that left", ["area"] = Square(556033, 6597260, 150),
            ["parameters"] = new JsonObject { ["eps"] = 30, ["min_points"] = 15 },
        });
        Assert.True(next.StatusCode == HttpStatusCode.Created, await next.Content.ReadAsStringAsync());
        var catalog = JsonNode.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/tiles"))!;
        Assert.DoesNotContain(catalog["runs"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "left early");
    }

    [Theory]
    [InlineData("{\"method\":\"magic\",\"area\":{\"type\":\"Polygon\",\"coordinates\":[]}}", "method")]
    [InlineData("{\"method\":\"gistar\"}", "area")]
    [InlineData("{\"method\":\"gistar\",\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[15.98,59.50],[16.0,59.50],[16.0,59.52],[15.98,59.50]]]},\"parameters\":{\"eps\":5}}", "parameters.eps")]
    [InlineData("not json", "not a JSON object")]
    public async Task Bad_requests_are_refused_with_the_reason(string json, string expected)
    {
        var response = await service.Http.PostAsync($"{service.BaseUrl}/analyses", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject Square(double x, double y, double half)
    {
        var toWgs84 = new GeometryReprojector(3006, 4326);
        var ring = new JsonArray();
        foreach (var (dx, dy) in new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) })
        {
            var (lon, lat) = toWgs84.ToLonLat(x + (dx * half), y + (dy * half));
            ring.Add(new JsonArray(lon, lat));
        }

        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) };
    }
}
