using GeoTrygghet.Core.Patrol;
using Npgsql;

namespace GeoTrygghet.Data.Patrol;

/// <summary>The visits patrols made, kept in <c>patrol_visits</c>: imported in one transaction (all or nothing, again and again the same), read back by period.</summary>
public static class VisitStore
{
    public static (int Inserted, int Updated, int Unchanged) Save(string connectionString, string source, IReadOnlyList<VisitRecord> visits, int srid)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var v in visits)
        {
            using var cmd = new NpgsqlCommand("""
                INSERT INTO patrol_visits (source, external_id, patrol, hotspot, arrived_at, left_at, geom)
                VALUES (@source, @id, @patrol, @hotspot, @arrive, @depart, ST_SetSRID(ST_MakePoint(@x, @y), @srid))
                ON CONFLICT (source, external_id) DO UPDATE SET patrol = excluded.patrol, hotspot = excluded.hotspot,
                    arrived_at = excluded.arrived_at, left_at = excluded.left_at, geom = excluded.geom, imported_at = now()
                WHERE (patrol_visits.patrol, patrol_visits.hotspot, patrol_visits.arrived_at, patrol_visits.left_at, ST_AsEWKB(patrol_visits.geom))
                      IS DISTINCT FROM (excluded.patrol, excluded.hotspot, excluded.arrived_at, excluded.left_at, ST_AsEWKB(excluded.geom))
                RETURNING (xmax = 0)
                """, conn, tx);
            cmd.Parameters.AddWithValue("source", source);
            cmd.Parameters.AddWithValue("id", v.ExternalId);
            cmd.Parameters.AddWithValue("patrol", v.Patrol);
            cmd.Parameters.AddWithValue("hotspot", NpgsqlTypes.NpgsqlDbType.Text, (object?)v.Hotspot ?? DBNull.Value);
            cmd.Parameters.AddWithValue("arrive", v.Arrive.ToUniversalTime());
            cmd.Parameters.AddWithValue("depart", v.Depart.ToUniversalTime());
            cmd.Parameters.AddWithValue("x", v.X);
            cmd.Parameters.AddWithValue("y", v.Y);
            cmd.Parameters.AddWithValue("srid", srid);
            switch (cmd.ExecuteScalar())
            {
                case true:
                    inserted++;
                    break;
                case false:
                    updated++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        using (var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('patrol_visits', now(), @rows)", conn, tx))
        {
            change.Parameters.AddWithValue("rows", (long)visits.Count);
            change.ExecuteNonQuery();
        }

        tx.Commit();
        return (inserted, updated, unchanged);
    }

    /// <summary>How many visits a source holds; with <paramref name="delete"/> they are deleted too, in one transaction.</summary>
    public static long CountOrDelete(string connectionString, string source, bool delete)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        using var cmd = new NpgsqlCommand(delete ? "DELETE FROM patrol_visits WHERE source = $1" : "SELECT count(*) FROM patrol_visits WHERE source = $1", conn, tx);
        cmd.Parameters.AddWithValue(source);
        var rows = delete ? cmd.ExecuteNonQuery() : (long)cmd.ExecuteScalar()!;
        if (delete && rows > 0)
        {
            using var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('patrol_visits', now(), $1)", conn, tx);
            change.Parameters.AddWithValue((long)rows);
            change.ExecuteNonQuery();
        }

        tx.Commit();
        return rows;
    }

    /// <summary>The import sources of the visits in a period, with how many each has.</summary>
    public static List<(string Source, long Visits)> Sources(string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT source, count(*) FROM patrol_visits WHERE arrived_at < @to AND left_at > @from GROUP BY source ORDER BY source", conn);
        cmd.Parameters.AddWithValue("from", from.ToUniversalTime());
        cmd.Parameters.AddWithValue("to", to.ToUniversalTime());
        using var reader = cmd.ExecuteReader();
        var list = new List<(string, long)>();
        while (reader.Read())
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    public static List<VisitRecord> Load(string connectionString, DateTimeOffset from, DateTimeOffset to, string? source)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("""
            SELECT external_id, patrol, hotspot, ST_X(geom), ST_Y(geom), arrived_at, left_at FROM patrol_visits
            WHERE arrived_at < @to AND left_at > @from AND (@source::text IS NULL OR source = @source) ORDER BY arrived_at
            """, conn);
        cmd.Parameters.AddWithValue("from", from.ToUniversalTime());
        cmd.Parameters.AddWithValue("to", to.ToUniversalTime());
        cmd.Parameters.AddWithValue("source", NpgsqlTypes.NpgsqlDbType.Text, (object?)source ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var visits = new List<VisitRecord>();
        while (reader.Read())
        {
            visits.Add(new VisitRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return visits;
    }
}
