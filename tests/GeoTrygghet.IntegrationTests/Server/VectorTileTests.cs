using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoTrygghet.IntegrationTests.Support;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>Vector tiles over real HTTP from the real service on a real PostGIS, decoded and checked against SQL.</summary>
public sealed class VectorTileTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    // Stora torget in the demo town, at zoom 14 and 16.
    private const int Z = 14, X = 8919, Y = 4802;

    [Fact]
    public async Task The_catalog_lists_every_layer_with_its_TileJSON()
    {
        using var doc = JsonDocument.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/tiles"));
        var ids = doc.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(["incidents", "reports", "lights", "cameras", "camera_views", "focus_areas", "measures", "basemap", "hotspots"], ids);

        using var tileJson = JsonDocument.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/tiles/lights.json"));
        Assert.Equal("3.0.0", tileJson.RootElement.GetProperty("tilejson").GetString());
        Assert.EndsWith("/tiles/lights/{z}/{x}/{y}.mvt", tileJson.RootElement.GetProperty("tiles")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("lights", tileJson.RootElement.GetProperty("vector_layers")[0].GetProperty("id").GetString());
        // Bounds are the data's, so a client zooms to the town and not to the country.
        var expected = service.Db.Rows("SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 3006), 4326) b FROM street_lights) e").Single();
        var bounds = tileJson.RootElement.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal((double)expected[i]!, bounds[i], 5);
        }
    }

    [Fact]
    public async Task A_stored_analysis_run_is_listed_in_the_catalog_and_served_as_its_own_layer()
    {
        var run = GtProcess.Run(service.Db.ConnectionString, "hotspots", "gistar", "--cell", "100", "--band", "250", "--name", "catalog test");
        Assert.True(run.ExitCode == 0, run.All);
        var id = service.Db.Scalar("SELECT id FROM analysis_runs WHERE name = 'catalog test'");

        using var catalog = JsonDocument.Parse(await service.Http.GetStringAsync($"{service.BaseUrl}/tiles"));
        var listed = catalog.RootElement.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal("Getis-Ord Gi*", listed.GetProperty("method").GetString());
        Assert.EndsWith($"?run={id}", listed.GetProperty("tiles").GetString(), StringComparison.Ordinal);

        var cells = await Decode("hotspots", Z, X, Y, $"?run={id}");
        var expected = service.Db.Scalar($"""
            SELECT count(*) FROM analysis_features f, ST_TileEnvelope({Z}, {X}, {Y}) e
            WHERE f.run_id = {id} AND ST_Intersects(ST_Transform(f.geom, 3857), ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 64 / 4096))
            """);
        Assert.Equal(expected, cells.Count);
        Assert.All(cells, c => Assert.Equal(id, Convert.ToInt64(c.Attributes["run_id"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task An_incident_tile_holds_exactly_the_incidents_inside_the_tile_with_their_attributes()
    {
        var features = await Decode("incidents", Z, X, Y);
        // A tile also carries what lies in its 64-unit buffer (of 4096), so that symbols at the edge are whole.
        var expected = service.Db.Scalar($"""
            SELECT count(*) FROM incidents, ST_TileEnvelope({Z}, {X}, {Y}) e
            WHERE ST_Intersects(ST_Transform(geom, 3857), ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 64 / 4096))
            """);

        Assert.True(expected > 100);
        Assert.Equal(expected, features.Count);
        var ids = features.Select(f => Convert.ToInt64(f.Attributes["id"], CultureInfo.InvariantCulture)).ToHashSet();
        var someId = ids.First();
        var row = service.Db.Rows($"SELECT category, time_from FROM incidents WHERE id = {someId}").Single();
        var feature = features.First(f => Convert.ToInt64(f.Attributes["id"], CultureInfo.InvariantCulture) == someId);
        Assert.Equal(row[0], feature.Attributes["category"]);
        // Shown in Stockholm time with its offset: the same instant as stored.
        Assert.Equal(((DateTime)row[1]!).ToUniversalTime(), DateTimeOffset.Parse((string)feature.Attributes["time_from"], CultureInfo.InvariantCulture).UtcDateTime);
        Assert.Matches(@"\+0[12]:00$", (string)feature.Attributes["time_from"]);
    }

    [Fact]
    public async Task A_category_and_period_filter_changes_what_the_tile_holds()
    {
        var all = await Decode("incidents", Z, X, Y);
        var filtered = await Decode("incidents", Z, X, Y, "?category=violence&from=2024-01-01&to=2024-12-31");

        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < all.Count);
        Assert.All(filtered, f => Assert.Equal("violence", f.Attributes["category_group"]));
        Assert.All(filtered, f => Assert.StartsWith("2024-", (string)f.Attributes["time_from"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Below_the_detail_zoom_points_are_counts_per_cell_that_add_up_to_the_incidents()
    {
        // Zoom 10 holds the whole town: the counts add up to every incident in the tile.
        var features = await Decode("incidents", 10, 557, 300);
        var expected = service.Db.Scalar("SELECT count(*) FROM incidents WHERE ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(10, 557, 300))");

        Assert.Equal(expected, features.Sum(f => Convert.ToInt64(f.Attributes["count"], CultureInfo.InvariantCulture)));
        Assert.True(features.Count <= 64 * 64);
        Assert.DoesNotContain(features, f => f.Attributes.Exists("category"));
    }

    [Fact]
    public async Task A_repeated_request_with_the_ETag_gets_304_and_a_new_import_changes_the_ETag_and_the_tile()
    {
        var url = $"{service.BaseUrl}/tiles/reports/{Z}/{X}/{Y}.mvt";
        using var first = await service.Http.GetAsync(url);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await service.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        var before = (await Decode("reports", Z, X, Y)).Count;

        // A new report at Stora torget, imported while the service runs.
        var file = Path.Combine(Path.GetTempPath(), $"gt-new-report-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "id,x,y,time_from,category\nNEW1,556033,6597260,2025-01-10T22:00,graffiti\n");
        var import = GtProcess.Run(service.Db.ConnectionString, "import", "reports", file, "--source", "etag-test");
        File.Delete(file);
        Assert.True(import.ExitCode == 0, import.All);

        // The notification reaches the service within moments; the tile must not be served stale after it.
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            after = await service.Http.SendAsync(request);
            if (after.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, after!.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Equal(before + 1, (await Decode("reports", Z, X, Y)).Count);
    }

    [Theory]
    [InlineData("/tiles/nolayer/14/8919/4802.mvt", 404)]
    [InlineData("/tiles/incidents/14/99999/4802.mvt", 400)]
    [InlineData("/tiles/incidents/x/1/1.mvt", 400)]
    [InlineData("/tiles/incidents/14/8919/4802.mvt?from=2024-13-01", 400)]
    [InlineData("/tiles/incidents/14/8919/4802.mvt?from=0001-01-01", 400)]
    [InlineData("/tiles/incidents/14/8919/4802.mvt?to=9999-12-31", 400)]
    [InlineData("/tiles/incidents/14/8919/4802.mvt?hours=25-3", 400)]
    [InlineData("/tiles/hotspots/14/8919/4802.mvt?run=999999", 404)]
    public async Task Bad_requests_get_problem_details_with_the_right_status(string path, int status)
    {
        using var response = await service.Http.GetAsync(service.BaseUrl + path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Camera_view_sectors_are_polygons_that_contain_points_just_in_front_of_their_camera()
    {
        var inside = service.Db.Scalar("""
            SELECT count(*) FROM cameras c JOIN camera_view_sectors v ON v.camera_id = c.id
            WHERE ST_Contains(v.geom, ST_SetSRID(ST_MakePoint(ST_X(c.geom) + 5 * sin(radians(c.direction_deg)), ST_Y(c.geom) + 5 * cos(radians(c.direction_deg))), 3006))
              AND NOT ST_Contains(v.geom, ST_SetSRID(ST_MakePoint(ST_X(c.geom) - 5 * sin(radians(c.direction_deg)), ST_Y(c.geom) - 5 * cos(radians(c.direction_deg))), 3006))
            """);
        Assert.Equal(service.Db.Scalar("SELECT count(*) FROM cameras WHERE direction_deg IS NOT NULL AND fov_deg BETWEEN 1 AND 180 AND range_m > 5"), inside);
        Assert.NotEmpty(await Decode("camera_views", Z, X, Y));
    }

    [Fact]
    public async Task Gdal_reads_a_tile_of_the_service()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gt-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(path, await service.Http.GetByteArrayAsync($"{service.BaseUrl}/tiles/lights/{Z}/{X}/{Y}.mvt"));
        var psi = new System.Diagnostics.ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-al", "-so", path })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        File.Delete(path);
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("Layer name: lights", output, StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {(await Decode("lights", Z, X, Y)).Count}", output, StringComparison.Ordinal);
    }

    private async Task<List<NetTopologySuite.Features.IFeature>> Decode(string layer, int z, int x, int y, string query = "")
    {
        var bytes = await service.Http.GetByteArrayAsync($"{service.BaseUrl}/tiles/{layer}/{z}/{x}/{y}.mvt{query}");
        if (bytes.Length == 0)
        {
            return [];
        }

        using var stream = new MemoryStream(bytes);
        var tile = new MapboxTileReader().Read(stream, new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        return tile.Layers.Where(l => l.Name == layer).SelectMany(l => l.Features).ToList();
    }
}
