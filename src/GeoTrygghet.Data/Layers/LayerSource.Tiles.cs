using System.Globalization;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The tiles of a layer, built in PostGIS (<c>ST_TileEnvelope</c>, <c>ST_AsMVTGeom</c>, <c>ST_AsMVT</c>). The tile envelope,
/// with the buffer every tile carries, is densified and transformed into the analysis CRS (<see cref="TileGrid.Envelope"/>),
/// so the bounding-box test uses the layer's GiST index and takes exactly what the tile shows.
/// </summary>
public abstract partial class LayerSource
{
    /// <summary>How many features the tile would hold point by point, counting no further than <paramref name="limit"/>.</summary>
    public NpgsqlCommand TileCount(NpgsqlConnection? conn, int z, int x, int y, LayerFilter filter, int srid, int limit)
    {
        var where = new List<string> { "t.geom && bounds.b" };
        var cmd = new NpgsqlCommand { Connection = conn };
        Conditions(filter, where, cmd);
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH {TileGrid.Envelope(srid, 64.0 / TileGrid.Extent)}
            SELECT count(*) FROM (SELECT 1 FROM {From}, bounds WHERE {string.Join(" AND ", where)} LIMIT {limit}) s
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        return cmd;
    }

    /// <summary>The vector tile (one scalar, the MVT bytes): features, or with <paramref name="aggregateCells"/> &gt; 0 counts per cell.</summary>
    public NpgsqlCommand Tile(NpgsqlConnection? conn, int z, int x, int y, LayerFilter filter, int srid, int aggregateCells)
    {
        var aggregate = aggregateCells > 0;
        var where = new List<string> { "t.geom && bounds.b" };
        var cmd = new NpgsqlCommand { Connection = conn };
        Conditions(filter, where, cmd);
        var whereSql = string.Join(" AND ", where);
        var inv = CultureInfo.InvariantCulture;
        // Counts per cell are grouped on the cell's column and row and placed at the mean position of
        // their points: plain arithmetic, several times faster than collecting geometries.
        var extent = TileGrid.Extent;
        var select = aggregate
            ? $"""
               SELECT count(*)::int AS count, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(p.g)), avg(ST_Y(p.g))), 3857), ST_TileEnvelope(@z, @x, @y), {extent}, 64, true) AS geom
               FROM (SELECT {Mercator} AS g FROM {From}, bounds WHERE {whereSql}) p
               GROUP BY floor(ST_X(p.g) / @cell), floor(ST_Y(p.g) / @cell)
               """
            : $"""
               SELECT {Attributes}, ST_AsMVTGeom({Mercator}, env.e, {extent}, 64, true) AS geom
               FROM {From}, env, bounds
               WHERE {whereSql}
               """;
        cmd.CommandText = string.Create(inv, $"""
            WITH {TileGrid.Envelope(srid, 64.0 / extent)},
                 src AS ({select})
            SELECT ST_AsMVT(src, @layer, {extent}, 'geom') FROM src WHERE geom IS NOT NULL
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("layer", Id);
        cmd.Parameters.AddWithValue("cell", TileGrid.CellMetres(z, aggregateCells));
        return cmd;
    }

    /// <summary>
    /// A 256-pixel raster tile's rows: geometries clipped and scaled to the tile (<c>ST_AsMVTGeom</c> with an extent of
    /// 256) as WKB with the status and a count, points counted per cell where the vector tile would count them; with
    /// <paramref name="heatRadiusPixels"/> the events counted per pixel (x, y, count) for a heat map of that radius.
    /// </summary>
    public NpgsqlCommand RasterTile(NpgsqlConnection? conn, int z, int x, int y, LayerFilter filter, int srid, int aggregateCells, int? heatRadiusPixels = null)
    {
        var heat = heatRadiusPixels is not null;
        var buffer = heatRadiusPixels ?? 8;
        var where = new List<string> { "t.geom && bounds.b" };
        var cmd = new NpgsqlCommand { Connection = conn };
        Conditions(filter, where, cmd);
        var whereSql = string.Join(" AND ", where);
        var select = heat
            ? $"""
               SELECT floor(ST_X(p.g)) + 0.5, floor(ST_Y(p.g)) + 0.5, count(*)::int
               FROM (SELECT ST_AsMVTGeom({Mercator}, env.e, 256, {buffer}, true) AS g FROM {From}, env, bounds WHERE {whereSql}) p
               WHERE p.g IS NOT NULL GROUP BY 1, 2
               """
            : aggregateCells > 0
                ? $"""
                   SELECT ST_AsBinary(ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(p.g)), avg(ST_Y(p.g))), 3857), ST_TileEnvelope(@z, @x, @y), 256, {buffer}, true)), NULL::text, count(*)::int
                   FROM (SELECT {Mercator} AS g FROM {From}, bounds WHERE {whereSql}) p
                   GROUP BY floor(ST_X(p.g) / @cell), floor(ST_Y(p.g) / @cell)
                   """
                : $"""
                   SELECT ST_AsBinary(ST_AsMVTGeom({Mercator}, env.e, 256, {buffer}, true)), {RasterStatus}, 1
                   FROM {From}, env, bounds WHERE {whereSql}
                   """;
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH {TileGrid.Envelope(srid, buffer / 256.0)}
            {select}
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("cell", TileGrid.CellMetres(z, aggregateCells));
        return cmd;
    }
}
