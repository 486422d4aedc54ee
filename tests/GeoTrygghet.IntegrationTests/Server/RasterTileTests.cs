using System.Globalization;
using System.Net;
using SkiaSharp;

namespace GeoTrygghet.IntegrationTests.Server;

/// <summary>Raster tiles over real HTTP: decoded PNGs checked at pixels whose content PostGIS tells independently.</summary>
public sealed class RasterTileTests(MapServiceFixture service) : IClassFixture<MapServiceFixture>
{
    [Fact]
    public async Task A_street_light_that_is_out_is_drawn_red_where_it_stands()
    {
        const int z = 18;
        var light = service.Db.Rows($"""
            SELECT x, y, ST_X(m), ST_Y(m) FROM (
              SELECT floor((ST_X(g) + 180) / 360 * 2 ^ {z})::int x,
                     floor((1 - ln(tan(radians(ST_Y(g))) + 1 / cos(radians(ST_Y(g)))) / pi()) / 2 * 2 ^ {z})::int y, l.geom
              FROM street_lights l, ST_Transform(l.geom, 4326) g WHERE l.status = 'out' ORDER BY l.id LIMIT 1) s,
            ST_AsMVTGeom(ST_Transform(s.geom, 3857), ST_TileEnvelope({z}, s.x, s.y), 256, 0, false) m
            """).Single();
        var (tx, ty, px, py) = ((int)light[0]!, (int)light[1]!, (double)light[2]!, (double)light[3]!);

        using var bitmap = await Png($"/raster/lights/{z}/{tx}/{ty}.png");

        var pixel = bitmap.GetPixel((int)px, (int)py);
        Assert.True(pixel.Red > 180 && pixel.Green < 90 && pixel.Alpha > 200, $"pixel ({px}, {py}) is {pixel}");
    }

    [Fact]
    public async Task The_heat_map_is_hottest_at_the_planted_square_and_empty_far_from_any_incident()
    {
        const int z = 16;
        // Stora torget, the compact planted hotspot, and its pixel in its z16 tile.
        var square = service.Db.Rows($"""
            WITH c AS (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(556033, 6597260), 3006), 4326) g),
                 t AS (SELECT floor((ST_X(g) + 180) / 360 * 2 ^ {z})::int x, floor((1 - ln(tan(radians(ST_Y(g))) + 1 / cos(radians(ST_Y(g)))) / pi()) / 2 * 2 ^ {z})::int y, g FROM c)
            SELECT x, y, ST_X(m), ST_Y(m) FROM t, ST_AsMVTGeom(ST_Transform(t.g, 3857), ST_TileEnvelope({z}, t.x, t.y), 256, 0, false) m
            """).Single();
        using var tile = await Png($"/raster/heatmap/{z}/{square[0]}/{square[1]}.png");
        var centre = tile.GetPixel((int)(double)square[2]!, (int)(double)square[3]!);
        Assert.True(centre.Alpha > 200 && centre.Red > 150 && centre.Green < 80, $"the square's pixel is {centre}");

        // A tile far out in the lake west of the town has no incident: fully transparent.
        using var empty = await Png($"/raster/heatmap/{z}/{(int)square[0]! - 40}/{square[1]}.png");
        Assert.All(Enumerable.Range(0, 256).Select(i => empty.GetPixel(i, i)), p => Assert.Equal(0, p.Alpha));
    }

    [Fact]
    public async Task Raster_tiles_have_ETags_and_unknown_layers_are_404()
    {
        var url = $"{service.BaseUrl}/raster/basemap/15/17838/9604.png";
        using var first = await service.Http.GetAsync(url);
        Assert.Equal("image/png", first.Content.Headers.ContentType?.MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await service.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        using var missing = await service.Http.GetAsync($"{service.BaseUrl}/raster/nothing/15/17838/9604.png");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<SKBitmap> Png(string path)
    {
        var bytes = await service.Http.GetByteArrayAsync(service.BaseUrl + path);
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(256, bitmap.Width);
        Assert.Equal(256, bitmap.Height);
        return bitmap.Copy(SKColorType.Rgba8888) ?? bitmap;
    }
}
