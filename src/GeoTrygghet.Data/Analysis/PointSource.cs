using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Core.Time;
using Npgsql;

namespace GeoTrygghet.Data.Analysis;

/// <summary>
/// Loads the events an analysis runs on from PostGIS with a <see cref="PointFilter"/>: the filtering
/// (period, category, source, area, hours) is done by the database, the analysis gets columns.
/// Hours and dates are of Stockholm local time.
/// </summary>
public static class PointSource
{
    public static PointTable Load(string connectionString, PointFilter filter, CancellationToken cancel = default)
    {
        if (!filter.UsesIncidents && !filter.UsesReports)
        {
            throw new DatabaseException("the filter takes neither incidents nor reports (both weights are 0).");
        }

        using var conn = Schema.SchemaManager.Open(connectionString);
        if (filter.Area is { } areaName)
        {
            using var check = new NpgsqlCommand("SELECT count(*) FROM areas WHERE name = $1", conn);
            check.Parameters.AddWithValue(areaName);
            if ((long)check.ExecuteScalar()! == 0)
            {
                using var names = new NpgsqlCommand("SELECT coalesce(string_agg(DISTINCT name, ', ' ORDER BY name), '(none)') FROM areas", conn);
                throw new DatabaseException($"there is no area named '{areaName}'; areas: {names.ExecuteScalar()}");
            }
        }

        var parts = new List<string>();
        if (filter.UsesIncidents)
        {
            parts.Add(Select("incidents", "'i:' || e.id", "e.category_group = ANY(@categories) OR e.category = ANY(@categories)", "@incident_weight"));
        }

        if (filter.UsesReports)
        {
            parts.Add(Select("reports", "'r:' || e.id", "e.category = ANY(@categories)", "@report_weight"));
        }

        using var cmd = new NpgsqlCommand(string.Join("\nUNION ALL\n", parts) + "\nORDER BY 1", conn);
        cmd.Parameters.AddWithValue("from", filter.From is { } f ? StockholmTime.StartOfDay(f) : DateTimeOffset.MinValue);
        cmd.Parameters.AddWithValue("to", filter.To is { } t ? StockholmTime.StartOfDay(t.AddDays(1)) : DateTimeOffset.MaxValue);
        cmd.Parameters.AddWithValue("categories", (filter.Categories ?? []).ToArray());
        cmd.Parameters.AddWithValue("has_categories", filter.Categories is { Count: > 0 });
        cmd.Parameters.AddWithValue("sources", (filter.Sources ?? []).ToArray());
        cmd.Parameters.AddWithValue("has_sources", filter.Sources is { Count: > 0 });
        cmd.Parameters.AddWithValue("area", (object?)filter.Area ?? DBNull.Value);
        cmd.Parameters.AddWithValue("area_wkt", NpgsqlTypes.NpgsqlDbType.Text, (object?)filter.AreaWkt ?? DBNull.Value);
        cmd.Parameters.AddWithValue("hour_from", filter.Hours?.From ?? 0);
        cmd.Parameters.AddWithValue("hour_to", filter.Hours?.To ?? 24);
        cmd.Parameters.AddWithValue("incident_weight", filter.IncidentWeight);
        cmd.Parameters.AddWithValue("report_weight", filter.ReportWeight);
        var ids = new List<string>();
        var xs = new List<double>();
        var ys = new List<double>();
        var from = new List<DateTimeOffset?>();
        var to = new List<DateTimeOffset?>();
        var cats = new List<string?>();
        var weights = new List<double>();
        cmd.ReadRows(cancel, reader =>
        {
            ids.Add(reader.GetString(0));
            xs.Add(reader.GetDouble(1));
            ys.Add(reader.GetDouble(2));
            from.Add(reader.GetFieldValue<DateTimeOffset>(3));
            to.Add(reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
            cats.Add(reader.IsDBNull(5) ? null : reader.GetString(5));
            weights.Add(reader.GetDouble(6));
        });

        return new PointTable { Ids = [.. ids], X = [.. xs], Y = [.. ys], TimeFrom = [.. from], TimeTo = [.. to], Category = [.. cats], Weight = [.. weights] };

        string Select(string table, string id, string categoryMatch, string weight) => $"""
            SELECT {id}, ST_X(e.geom), ST_Y(e.geom), e.time_from, e.time_to, e.category, {weight}::double precision
            FROM {table} e
            WHERE e.time_from >= @from AND e.time_from < @to
              AND (NOT @has_categories OR {categoryMatch})
              AND (NOT @has_sources OR e.source = ANY(@sources))
              AND (@area::text IS NULL OR EXISTS (SELECT 1 FROM areas a WHERE a.name = @area AND ST_Covers(a.geom, e.geom)))
              AND (@area_wkt::text IS NULL OR ST_Covers(ST_GeomFromText(@area_wkt::text, ST_SRID(e.geom)), e.geom))
              AND (CASE WHEN @hour_from < @hour_to
                        THEN extract(hour FROM e.time_from AT TIME ZONE 'Europe/Stockholm') >= @hour_from AND extract(hour FROM e.time_from AT TIME ZONE 'Europe/Stockholm') < @hour_to
                        ELSE extract(hour FROM e.time_from AT TIME ZONE 'Europe/Stockholm') >= @hour_from OR extract(hour FROM e.time_from AT TIME ZONE 'Europe/Stockholm') < @hour_to END)
            """;
    }

    /// <summary>What the --category filter can match, for an error message that helps.</summary>
    public static string DescribeCategories(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT 'incident groups: ' || coalesce((SELECT string_agg(DISTINCT category_group, ', ' ORDER BY category_group) FROM incidents), '(none)')
                || '; report categories: ' || coalesce((SELECT string_agg(DISTINCT category, ', ' ORDER BY category) FROM reports), '(none)')
                || '; events from ' || coalesce((SELECT to_char(min(time_from) AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') || ' to ' || to_char(max(time_from) AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') FROM incidents), '(no incidents)')
            """, conn);
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>The street lights that work today, as points (the denominator of a dual KDE).</summary>
    public static PointTable WorkingLights(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT 'l:' || id, ST_X(geom), ST_Y(geom) FROM street_lights WHERE status = 'working' ORDER BY id", conn);
        using var reader = cmd.ExecuteReader();
        var (ids, xs, ys) = (new List<string>(), new List<double>(), new List<double>());
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            xs.Add(reader.GetDouble(1));
            ys.Add(reader.GetDouble(2));
        }

        return new PointTable { Ids = [.. ids], X = [.. xs], Y = [.. ys] };
    }
}
