using GeoTrygghet.Data.Layers;
using Npgsql;

namespace GeoTrygghet.Server.Raster;

/// <summary>
/// Raster tiles from a layer source's rows (<see cref="LayerSource.RasterTile"/>): geometries drawn in their layer's
/// style, or for the heat map the incidents counted per pixel and spread with a kernel.
/// </summary>
internal static class RasterQuery
{
    public const int HeatRadiusPixels = 20;

    public static async Task<byte[]> Render(NpgsqlConnection conn, string styleId, LayerSource layer, int z, int x, int y, LayerFilter filter, int srid, int aggregateCells, bool heat, CancellationToken cancel)
    {
        await using var cmd = layer.RasterTile(conn, z, x, y, filter, srid, aggregateCells, heat ? HeatRadiusPixels : null);
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

        return RasterRenderer.Features(styleId, rows);
    }

    /// <summary>
    /// How many events at one pixel make it fully red: 24 at zoom 16, twice as many per zoom level out
    /// (a pixel then covers four times the ground), so a zoom's tiles share one scale and join without seams.
    /// </summary>
    public static double Saturation(int z) => Math.Max(1, 24 * Math.Pow(2, 16 - z));
}
