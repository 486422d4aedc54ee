using GeoTrygghet.Core.Evaluation;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Data.Events;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace GeoTrygghet.Data.Evaluation;

/// <summary>
/// What <c>gt evaluate</c> reads from PostGIS: the measure, the study area when none is configured, and the
/// events of the windows labelled by area — the point-in-polygon work is the database's.
/// </summary>
public static class EvaluationSource
{
    public static MeasureRecord FindMeasure(string connectionString, string id)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT source, external_id, type, ST_AsBinary(geom), start_date, end_date, description
            FROM measures WHERE external_id = $1 OR source || ':' || external_id = $1 ORDER BY source
            """, conn);
        cmd.Parameters.AddWithValue(id);
        var found = new List<MeasureRecord>();
        using (var reader = cmd.ExecuteReader())
        {
            var wkb = new WKBReader();
            while (reader.Read())
            {
                var geometry = wkb.Read(reader.GetFieldValue<byte[]>(3));
                found.Add(new MeasureRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), geometry,
                    reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        if (found.Count == 1)
        {
            return found[0];
        }

        if (found.Count > 1)
        {
            throw new EvaluationException($"measure '{id}' is in more than one source ({string.Join(", ", found.Select(m => m.Source))}); name it as SOURCE:{id}.");
        }

        using var list = new NpgsqlCommand("SELECT coalesce(string_agg(external_id || ' (' || type || ', ' || start_date || ')', ', ' ORDER BY start_date), '(none: import them with ./gt import measures FILE)') FROM measures", conn);
        throw new EvaluationException($"there is no measure '{id}'; measures: {list.ExecuteScalar()}");
    }

    /// <summary>The study area when the deployment names none: the districts when there are any, else the convex hull of all incidents.</summary>
    public static (Geometry Area, string Name) StudyExtent(string connectionString, int srid)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT 'districts', ST_AsBinary(ST_Union(geom)) FROM areas WHERE kind = 'district' HAVING count(*) > 0
            UNION ALL
            SELECT 'convex hull of all incidents', ST_AsBinary(ST_ConvexHull(ST_Collect(geom))) FROM incidents HAVING count(*) > 2
            LIMIT 1
            """, conn);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            throw new EvaluationException("there is no study area to take the control from: no districts, too few incidents; give --control or a studyArea in geotrygghet.json.");
        }

        var area = new WKBReader().Read(reader.GetFieldValue<byte[]>(1));
        area.SRID = srid;
        return (area, reader.GetString(0));
    }

    /// <summary>First and last event time in the table the evaluation counts, to warn when a window runs past the data.</summary>
    public static (DateTimeOffset? First, DateTimeOffset? Last) Coverage(string connectionString, bool reports)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand($"SELECT min(time_from), max(time_from) FROM {(reports ? "reports" : "incidents")}", conn);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>The events of <paramref name="filter"/> in the treated area, its buffer and the control, each with its region and whether it is after <paramref name="start"/>.</summary>
    public static List<EvaluationEvent> LoadEvents(string connectionString, EvaluationAreas areas, EventFilter filter, EventTable table, DateTimeOffset start, int srid, CancellationToken cancel = default)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand { Connection = conn };
        var where = EventFilterSql.Conditions(filter, table, "e", cmd);
        where.Add("(ST_Covers(a.r, e.geom) OR ST_Covers(a.b, e.geom) OR ST_Covers(a.c, e.geom))");
        cmd.CommandText = $"""
            WITH a AS (SELECT ST_GeomFromText(@r, @srid) r, ST_GeomFromText(@b, @srid) b, ST_GeomFromText(@c, @srid) c)
            SELECT CASE WHEN ST_Covers(a.r, e.geom) THEN 0 WHEN ST_Covers(a.b, e.geom) THEN 1 ELSE 2 END,
                   e.time_from >= @start, ST_Y(ST_Transform(e.geom, 4326)), ST_X(ST_Transform(e.geom, 4326)), e.time_from, e.time_to
            FROM {(table == EventTable.Reports ? "reports" : "incidents")} e, a
            WHERE {string.Join(" AND ", where)}
            """;
        var wkt = new WKTWriter();
        cmd.Parameters.AddWithValue("r", wkt.Write(areas.Treated));
        cmd.Parameters.AddWithValue("b", wkt.Write(areas.Buffer));
        cmd.Parameters.AddWithValue("c", wkt.Write(areas.Control));
        cmd.Parameters.AddWithValue("srid", srid);
        cmd.Parameters.AddWithValue("start", start);
        var events = new List<EvaluationEvent>();
        cmd.ReadRows(cancel, reader => events.Add(new EvaluationEvent((EvaluationRegion)reader.GetInt32(0), reader.GetBoolean(1), reader.GetDouble(2), reader.GetDouble(3),
            reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5))));

        return events;
    }
}
