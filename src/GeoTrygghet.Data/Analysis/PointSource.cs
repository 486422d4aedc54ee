using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using GeoTrygghet.Data.Events;
using Npgsql;

namespace GeoTrygghet.Data.Analysis;

/// <summary>
/// Loads the events an analysis runs on from PostGIS with a <see cref="EventFilter"/>: the filtering
/// (period, category, source, area, hours) is done by the database, the analysis gets columns.
/// Hours and dates are of Stockholm local time.
/// </summary>
public static class PointSource
{
    public static PointTable Load(string connectionString, EventFilter filter, CancellationToken cancel = default)
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

        using var cmd = Command(filter);
        cmd.Connection = conn;
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

    }

    /// <summary>The query of <see cref="Load"/>: the events of the filter from incidents and/or reports, each with its weight.</summary>
    internal static NpgsqlCommand Command(EventFilter filter)
    {
        var cmd = new NpgsqlCommand();
        var parts = new List<string>();
        if (filter.UsesIncidents)
        {
            parts.Add(Select("incidents", "'i:' || e.id", "@incident_weight", EventTable.Incidents));
            cmd.Parameters.AddWithValue("incident_weight", filter.IncidentWeight);
        }

        if (filter.UsesReports)
        {
            parts.Add(Select("reports", "'r:' || e.id", "@report_weight", EventTable.Reports));
            cmd.Parameters.AddWithValue("report_weight", filter.ReportWeight);
        }

        cmd.CommandText = string.Join("\nUNION ALL\n", parts) + "\nORDER BY 1";
        return cmd;

        string Select(string table, string id, string weight, EventTable events) => $"""
            SELECT {id}, ST_X(e.geom), ST_Y(e.geom), e.time_from, e.time_to, e.category, {weight}::double precision
            FROM {table} e
            WHERE {string.Join(" AND ", ["true", .. EventFilterSql.Conditions(filter, events, "e", cmd)])}
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
