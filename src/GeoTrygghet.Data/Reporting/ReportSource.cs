using GeoTrygghet.Core.Events;
using GeoTrygghet.Data.Events;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Data.Reporting;

/// <summary>
/// What the quarterly report reads from PostGIS. Every count of events goes through the one event filter
/// (<see cref="EventFilterSql"/>): an event belongs to a period by its <c>time_from</c> in Stockholm time and to an area
/// when the area covers its point. Everything else is read as it is stored, in the analysis CRS.
/// </summary>
public static class ReportSource
{
    public sealed record AreaInfo(string Name, string Kind, Geometry Geometry);

    public sealed record MeasureInfo(string Id, string Source, string Type, DateOnly Start, DateOnly? End, string? Description, Geometry Geometry);

    public sealed record SurveyRow(int Year, double Score, long Respondents);

    private static string Table(EventTable table) => table == EventTable.Incidents ? "incidents" : "reports";

    /// <summary>The focus areas, by name.</summary>
    public static IReadOnlyList<AreaInfo> FocusAreas(string connectionString) => Areas(connectionString, "kind = 'focus_area'", null);

    /// <summary>The area of that name, or null; two areas of one name are the same area to the event filter, so their union.</summary>
    public static AreaInfo? Area(string connectionString, string name) => Areas(connectionString, "name = @name", name).FirstOrDefault();

    public static IReadOnlyList<string> AreaNames(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT DISTINCT name FROM areas WHERE name IS NOT NULL AND kind <> 'survey_area' ORDER BY name", conn);
        var names = new List<string>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static List<AreaInfo> Areas(string connectionString, string where, string? name)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"SELECT name, min(kind), ST_AsBinary(ST_Union(geom)) FROM areas WHERE {where} AND kind <> 'survey_area' GROUP BY name ORDER BY name", conn);
        if (name is not null)
        {
            cmd.Parameters.AddWithValue("name", name);
        }

        var areas = new List<AreaInfo>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            areas.Add(new AreaInfo(reader.GetString(0), reader.GetString(1), Wkb(reader, 2)));
        }

        return areas;
    }

    /// <summary>The events of the filter counted by a column (<c>category_group</c>, <c>category</c>).</summary>
    public static Dictionary<string, long> CountBy(string connectionString, EventTable table, EventFilter filter, string column)
    {
        if (column is not ("category_group" or "category"))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "category_group or category");
        }

        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand { Connection = conn };
        var where = EventFilterSql.Conditions(filter, table, "e", cmd);
        cmd.CommandText = $"SELECT coalesce(e.{column}, 'other'), count(*) FROM {Table(table)} e{Where(where)} GROUP BY 1 ORDER BY 1";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The events of the filter per Stockholm month from <paramref name="firstMonth"/> on, <paramref name="months"/> of them.</summary>
    public static long[] Monthly(string connectionString, EventTable table, EventFilter filter, DateOnly firstMonth, int months)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand { Connection = conn };
        var where = EventFilterSql.Conditions(filter with { From = firstMonth, To = firstMonth.AddMonths(months).AddDays(-1) }, table, "e", cmd);
        cmd.CommandText = $"""
            SELECT extract(year FROM e.time_from AT TIME ZONE 'Europe/Stockholm')::int, extract(month FROM e.time_from AT TIME ZONE 'Europe/Stockholm')::int, count(*)
            FROM {Table(table)} e{Where(where)} GROUP BY 1, 2
            """;
        var counts = new long[months];
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var index = ((reader.GetInt32(0) - firstMonth.Year) * 12) + reader.GetInt32(1) - firstMonth.Month;
            if (index >= 0 && index < months)
            {
                counts[index] = reader.GetInt64(2);
            }
        }

        return counts;
    }

    /// <summary>The events of the filter by Stockholm weekday (Monday first) and hour.</summary>
    public static long[][] HourOfWeek(string connectionString, EventTable table, EventFilter filter)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand { Connection = conn };
        var where = EventFilterSql.Conditions(filter, table, "e", cmd);
        cmd.CommandText = $"""
            SELECT extract(isodow FROM e.time_from AT TIME ZONE 'Europe/Stockholm')::int, {EventFilterSql.LocalHour("e.time_from")}::int, count(*)
            FROM {Table(table)} e{Where(where)} GROUP BY 1, 2
            """;
        var counts = Enumerable.Range(0, 7).Select(_ => new long[24]).ToArray();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt32(0) - 1][reader.GetInt32(1)] = reader.GetInt64(2);
        }

        return counts;
    }

    /// <summary>The measures that touch the area (all of them without one), by start date and id.</summary>
    public static IReadOnlyList<MeasureInfo> Measures(string connectionString, string? area)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"""
            SELECT m.external_id, m.source, m.type, m.start_date, m.end_date, m.description, ST_AsBinary(m.geom) FROM measures m
            {(area is null ? "" : "WHERE EXISTS (SELECT 1 FROM areas a WHERE a.name = @area AND a.kind <> 'survey_area' AND ST_Intersects(a.geom, m.geom))")}
            ORDER BY m.start_date, m.external_id, m.source
            """, conn);
        if (area is not null)
        {
            cmd.Parameters.AddWithValue("area", area);
        }

        var measures = new List<MeasureInfo>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            measures.Add(new MeasureInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetString(5), Wkb(reader, 6)));
        }

        return measures;
    }

    /// <summary>The minutes patrols stood in the area within the days (a visit across the edge counts its part) and how many visits.</summary>
    public static (double Minutes, int Visits) Presence(string connectionString, DateOnly from, DateOnly to, string? area)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"""
            SELECT coalesce(sum(extract(epoch FROM least(v.left_at, @to) - greatest(v.arrived_at, @from))) / 60, 0)::float8, count(*)::int
            FROM patrol_visits v WHERE v.arrived_at < @to AND v.left_at > @from
            {(area is null ? "" : "AND EXISTS (SELECT 1 FROM areas a WHERE a.name = @area AND a.kind <> 'survey_area' AND ST_Covers(a.geom, v.geom))")}
            """, conn);
        cmd.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, Core.Time.StockholmTime.StartOfDay(from));
        cmd.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, Core.Time.StockholmTime.StartOfDay(to.AddDays(1)));
        if (area is not null)
        {
            cmd.Parameters.AddWithValue("area", area);
        }

        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (Math.Round(reader.GetDouble(0), 1), reader.GetInt32(1));
    }

    /// <summary>The lamps that were out at some time in the days, within the envelope (a period's valid_to is the day it changed, not in it).</summary>
    public static IReadOnlyList<Point> LightsOut(string connectionString, DateOnly from, DateOnly to, Envelope within) =>
        Points(connectionString, """
            SELECT DISTINCT ST_AsBinary(l.geom) FROM street_lights l JOIN street_light_status_periods p ON p.light_id = l.id
            WHERE p.status = 'out' AND p.valid_from <= @to AND (p.valid_to IS NULL OR p.valid_to > @from) AND l.geom && ST_MakeEnvelope(@x0, @y0, @x1, @y1, ST_SRID(l.geom))
            """, within, from, to);

    /// <summary>The cameras installed by the last day, within the envelope.</summary>
    public static IReadOnlyList<Point> Cameras(string connectionString, DateOnly to, Envelope within) =>
        Points(connectionString, "SELECT ST_AsBinary(c.geom) FROM cameras c WHERE (c.installed_on IS NULL OR c.installed_on <= @to) AND c.geom && ST_MakeEnvelope(@x0, @y0, @x1, @y1, ST_SRID(c.geom)) ORDER BY c.id",
            within, to, to);

    /// <summary>The streets of the basemap within the envelope, for the maps' background.</summary>
    public static IReadOnlyList<Geometry> Streets(string connectionString, Envelope within)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT ST_AsBinary(geom) FROM basemap_features WHERE kind IN ('street', 'path') AND geom && ST_MakeEnvelope(@x0, @y0, @x1, @y1, ST_SRID(geom)) ORDER BY id", conn);
        Bind(cmd, within);
        var streets = new List<Geometry>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            streets.Add(Wkb(reader, 0));
        }

        return streets;
    }

    /// <summary>The area's safety surveys (areas of kind survey_area of the same name) up to the year, newest first.</summary>
    public static IReadOnlyList<SurveyRow> Surveys(string connectionString, string area, int upToYear)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT year, safety_score, coalesce(respondents, 0) FROM areas
            WHERE kind = 'survey_area' AND name = @name AND year <= @year AND safety_score IS NOT NULL ORDER BY year DESC, id LIMIT 2
            """, conn);
        cmd.Parameters.AddWithValue("name", area);
        cmd.Parameters.AddWithValue("year", upToYear);
        var rows = new List<SurveyRow>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new SurveyRow(reader.GetInt32(0), reader.GetDouble(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>
    /// Where a point is as people say it: the smallest named square, park, water or block that holds it, else the nearest
    /// named street or path within 150 m; null when the basemap names nothing there.
    /// </summary>
    public static string? PlaceName(string connectionString, double x, double y, int srid)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint(@x, @y), @srid) AS geom)
            SELECT coalesce(
                (SELECT b.name FROM basemap_features b, p WHERE b.kind IN ('park', 'water', 'block') AND b.name IS NOT NULL AND ST_Covers(b.geom, p.geom) ORDER BY ST_Area(b.geom), b.id LIMIT 1),
                (SELECT b.name FROM basemap_features b, p WHERE b.kind IN ('street', 'path') AND b.name IS NOT NULL AND ST_DWithin(b.geom, p.geom, 150) ORDER BY b.geom <-> p.geom, b.id LIMIT 1))
            """, conn);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.AddWithValue("srid", srid);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>The organisations' names by id.</summary>
    public static IReadOnlyDictionary<string, string> Organisations(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT id, name FROM organisations ORDER BY id", conn);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    /// <summary>The latest change of each table the report reads: the data version it states.</summary>
    public static SortedDictionary<string, long> Versions(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        var all = Layers.DataChanges.Read(conn);
        string[] read = ["incidents", "reports", "measures", "areas", "street_lights", "cameras", "basemap_features", "patrol_visits", "promises"];
        return new SortedDictionary<string, long>(read.ToDictionary(t => t, t => all.Where(v => v.Table == t).Select(v => v.Version).DefaultIfEmpty(0).Max()), StringComparer.Ordinal);
    }

    private static List<Point> Points(string connectionString, string sql, Envelope within, DateOnly from, DateOnly to)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand(sql, conn);
        Bind(cmd, within);
        if (sql.Contains("@from", StringComparison.Ordinal))
        {
            cmd.Parameters.AddWithValue("from", from);
        }

        cmd.Parameters.AddWithValue("to", to);
        var points = new List<Point>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            points.Add((Point)Wkb(reader, 0));
        }

        return points;
    }

    private static void Bind(NpgsqlCommand cmd, Envelope e)
    {
        cmd.Parameters.AddWithValue("x0", e.MinX);
        cmd.Parameters.AddWithValue("y0", e.MinY);
        cmd.Parameters.AddWithValue("x1", e.MaxX);
        cmd.Parameters.AddWithValue("y1", e.MaxY);
    }

    private static Geometry Wkb(NpgsqlDataReader reader, int ordinal) => new NetTopologySuite.IO.WKBReader().Read(reader.GetFieldValue<byte[]>(ordinal));

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
}
