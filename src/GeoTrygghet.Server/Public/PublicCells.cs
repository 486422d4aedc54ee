using System.Globalization;
using GeoTrygghet.Core.Time;
using GeoTrygghet.Server.Layers;
using GeoTrygghet.Server.Tiles;
using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Server.Public;

/// <summary>
/// What the public view shows of incidents and EST reports: the number of events per fixed cell of the analysis CRS
/// (<see cref="ServerOptions.PublicCellMetres"/>, default 250 m, never under 100 m), per calendar month (Stockholm time)
/// and category group, placed at the cell's centre. A count under <see cref="ServerOptions.PublicMinCount"/> (default
/// 5) is shown only as "färre än 5", without its number. Every number published is one such cell, month and group;
/// no total over groups, months or cells is offered, so none can be subtracted from another to isolate an event, and
/// no request can narrow the place below its cell or the time below its month (the probe located an assault to 0.04 m
/// and its hour when cells followed the zoom and sat at their points' mean position).
/// </summary>
public static class PublicCells
{
    public const double MinCellMetres = 100;

    public const int MinShownCount = 3;

    /// <summary>What is wrong with a deployment's public cell size and smallest shown count, or null when both are sound.</summary>
    public static string? SettingsProblem(double cellMetres, int minCount) =>
        !(cellMetres >= MinCellMetres && cellMetres <= 10_000)
            ? string.Create(CultureInfo.InvariantCulture, $"the public cell must be {MinCellMetres}–10000 m, not {cellMetres}: smaller cells would place single events")
            : minCount is < MinShownCount or > 100
                ? string.Create(CultureInfo.InvariantCulture, $"the smallest count the public view shows must be {MinShownCount}–100, not {minCount}")
                : null;

    private static readonly string[] Parameters = ["month", "group"];

    /// <summary>One month (<c>month=YYYY-MM</c>, required) and optionally one category group (<c>group</c>); nothing else.</summary>
    public sealed record Request(int Year, int Month, string? Group)
    {
        public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}|{Group}");

        public string MonthText => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
    }

    public static Request Parse(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!Parameters.Contains(key, StringComparer.Ordinal))
            {
                throw new FilterException(key, "den offentliga vyn visar antal per cell, kalendermånad och brottskategori: bara month=ÅÅÅÅ-MM och group är tillåtna (the public view takes only month and group)");
            }
        }

        var text = query["month"].ToString();
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || !StockholmTime.InRange(first))
        {
            throw new FilterException("month", $"'{text}' är inte en månad ÅÅÅÅ-MM ({StockholmTime.YearRange}); den offentliga vyn visar en kalendermånad i taget");
        }

        var group = query["group"].ToString();
        if (group.Length > 100 || group.Any(char.IsControl))
        {
            throw new FilterException("group", "is not a category group");
        }

        return new Request(first.Year, first.Month, group.Length > 0 ? group : null);
    }

    /// <summary>The column that gives an event's category group in the public view.</summary>
    public static string GroupColumn(LayerDefinition layer) => layer.Id == "incidents" ? "t.category_group" : "t.category";

    /// <summary>Counts per cell and group of the month: the SELECT of cell centres (analysis CRS) with their group and count.</summary>
    private static string Counts(LayerDefinition layer, string extraWhere) => $"""
        SELECT floor(ST_X(t.geom) / @cellm) AS cx, floor(ST_Y(t.geom) / @cellm) AS cy, {GroupColumn(layer)} AS grp, count(*)::int AS n
        FROM {layer.From}
        WHERE t.time_from >= @m0 AND t.time_from < @m1 AND (@grp::text IS NULL OR {GroupColumn(layer)} = @grp){extraWhere}
        GROUP BY 1, 2, 3
        """;

    private static void Bind(NpgsqlCommand cmd, Request request, ServerOptions options)
    {
        var first = new DateOnly(request.Year, request.Month, 1);
        cmd.Parameters.AddWithValue("m0", NpgsqlDbType.TimestampTz, StockholmTime.StartOfDay(first));
        cmd.Parameters.AddWithValue("m1", NpgsqlDbType.TimestampTz, StockholmTime.StartOfDay(first.AddMonths(1)));
        cmd.Parameters.AddWithValue("grp", NpgsqlDbType.Text, (object?)request.Group ?? DBNull.Value);
        cmd.Parameters.AddWithValue("cellm", options.PublicCellMetres);
        cmd.Parameters.AddWithValue("k", options.PublicMinCount);
        cmd.Parameters.AddWithValue("month", request.MonthText);
        cmd.Parameters.AddWithValue("fewer", FewerThan(options.PublicMinCount));
    }

    public static string FewerThan(int k) => string.Create(CultureInfo.InvariantCulture, $"färre än {k}");

    /// <summary>The month's cells that touch the tile, as points at their centres with group, count (or none) and label.</summary>
    public static NpgsqlCommand Tile(NpgsqlConnection conn, LayerDefinition layer, int z, int x, int y, Request request, ServerOptions options)
    {
        var cmd = new NpgsqlCommand { Connection = conn };
        // Events are taken from the tile grown by four cells on every side (in Web Mercator, whose metres are up to
        // 1/cos(latitude) times longer: four covers the whole cell up to 75° N), so a cell whose centre lies in the tile is
        // counted whole; the tile is not transformed into the analysis CRS, which a low-zoom tile leaves.
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH env AS (SELECT ST_TileEnvelope(@z, @x, @y) AS e),
                 c AS ({Counts(layer, $" AND {layer.Mercator} && (SELECT ST_Expand(e, 4 * @cellm) FROM env)")}),
                 src AS (
                   SELECT c.grp AS category_group, @month AS month, @cellm AS cell_m,
                          CASE WHEN c.n >= @k THEN c.n END AS count, CASE WHEN c.n >= @k THEN c.n::text ELSE @fewer END AS label,
                          ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint((c.cx + 0.5) * @cellm, (c.cy + 0.5) * @cellm), {options.Crs.Srid}), 3857), env.e, {TileQuery.Extent}, 64, true) AS geom
                   FROM c, env)
            SELECT ST_AsMVT(src, @layer, {TileQuery.Extent}, 'geom') FROM src WHERE geom IS NOT NULL
            """);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("layer", layer.Id);
        Bind(cmd, request, options);
        return cmd;
    }

    /// <summary>Every cell of the month as a GeoJSON feature collection (CRS84), with what the numbers mean.</summary>
    public static async Task<string> GeoJson(NpgsqlDataSource db, LayerDefinition layer, Request request, ServerOptions options, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var cmd = new NpgsqlCommand { Connection = conn };
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            WITH c AS ({Counts(layer, string.Empty)})
            SELECT json_build_object(
              'type', 'FeatureCollection',
              'layer', @layer, 'month', @month, 'cell_m', @cellm, 'min_count', @k,
              'beskrivning', 'Antal händelser per ruta om ' || @cellm || ' m, kalendermånad och kategori, placerade i rutans mitt. Färre än ' || @k || ' visas utan antal.',
              'features', coalesce(json_agg(json_build_object(
                'type', 'Feature',
                'geometry', ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint((c.cx + 0.5) * @cellm, (c.cy + 0.5) * @cellm), {options.Crs.Srid}), 4326), 6)::json,
                'properties', json_build_object('category_group', c.grp, 'month', @month, 'cell_m', @cellm,
                  'count', CASE WHEN c.n >= @k THEN c.n END, 'label', CASE WHEN c.n >= @k THEN c.n::text ELSE @fewer END))
                ORDER BY c.cx, c.cy, c.grp), '[]'::json))::text
            FROM c
            """);
        cmd.Parameters.AddWithValue("layer", layer.Id);
        Bind(cmd, request, options);
        return (string)(await cmd.ExecuteScalarAsync(cancel))!;
    }
}
