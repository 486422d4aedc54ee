using System.Globalization;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Data.Events;
using Npgsql;

namespace GeoTrygghet.Data.Layers;

/// <summary>
/// The SQL of the public view's counts: the events of one calendar month (Stockholm time) and optionally one category
/// group, chosen by the one event filter (<see cref="EventFilterSql"/>, where access rules also apply), counted per fixed
/// cell of the analysis CRS and placed at the cell's centre; a count under the smallest shown count carries no number,
/// only the label "färre än K". Every number published is one such cell, month and group.
/// </summary>
public static class PublicCellsSql
{
    /// <summary>One month and optionally one group, in cells of <paramref name="CellMetres"/>, hiding counts under <paramref name="MinCount"/>.</summary>
    public sealed record Query(int Year, int Month, string? Group, double CellMetres, int MinCount)
    {
        public string MonthText => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

        public EventFilter Filter
        {
            get
            {
                var first = new DateOnly(Year, Month, 1);
                return new EventFilter(first, first.AddMonths(1).AddDays(-1), Group: Group);
            }
        }
    }

    public static string FewerThan(int k) => string.Create(CultureInfo.InvariantCulture, $"färre än {k}");

    /// <summary>The month's cells that touch the tile, as points at their centres with group, count (or none) and label.</summary>
    public static NpgsqlCommand Tile(NpgsqlConnection? conn, EventLayerSource layer, int z, int x, int y, Query query, int srid)
    {
        var cmd = new NpgsqlCommand { Connection = conn };
        // Events are taken from the tile grown by four cells on every side (in Web Mercator, whose metres are up to
        // 1/cos(latitude) times longer: four covers the whole cell up to 75° N), so a cell whose centre lies in the tile is
        // counted whole; the tile is not transformed into the analysis CRS, which a low-zoom tile leaves.
        var counts = Counts(layer, query, cmd, $" AND {layer.Mercator} && (SELECT ST_Expand(e, 4 * @cellm) FROM env)");
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
                 c AS ({counts}),
                 src AS (
                   SELECT c.grp AS category_group, @month AS month, @cellm AS cell_m,
                          CASE WHEN c.n >= @k THEN c.n END AS count, CASE WHEN c.n >= @k THEN c.n::text ELSE @fewer END AS label,
                          ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint((c.cx + 0.5) * @cellm, (c.cy + 0.5) * @cellm), {srid}), 3857), env.e, {TileGrid.Extent}, 64, true) AS geom
                   FROM c, env)
            SELECT ST_AsMVT(src, @layer, {TileGrid.Extent}, 'geom') FROM src WHERE geom IS NOT NULL
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("layer", layer.Id);
        Bind(cmd, query);
        return cmd;
    }

    /// <summary>Every cell of the month as a GeoJSON feature collection (CRS84), with what the numbers mean.</summary>
    public static async Task<string> GeoJsonAsync(NpgsqlDataSource db, EventLayerSource layer, Query query, int srid, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand { Connection = conn };
        var counts = Counts(layer, query, cmd, string.Empty);
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH c AS ({counts})
            SELECT json_build_object(
              'type', 'FeatureCollection',
              'layer', @layer, 'month', @month, 'cell_m', @cellm, 'min_count', @k,
              'beskrivning', 'Antal händelser per ruta om ' || @cellm || ' m, kalendermånad och kategori, placerade i rutans mitt. Färre än ' || @k || ' visas utan antal.',
              'features', coalesce(json_agg(json_build_object(
                'type', 'Feature',
                'geometry', ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint((c.cx + 0.5) * @cellm, (c.cy + 0.5) * @cellm), {srid}), 4326), 6)::json,
                'properties', json_build_object('category_group', c.grp, 'month', @month, 'cell_m', @cellm,
                  'count', CASE WHEN c.n >= @k THEN c.n END, 'label', CASE WHEN c.n >= @k THEN c.n::text ELSE @fewer END))
                ORDER BY c.cx, c.cy, c.grp), '[]'::json))::text
            FROM c
            """);
        cmd.Parameters.AddWithValue("layer", layer.Id);
        Bind(cmd, query);
        return (string)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    /// <summary>Counts per cell and group of the month: the SELECT of cell centres (analysis CRS) with their group and count.</summary>
    private static string Counts(EventLayerSource layer, Query query, NpgsqlCommand cmd, string extraWhere)
    {
        var group = layer.Table == EventTable.Incidents ? "t.category_group" : "t.category";
        var where = string.Join(" AND ", EventFilterSql.Conditions(query.Filter, layer.Table, "t", cmd));
        return $"""
            SELECT floor(ST_X(t.geom) / @cellm) AS cx, floor(ST_Y(t.geom) / @cellm) AS cy, {group} AS grp, count(*)::int AS n
            FROM {layer.From}
            WHERE {where}{extraWhere}
            GROUP BY 1, 2, 3
            """;
    }

    private static void Bind(NpgsqlCommand cmd, Query query)
    {
        cmd.Parameters.AddWithValue("cellm", query.CellMetres);
        cmd.Parameters.AddWithValue("k", query.MinCount);
        cmd.Parameters.AddWithValue("month", query.MonthText);
        cmd.Parameters.AddWithValue("fewer", FewerThan(query.MinCount));
    }
}
