using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Server;

namespace GeoTrygghet.IntegrationTests.Access;

/// <summary>
/// Every endpoint × role × layer of the service on the demo town (issue #10): someone not signed in, the police's
/// analyst, the municipality's coordinator and the housing company's partner, under the demo's rules (the municipality
/// shares its reports exactly with the police, the housing company its reports exactly with the municipality; the rest
/// is the default, aggregated). Each request's status is what the sharing rules and the role say, and where a reader
/// sees a layer exactly, the features it gets are exactly the rows of the organisations it may see, counted in the
/// database.
/// </summary>
public sealed class RoleMatrixTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    private static readonly string[] Readers = ["anonymous", "polis.analytiker", "kommun.samordnare", "kbab.partner"];

    /// <summary>The path and the status each reader gets, in the order of <see cref="Readers"/>.</summary>
    public static TheoryData<string, int[]> Endpoints => new()
    {
        { "/tiles", [200, 200, 200, 200] },
        { "/auth/me", [200, 200, 200, 200] },
        // Incidents are the police's: point by point for the police, as the public view's cells (one month) for the rest.
        { "/tiles/incidents/14/8919/4802.mvt?month=2024-03", [200, 200, 200, 200] },
        { "/tiles/incidents/14/8919/4802.mvt?from=2024-03-01&to=2024-03-31", [400, 200, 400, 400] },
        { "/tiles/incidents.json", [200, 200, 200, 200] },
        { "/raster/heatmap/14/8919/4802.png", [401, 200, 403, 403] },
        { "/raster/incidents/14/8919/4802.png", [401, 200, 403, 403] },
        { "/ogc/collections/incidents", [401, 200, 403, 403] },
        { "/ogc/collections/incidents/items?limit=1", [401, 200, 403, 403] },
        // Reports: every organisation sees its own exactly; the public only as cells.
        { "/tiles/reports/14/8919/4802.mvt?from=2024-03-01&to=2024-03-31", [400, 200, 200, 200] },
        { "/raster/reports/14/8919/4802.png", [401, 200, 200, 200] },
        { "/ogc/collections/reports/items?limit=1", [401, 200, 200, 200] },
        // Hotspot runs are the organisation's own: the demo's are the police's.
        { "/tiles/hotspots/14/8919/4802.mvt", [401, 200, 200, 200] },
        { "/ogc/collections/hotspots/items?limit=1", [401, 200, 200, 200] },
        // Layers without events: everyone.
        { "/tiles/lights/14/8919/4802.mvt", [200, 200, 200, 200] },
        { "/raster/lights/14/8919/4802.png", [200, 200, 200, 200] },
        { "/ogc/collections/measures/items?limit=1", [200, 200, 200, 200] },
        { "/public/incidents.geojson?month=2024-03", [200, 200, 200, 200] },
        { "/public/reports.geojson?month=2024-03", [200, 200, 200, 200] },
        { "/evaluate/M01", [200, 200, 200, 200] },
        // Other windows than the default only for those who see the counted events exactly (the public view takes none).
        { "/evaluate/M01?before=180", [400, 200, 400, 400] },
        // Tools: overlays for every signed-in reader; areas and candidates for analysts and coordinators; plans for the police.
        { "/overlay/lit.geojson", [401, 200, 200, 200] },
        { "/overlay/areas?areas=all", [401, 200, 200, 403] },
        { "/overlay/candidates", [401, 200, 200, 403] },
        { "/patrol/plan.json?shift=2024-11-29T18:00/02:00&patrols=2", [401, 200, 403, 403] },
        { "/no-such-endpoint", [401, 404, 404, 404] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_reader_gets_what_its_role_and_the_sharing_rules_allow(string path, int[] statuses)
    {
        EnsurePoliceRun();
        for (var r = 0; r < Readers.Length; r++)
        {
            using var client = Client(Readers[r]);
            using var response = await client.GetAsync(service.BaseUrl + path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(statuses[r] == (int)response.StatusCode, $"{Readers[r]} GET {path}: {(int)response.StatusCode}, expected {statuses[r]}: {body[..Math.Min(body.Length, 300)]}");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }
        }
    }

    [Fact]
    public async Task A_new_analysis_is_the_analysts_and_coordinators_and_is_stored_as_their_organisations()
    {
        var statuses = new List<int>();
        foreach (var reader in Readers)
        {
            using var client = Client(reader);
            // An empty body: refused for what it lacks only once the reader may analyse at all.
            using var response = await client.PostAsync($"{service.BaseUrl}/analyses", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([401, 400, 400, 403], statuses);

        // The municipality analyses its reports (and the housing company's, shared exactly); the run is the municipality's.
        using var kommun = Client("kommun.samordnare");
        using var made = await kommun.PostAsync($"{service.BaseUrl}/analyses", new StringContent(
            """{"method":"dbscan","include":"reports","name":"kommun reports","area":{"type":"Polygon","coordinates":[[[15.97,59.50],[16.01,59.50],[16.01,59.52],[15.97,59.52],[15.97,59.50]]]},"parameters":{"eps":60,"min_points":10}}""",
            Encoding.UTF8, "application/json"));
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        Assert.Equal("kommun", service.Db.Rows("SELECT org_id FROM analysis_runs WHERE name = 'kommun reports'").Single()[0]);
        Assert.Contains(Runs(await kommun.GetStringAsync($"{service.BaseUrl}/tiles")), r => r == "kommun reports");
        using var police = Client("polis.analytiker");
        Assert.DoesNotContain(Runs(await police.GetStringAsync($"{service.BaseUrl}/tiles")), r => r == "kommun reports");

        // Incidents it sees only aggregated: refused, not run on nothing.
        using var incidents = await kommun.PostAsync($"{service.BaseUrl}/analyses", new StringContent(
            """{"method":"dbscan","include":"incidents","area":{"type":"Polygon","coordinates":[[[15.97,59.50],[16.01,59.50],[16.01,59.52],[15.97,59.52],[15.97,59.50]]]},"parameters":{"eps":60,"min_points":10}}""",
            Encoding.UTF8, "application/json"));
        Assert.True(incidents.StatusCode == HttpStatusCode.Forbidden, await incidents.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("polis.analytiker", "incidents", "polisen")]
    [InlineData("polis.analytiker", "reports", "polisen,kommun")]
    [InlineData("kommun.samordnare", "reports", "kommun,kbab")]
    [InlineData("kbab.partner", "reports", "kbab")]
    public async Task A_reader_gets_exactly_the_rows_of_the_organisations_it_may_see(string reader, string layer, string owners)
    {
        using var client = Client(reader);
        var page = JsonNode.Parse(await client.GetStringAsync($"{service.BaseUrl}/ogc/collections/{layer}/items?limit=1"))!;
        var expected = service.Db.Scalar($"SELECT count(*) FROM {layer} WHERE org_id = ANY(string_to_array('{owners}', ','))");
        Assert.True(expected > 0, $"the demo has no {layer} of {owners}");
        Assert.Equal(expected, page["numberMatched"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_catalog_offers_each_reader_its_layers_as_it_may_see_them_and_its_organisations_runs_only()
    {
        EnsurePoliceRun();
        var expected = new Dictionary<string, (string Incidents, string Reports, bool Runs)>
        {
            ["anonymous"] = ("aggregate", "aggregate", false),
            ["polis.analytiker"] = ("exact", "exact", true),
            ["kommun.samordnare"] = ("aggregate", "exact", false),
            ["kbab.partner"] = ("aggregate", "exact", false),
        };
        foreach (var (reader, (incidents, reports, runs)) in expected)
        {
            using var client = Client(reader);
            var catalog = JsonNode.Parse(await client.GetStringAsync($"{service.BaseUrl}/tiles"))!;
            var layers = catalog["layers"]!.AsArray().ToDictionary(l => l!["id"]!.GetValue<string>(), l => l!["access"]!.GetValue<string>());
            Assert.Equal(incidents, layers["incidents"]);
            Assert.Equal(reports, layers["reports"]);
            Assert.Equal(reader != "anonymous", layers.ContainsKey("hotspots"));
            Assert.True(runs == Runs(catalog.ToJsonString()).Contains("matrix police run"), $"{reader}: the police's run");
        }
    }

    /// <summary>A run made on the command line, which belongs to the one police organisation.</summary>
    private void EnsurePoliceRun()
    {
        lock (service)
        {
            if (service.Db.Scalar("SELECT count(*) FROM analysis_runs WHERE name = 'matrix police run'") == 0)
            {
                var run = Support.GtProcess.Run(service.Db.ConnectionString, "hotspots", "dbscan", "--eps", "60", "--min-points", "25", "--name", "matrix police run");
                Assert.True(run.ExitCode == 0, run.All);
            }
        }

        Assert.Equal("polisen", service.Db.Rows("SELECT org_id FROM analysis_runs WHERE name = 'matrix police run'").Single()[0]);
    }

    private static List<string> Runs(string catalog) =>
        JsonNode.Parse(catalog)!["runs"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();

    private HttpClient Client(string reader) => reader == "anonymous" ? new HttpClient() : service.ClientFor(reader);
}
