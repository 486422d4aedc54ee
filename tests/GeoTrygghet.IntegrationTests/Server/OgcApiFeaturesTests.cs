using System.Globalization;
using System.Net;
using System.Text.Json;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>OGC API – Features over real HTTP: the documents, paging, bbox and datetime, single items, and GDAL's OAPIF driver.</summary>
public sealed class OgcApiFeaturesTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Fact]
    public async Task Landing_page_conformance_and_collections_describe_the_service()
    {
        using var landing = await Json("/ogc");
        Assert.Contains(landing.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "conformance");
        using var conformance = await Json("/ogc/conformance");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", conformance.RootElement.GetProperty("conformsTo").EnumerateArray().Select(e => e.GetString()));
        using var collections = await Json("/ogc/collections");
        Assert.Equal(9, collections.RootElement.GetProperty("collections").GetArrayLength());

        // The incidents' time extent is their first and last time, as PostGIS has them (UTC).
        using var incidents = await Json("/ogc/collections/incidents");
        var interval = incidents.RootElement.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];
        var rows = service.Db.Rows("SELECT to_char(min(time_from) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), to_char(max(time_from) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM incidents");
        Assert.Equal((string)rows[0][0]!, interval[0].GetString());
        Assert.Equal((string)rows[0][1]!, interval[1].GetString());
        using var lights = await Json("/ogc/collections/lights");
        Assert.False(lights.RootElement.GetProperty("extent").TryGetProperty("temporal", out _), "lights have no times");
    }

    [Fact]
    public async Task Paging_with_next_links_returns_every_light_exactly_once()
    {
        var ids = new List<long>();
        var url = "/ogc/collections/lights/items?limit=500";
        var pages = 0;
        while (url is not null)
        {
            using var page = await Json(url);
            pages++;
            ids.AddRange(page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            Assert.Equal(service.Db.Scalar("SELECT count(*) FROM street_lights"), page.RootElement.GetProperty("numberMatched").GetInt64());
            var next = page.RootElement.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == "next");
            url = next.ValueKind == JsonValueKind.Undefined ? null : new Uri(next.GetProperty("href").GetString()!).PathAndQuery;
        }

        Assert.Equal(service.Db.Scalar("SELECT count(*) FROM street_lights"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(ids.Count / 500.0), pages);
    }

    [Fact]
    public async Task A_bbox_in_CRS84_returns_the_features_inside_it_with_lon_lat_coordinates()
    {
        const string bbox = "15.985,59.505,15.995,59.512";
        using var page = await Json($"/ogc/collections/incidents/items?bbox={bbox}&limit=10000");
        var expected = service.Db.Scalar("SELECT count(*) FROM incidents WHERE ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope(15.985, 59.505, 15.995, 59.512, 4326))");

        Assert.True(expected > 10);
        Assert.Equal(expected, page.RootElement.GetProperty("numberReturned").GetInt64());
        Assert.All(page.RootElement.GetProperty("features").EnumerateArray(), f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 15.985, 15.995);
            Assert.InRange(c[1].GetDouble(), 59.505, 59.512);
        });
    }

    [Theory]
    [InlineData("2023-06-01T00:00:00Z/2023-06-30T23:59:59Z", "'2023-06-01T00:00:00Z'", "'2023-06-30T23:59:59Z'")]
    [InlineData("../2022-02-01T00:00:00Z", null, "'2022-02-01T00:00:00Z'")]
    [InlineData("2024-12-01T00:00:00+01:00/..", "'2024-11-30T23:00:00Z'", null)]
    public async Task Datetime_intervals_open_or_closed_select_the_events_whose_span_meets_them(string datetime, string? start, string? end)
    {
        using var page = await Json($"/ogc/collections/incidents/items?datetime={Uri.EscapeDataString(datetime)}&limit=1");
        var where = new List<string> { "true" };
        if (start is not null)
        {
            where.Add($"coalesce(time_to, time_from) >= {start}::timestamptz");
        }

        if (end is not null)
        {
            where.Add($"time_from <= {end}::timestamptz");
        }

        var expected = service.Db.Scalar($"SELECT count(*) FROM incidents WHERE {string.Join(" AND ", where)}");
        Assert.True(expected > 0);
        Assert.Equal(expected, page.RootElement.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task A_single_feature_is_found_by_id_and_an_unknown_one_is_404()
    {
        var id = service.Db.Scalar("SELECT min(id) FROM cameras");
        using var feature = await Json($"/ogc/collections/cameras/items/{id}");
        Assert.Equal(id, feature.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("Point", feature.RootElement.GetProperty("geometry").GetProperty("type").GetString());

        using var missing = await service.Http.GetAsync($"{service.BaseUrl}/ogc/collections/cameras/items/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bad = await service.Http.GetAsync($"{service.BaseUrl}/ogc/collections/cameras/items?bbox=1,2,3");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Gdal_reads_the_service_with_its_OAPIF_driver()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-so", $"OAPIF:{service.BaseUrl}/ogc", "cameras" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("Layer name: cameras", output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Feature Count: {service.Db.Scalar("SELECT count(*) FROM cameras")}"), output, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> Json(string path) => JsonDocument.Parse(await service.Http.GetStringAsync(service.BaseUrl + path));
}
