using System.Globalization;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Tiles;
using Npgsql;

namespace GeoTrygghet.Server.Raster;

/// <summary>
/// The SQL behind raster tiles: geometries clipped and scaled to the 256-pixel tile by PostGIS
/// (<c>ST_AsMVTGeom</c> with an extent of 256), points counted per cell where the vector tile would count
/// them, and for the heat map the incidents counted per pixel.
/// </summary>
internal static class RasterQuery
{
    public const int HeatRadiusPixels = 20;

    public static async Task<byte[]> Render(NpgsqlConnection conn, string layerId, LayerDefinition layer, int z, int x, int y, LayerFilter filter, int srid, int aggregateCells, CancellationToken cancel)
    {
        var heat = layerId == "heatmap";
        var buffer = heat ? HeatRadiusPixels : 8;
        var where = new List<string> { "t.geom && bounds.b" };
        await using var cmd = new NpgsqlCommand { Connection = conn };
        TileQuery.Filters(layer, filter, where, cmd);
        var whereSql = string.Join(" AND ", where);
        var inv = CultureInfo.InvariantCulture;
        var status = layer.Id == "lights" ? "t.status" : "NULL::text";
        var select = heat
            ? $"""
               SELECT floor(ST_X(p.g)) + 0.5, floor(ST_Y(p.g)) + 0.5, count(*)::int
               FROM (SELECT ST_AsMVTGeom({layer.Mercator}, env.e, 256, {buffer}, true) AS g FROM {layer.From}, env, bounds WHERE {whereSql}) p
               WHERE p.g IS NOT NULL GROUP BY 1, 2
               """
            : aggregateCells > 0
                ? $"""
                   SELECT ST_AsBinary(ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(p.g)), avg(ST_Y(p.g))), 3857), ST_TileEnvelope(@z, @x, @y), 256, {buffer}, true)), NULL::text, count(*)::int
                   FROM (SELECT {layer.Mercator} AS g FROM {layer.From}, bounds WHERE {whereSql}) p
                   GROUP BY floor(ST_X(p.g) / @cell), floor(ST_Y(p.g) / @cell)
                   """
                : $"""
                   SELECT ST_AsBinary(ST_AsMVTGeom({layer.Mercator}, env.e, 256, {buffer}, true)), {status}, 1
                   FROM {layer.From}, env, bounds WHERE {whereSql}
                   """;
        cmd.CommandText = string.Create(inv, $"""
            WITH {TileQuery.Envelope(srid, buffer / 256.0)}
            {select}
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("cell", 40075016.685578488 / (1L << z) / Math.Max(1, aggregateCells));
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (heat)
        {
            var cells = new List<(double, double, int)>();
            while (await reader.ReadAsync(cancel))
            {
                cells.Add((reader.GetDouble(0), reader.GetDouble(1), reader.GetInt32(2)));
            }

            return RasterRenderer.Heat(cells, HeatRadiusPixels, Saturation(z));
        }

        var rows = new List<(byte[], string?, int)>();
        while (await reader.ReadAsync(cancel))
        {
            if (!reader.IsDBNull(0))
            {
                rows.Add(((byte[])reader.GetValue(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return RasterRenderer.Features(layer.Id, rows);
    }

    /// <summary>
    /// How many events at one pixel make it fully red: 24 at zoom 16, twice as many per zoom level out
    /// (a pixel then covers four times the ground), so a zoom's tiles share one scale and join without seams.
    /// </summary>
    public static double Saturation(int z) => Math.Max(1, 24 * Math.Pow(2, 16 - z));
}
