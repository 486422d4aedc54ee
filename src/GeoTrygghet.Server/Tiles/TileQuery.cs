using System.Globalization;
using GeoTrygghet.Data.Events;
using GeoTrygghet.Server.Layers;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Server.Tiles;

/// <summary>
/// Builds a Mapbox vector tile in PostGIS (<c>ST_TileEnvelope</c>, <c>ST_AsMVTGeom</c>, <c>ST_AsMVT</c>).
/// The tile envelope, with the 64-unit buffer every tile carries, is densified and transformed into
/// the analysis CRS, so the bounding-box test uses the layer's GiST index and takes exactly what the
/// tile shows. Point layers below the detail zoom are counted in 64 × 64 cells per tile instead of sent
/// point by point (the public view counts in fixed cells of its own, Public.PublicCells); from the
/// detail zoom on, a tile that would hold more points than the feature budget is counted in 32 × 32
/// cells instead (at z14–15 cells of 20–40 m). Both bound a tile's size and the work of drawing it
/// whatever the data: with 128 × 128 cells a view at z15 over 1,000,000 incidents held ~48,000 features
/// and panning stalled for 230 ms a frame in the browser (bench/BASELINE.md).
/// </summary>
internal static class TileQuery
{
    public const int Extent = 4096;
    public const int AggregateCellsPerSide = 64;
    public const int DenseCellsPerSide = 32;

    /// <summary>How many features the tile would hold point by point, counting no further than <paramref name="limit"/>.</summary>
    public static NpgsqlCommand Count(NpgsqlConnection conn, LayerDefinition layer, int z, int x, int y, LayerFilter filter, int srid, int limit)
    {
        var where = new List<string> { "t.geom && bounds.b" };
        var cmd = new NpgsqlCommand { Connection = conn };
        Filters(layer, filter, where, cmd);
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH {Envelope(srid, 64.0 / Extent)}
            SELECT count(*) FROM (SELECT 1 FROM {layer.From}, bounds WHERE {string.Join(" AND ", where)} LIMIT {limit}) s
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        return cmd;
    }

    public static NpgsqlCommand Build(NpgsqlConnection conn, LayerDefinition layer, int z, int x, int y, LayerFilter filter, int srid, int aggregateCells)
    {
        var aggregate = aggregateCells > 0;
        var where = new List<string> { "t.geom && bounds.b" };
        var cmd = new NpgsqlCommand { Connection = conn };
        Filters(layer, filter, where, cmd);
        var whereSql = string.Join(" AND ", where);
        var inv = CultureInfo.InvariantCulture;
        // Counts per cell are grouped on the cell's column and row and placed at the mean position of
        // their points: plain arithmetic, several times faster than collecting geometries.
        var select = aggregate
            ? $"""
               SELECT count(*)::int AS count, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(p.g)), avg(ST_Y(p.g))), 3857), ST_TileEnvelope(@z, @x, @y), {Extent}, 64, true) AS geom
               FROM (SELECT {layer.Mercator} AS g FROM {layer.From}, bounds WHERE {whereSql}) p
               GROUP BY floor(ST_X(p.g) / @cell), floor(ST_Y(p.g) / @cell)
               """
            : $"""
               SELECT {layer.Attributes}, ST_AsMVTGeom({layer.Mercator}, env.e, {Extent}, 64, true) AS geom
               FROM {layer.From}, env, bounds
               WHERE {whereSql}
               """;
        cmd.CommandText = string.Create(inv, $"""
            WITH {Envelope(srid, 64.0 / Extent)},
                 src AS ({select})
            SELECT ST_AsMVT(src, @layer, {Extent}, 'geom') FROM src WHERE geom IS NOT NULL
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("layer", layer.Id);
        // Web Mercator's world is 40,075,016.69 m wide; a tile is that over 2^z.
        cmd.Parameters.AddWithValue("cell", 40075016.685578488 / (1L << z) / Math.Max(1, aggregateCells));
        return cmd;
    }

    /// <summary>
    /// The CTEs <c>env</c> (the tile in EPSG:3857, parameters @z, @x, @y) and <c>bounds</c> (the tile
    /// grown by its buffer, given as a share of its width, densified and transformed into the analysis
    /// CRS, so that <c>t.geom &amp;&amp; bounds.b</c> uses the layer's GiST index and takes exactly what the tile shows).
    /// The grown tile is first cut to the analysis CRS's area of use: a tile of zoom 0–2 reaches far beyond it, where
    /// PostGIS refuses the transformation ("point outside of projection domain") and the tile answered 500.
    /// </summary>
    public static string Envelope(int srid, double bufferShare) => string.Create(CultureInfo.InvariantCulture, $"""
        env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
                 bounds AS (SELECT ST_Transform(ST_Segmentize({AreaOfUse(srid, $"ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * {bufferShare:R})")}, LEAST((ST_XMax(e) - ST_XMin(e)) / 8, 10000)), {srid}) AS b FROM env)
        """);

    /// <summary>
    /// A Web Mercator geometry cut to where coordinates of <paramref name="srid"/> make sense (its area of use, within
    /// Web Mercator's latitudes), so it can be transformed into that CRS.
    /// </summary>
    public static string AreaOfUse(int srid, string geometry3857)
    {
        if (!Core.Crs.CrsRegistry.IsKnown(srid))
        {
            return geometry3857;
        }

        var a = Core.Crs.CrsRegistry.Get(srid);
        return string.Create(CultureInfo.InvariantCulture,
            $"ST_Intersection({geometry3857}, ST_Transform(ST_MakeEnvelope({a.MinLon:R}, {Math.Max(a.MinLat, -85):R}, {a.MaxLon:R}, {Math.Min(a.MaxLat, 85):R}, 4326), 3857))");
    }

    /// <summary>Adds the WHERE clauses and parameters of the filters that apply to the layer.</summary>
    public static void Filters(LayerDefinition layer, LayerFilter filter, List<string> where, NpgsqlCommand cmd)
    {
        if (layer.Events is { } table)
        {
            where.AddRange(EventFilterSql.Conditions(filter.Events, table, "t", cmd));
        }

        if (layer.Id == "hotspots")
        {
            where.Add(filter.Run is null ? "t.run_id = (SELECT max(id) FROM analysis_runs)" : "t.run_id = @run");
            if (filter.Run is { } run)
            {
                cmd.Parameters.AddWithValue("run", run);
            }
        }
    }
}
