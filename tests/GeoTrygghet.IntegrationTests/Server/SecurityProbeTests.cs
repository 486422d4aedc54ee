using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GeoTrygghet.IntegrationTests.Support;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>
/// The security probe's findings against the real service on the demo town (issue #8): request values that the command
/// line would read as options or response files, cross-site and DNS-rebinding requests, unbounded work, and requests that
/// answered 500 instead of saying what was wrong. Each case failed on the service before the fix.
/// </summary>
public sealed class SecurityProbeTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    /// <summary>300 m around the demo's Stora torget, where a hotspot is planted.</summary>
    private static readonly string Torget = Square(556033, 6597260, 150);

    private const string DemoArea = "{\"type\":\"Polygon\",\"coordinates\":[[[15.98,59.50],[16.0,59.50],[16.0,59.52],[15.98,59.50]]]}";

    [Fact]
    public async Task A_name_starting_with_at_is_refused_and_never_read_as_a_response_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"gt-secret-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "Host=db;Password=hunter2");
        try
        {
            // An area and parameters that find the planted hotspot: before the fix the run was stored under the file's text.
            using var response = await PostJson($"{{\"method\":\"dbscan\",\"name\":\"@{secret}\",\"area\":{Torget},\"parameters\":{{\"eps\":30,\"min_points\":15}}}}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("name", body, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
            var catalog = await service.Http.GetStringAsync($"{service.BaseUrl}/tiles");
            Assert.DoesNotContain("hunter2", catalog, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("category")]
    [InlineData("source")]
    public async Task A_list_value_that_looks_like_an_option_is_refused_and_writes_nothing(string field)
    {
        var target = Path.Combine(Path.GetTempPath(), $"gt-injected-{Guid.NewGuid():N}.csv");
        using var response = await PostJson($"{{\"method\":\"dbscan\",\"{field}\":[\"--out={target}\"],\"area\":{DemoArea},\"parameters\":{{\"eps\":30,\"min_points\":15}}}}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}[0]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void The_command_line_reads_no_response_files()
    {
        // With response files on, "gt @file" runs the command written in the file.
        var file = Path.Combine(Path.GetTempPath(), $"gt-args-{Guid.NewGuid():N}.rsp");
        File.WriteAllText(file, "fields\nincidents\n");
        try
        {
            var run = GtProcess.Run(service.Db.ConnectionString, "@" + file);
            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain("time_from", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_cross_site_form_post_is_refused_before_it_runs()
    {
        var runsBefore = service.Db.Scalar("SELECT count(*) FROM analysis_runs");
        var json = $"{{\"method\":\"dbscan\",\"area\":{DemoArea},\"parameters\":{{\"eps\":30,\"min_points\":15}}}}";
        using (var plain = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/analyses") { Content = new StringContent(json, Encoding.UTF8, "text/plain") })
        {
            plain.Headers.Add("Origin", "https://evil.example");
            using var response = await service.Http.SendAsync(plain);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        using (var foreign = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/analyses") { Content = new StringContent(json, Encoding.UTF8, "application/json") })
        {
            foreign.Headers.Add("Origin", "https://evil.example");
            using var response = await service.Http.SendAsync(foreign);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/analyses") { Content = new StringContent(json, Encoding.UTF8, "application/json") })
        {
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            using var response = await service.Http.SendAsync(crossSite);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(runsBefore, service.Db.Scalar("SELECT count(*) FROM analysis_runs"));

        // The service's own page passes the guard (and the bad method is then refused by the endpoint itself).
        using var own = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/analyses") { Content = new StringContent("{\"method\":\"magic\"}", Encoding.UTF8, "application/json") };
        own.Headers.Add("Origin", service.BaseUrl);
        using var ownResponse = await service.Http.SendAsync(own);
        Assert.Equal(HttpStatusCode.BadRequest, ownResponse.StatusCode);
        Assert.Contains("method", await ownResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_the_service_does_not_answer_to_is_refused()
    {
        using var rebound = new HttpRequestMessage(HttpMethod.Get, $"{service.BaseUrl}/tiles");
        rebound.Headers.Host = "evil.example";
        using var response = await service.Http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\"runs\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var local = new HttpRequestMessage(HttpMethod.Get, $"{service.BaseUrl}/tiles");
        local.Headers.Host = "localhost";
        using var ok = await service.Http.SendAsync(local);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (var path in new[] { "/", "/tiles", "/tiles/nonexistent/1/1/1.mvt" })
        {
            using var response = await service.Http.GetAsync(service.BaseUrl + path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"method\":\"moran\",\"area\":AREA,\"parameters\":{\"permutations\":99999}}", "parameters.permutations")]
    [InlineData("{\"method\":\"gistar\",\"area\":AREA,\"parameters\":{\"cell\":1}}", "parameters.cell")]
    [InlineData("{\"method\":\"gistar\",\"area\":AREA,\"parameters\":{\"cell\":50,\"band\":5000}}", "parameters.band")]
    [InlineData("{\"method\":5,\"area\":AREA}", "method")]
    [InlineData("{\"method\":\"gistar\",\"category\":\"x\",\"area\":AREA}", "category")]
    [InlineData("{\"method\":\"gistar\",\"name\":\"a\\u0000b\",\"area\":AREA}", "name")]
    [InlineData("{\"method\":\"gistar\",\"dark_only\":\"yes\",\"area\":AREA}", "dark_only")]
    [InlineData("{\"method\":\"gistar\",\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[15.98,95],[16.0,59.50],[16.0,59.52],[15.98,95]]]}}", "area")]
    public async Task Analyses_beyond_their_bounds_or_of_the_wrong_type_are_refused_with_the_field(string json, string field)
    {
        using var response = await PostJson(json.Replace("AREA", DemoArea, StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(field, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_polygon_of_too_many_vertices_and_a_body_too_large_are_refused()
    {
        var ring = string.Join(',', Enumerable.Range(0, 25_000).Select(i => FormattableString.Invariant($"[{15.98 + (0.02 * Math.Cos(i * 2 * Math.PI / 25_000)):0.######},{59.51 + (0.01 * Math.Sin(i * 2 * Math.PI / 25_000)):0.######}]")));
        var many = $"{{\"method\":\"gistar\",\"area\":{{\"type\":\"Polygon\",\"coordinates\":[[{ring},[15.98,59.51]]]}}}}";
        Assert.True(Encoding.UTF8.GetByteCount(many) < 1_000_000);
        using (var response = await PostJson(many))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("vertices", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A client announcing 40 MB is answered 413 before the body is read (raw TCP: HttpClient would first send it all).
        var uri = new Uri(service.BaseUrl);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        // Signed in: without credentials the service answers 401 before it reads any body at all.
        var head = $"POST /analyses HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {service.TokenFor("polis.analytiker")}\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n{{\"method\":\"gistar\",\"name\":\"xxxx";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
    }

    /// <summary>The probe's requests that answered 500; each must now be a 400 that names what is wrong.</summary>
    [Theory]
    [InlineData("/ogc/collections/incidents/items?bbox=NaN,59,16,60", "bbox")]
    [InlineData("/ogc/collections/incidents/items?bbox=15,59,Infinity,60", "bbox")]
    [InlineData("/ogc/collections/incidents/items?bbox=15,59,16,91", "bbox")]
    [InlineData("/evaluate/M01?before=1e12", "before")]
    [InlineData("/overlay/candidates?radius=1e-300", "radius")]
    [InlineData("/patrol/plan.json?shift=2024-11-29T18:00/02:00&patrols=2&speed_kmh=1e-300", "speed_kmh")]
    [InlineData("/patrol/plan.json?shift=2024-11-29T18:00/02:00&patrols=1e12", "patrols")]
    [InlineData("/patrol/plan.json?shift=2024-11-29T18:00/02:00&patrols=100000", "patrols")]
    public async Task Requests_that_answered_500_are_refused_with_the_parameter(string path, string parameter)
    {
        using var response = await service.Http.GetAsync(service.BaseUrl + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(parameter, body, StringComparison.Ordinal);
    }

    /// <summary>
    /// A tile of zoom 0–2 or an OGC box over the whole world reaches beyond where the analysis CRS is defined, which
    /// PostGIS refused with a 500; now the demo's data is found in them.
    /// </summary>
    [Theory]
    [InlineData("/tiles/incidents/0/0/0.mvt")]
    [InlineData("/tiles/lights/1/1/0.mvt")]
    [InlineData("/tiles/focus_areas/2/2/1.mvt")]
    [InlineData("/raster/lights/1/1/0.png")]
    [InlineData("/ogc/collections/lights/items?bbox=-180,-90,180,90&limit=1")]
    public async Task Low_zoom_tiles_and_world_boxes_hold_the_data(string path)
    {
        using var response = await service.Http.GetAsync(service.BaseUrl + path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        if (path.StartsWith("/ogc", StringComparison.Ordinal))
        {
            Assert.Single(JsonNode.Parse(body)!["features"]!.AsArray());
        }
        else if (path.EndsWith(".png", StringComparison.Ordinal))
        {
            // The tile over the Americas, where the town is not, is the blank one.
            var blank = await service.Http.GetByteArrayAsync(service.BaseUrl + "/raster/lights/1/0/0.png");
            Assert.NotEqual(blank, body);
        }
        else
        {
            Assert.True(body.Length > 0, $"{path} is empty: the town is missing from it");
        }
    }

    [Fact]
    public async Task A_query_string_too_long_for_any_filter_is_refused()
    {
        using var response = await service.Http.GetAsync($"{service.BaseUrl}/tiles/incidents/14/8919/4802.mvt?category={new string('x', 3000)}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Unnamed_analyses_started_together_get_their_own_names_and_an_abandoned_one_leaves_no_file()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var json = $"{{\"method\":\"dbscan\",\"area\":{Torget},\"parameters\":{{\"eps\":30,\"min_points\":15}}}}";
        // An analysis that would run for minutes holds the one analysis slot until its client gives up after 4 s.
        var minutes = $"{{\"method\":\"moran\",\"area\":{Square(556033, 6597260, 1500)},\"parameters\":{{\"cell\":10,\"band\":100,\"permutations\":9999}}}}";
        using var impatient = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var holding = service.Http.PostAsync($"{service.BaseUrl}/analyses", new StringContent(minutes, Encoding.UTF8, "application/json"), impatient.Token);
        await Task.Delay(500);
        // Another gives up while waiting for the slot.
        using var abandon = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            service.Http.PostAsync($"{service.BaseUrl}/analyses", new StringContent(json, Encoding.UTF8, "application/json"), abandon.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holding);

        var first = PostJson(json);
        var second = PostJson(json);
        var names = new List<string>();
        foreach (var response in new[] { await first, await second })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            names.Add(JsonNode.Parse(body)!["run"]!["name"]!.GetValue<string>());
            response.Dispose();
        }

        Assert.NotEqual(names[0], names[1]);
        await Task.Delay(500);
        var left = Directory.GetFiles(Path.GetTempPath(), "gt-area-*.geojson").Where(f => File.GetLastWriteTimeUtc(f) >= started).ToList();
        Assert.True(left.Count == 0, $"area files left behind: {string.Join(", ", left)}");
    }

    private async Task<HttpResponseMessage> PostJson(string json) =>
        await service.Http.PostAsync($"{service.BaseUrl}/analyses", new StringContent(json, Encoding.UTF8, "application/json"));

    private static string Square(double x, double y, double half)
    {
        var toWgs84 = new GeoTrygghet.Core.Crs.GeometryReprojector(3006, 4326);
        var ring = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) }
            .Select(d => toWgs84.ToLonLat(x + (d.Item1 * half), y + (d.Item2 * half)))
            .Select(p => FormattableString.Invariant($"[{p.Lon},{p.Lat}]"));
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', ring)}]]}}";
    }
}
