using System.Text.Json;
using GeoTrygghet.Core.Events;
using GeoTrygghet.Core.Hotspots;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace GeoTrygghet.Data.Analysis;

/// <summary>
/// Stores an analysis run — its name, method, period, filters, full report and result features — so
/// the map service can show it and next quarter can be compared with it. A run is written in one
/// transaction and its layer change is recorded (tiles of it are never served stale).
/// </summary>
public static class AnalysisStore
{
    /// <summary>A run just written: its id and how many features it holds.</summary>
    public sealed record SavedRun(long Id, int Features);

    public sealed record StoredRun(long Id, string Name, string Method, DateTimeOffset CreatedAt, int Features, string Filters);

    public static SavedRun Save(string connectionString, string name, AnalysisReport report, EventFilter filter, int srid, IEnumerable<(string Kind, Geometry Geometry, object Properties)> features, string? org = null, CancellationToken cancel = default)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        long id;
        using (var cmd = new NpgsqlCommand("""
            INSERT INTO analysis_runs (name, method, period_from, period_to, filters, report, feature_count, org_id)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, 0, $7) RETURNING id
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(name);
            cmd.Parameters.AddWithValue(report.Method);
            cmd.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)PeriodBound(filter.From) ?? DBNull.Value);
            cmd.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)PeriodBound(filter.To?.AddDays(1)) ?? DBNull.Value);
            cmd.Parameters.AddWithValue(filter.Describe());
            cmd.Parameters.AddWithValue(JsonSerializer.Serialize(report));
            cmd.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)org ?? DBNull.Value);
            try
            {
                id = (long)cmd.ExecuteScalar()!;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new DatabaseException($"an analysis run named '{name}' already exists; choose another --name.", e);
            }
        }

        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false);
        var count = 0;
        using (var importer = conn.BeginBinaryImport("COPY analysis_features (run_id, kind, geom, properties) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (kind, geometry, properties) in features)
            {
                // Leaving the loop without Complete() rolls the COPY and the run back.
                cancel.ThrowIfCancellationRequested();
                geometry.SRID = srid;
                importer.StartRow();
                importer.Write(id, NpgsqlDbType.Bigint);
                importer.Write(kind, NpgsqlDbType.Text);
                importer.Write(wkb.Write(geometry), NpgsqlDbType.Bytea);
                importer.Write(JsonSerializer.Serialize(properties), NpgsqlDbType.Jsonb);
                count++;
            }

            importer.Complete();
        }

        using (var cmd = new NpgsqlCommand("UPDATE analysis_runs SET feature_count = $1 WHERE id = $2", conn, tx))
        {
            cmd.Parameters.AddWithValue(count);
            cmd.Parameters.AddWithValue(id);
            cmd.ExecuteNonQuery();
        }

        using (var cmd = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('analysis_runs', clock_timestamp(), $1)", conn, tx))
        {
            cmd.Parameters.AddWithValue((long)count);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return new SavedRun(id, count);
    }

    /// <summary>Deletes a run (by id or name) with its features; returns the name deleted, or null when there is none.</summary>
    public static string? Delete(string connectionString, string idOrName)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var tx = conn.BeginTransaction();
        using var cmd = new NpgsqlCommand("DELETE FROM analysis_runs WHERE id::text = $1 OR name = $1 RETURNING name", conn, tx);
        cmd.Parameters.AddWithValue(idOrName);
        var names = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        if (names.Count != 1)
        {
            tx.Rollback();
            return names.Count == 0 ? null : throw new DatabaseException($"'{idOrName}' names {names.Count} runs; give the run's id.");
        }

        using (var change = new NpgsqlCommand("INSERT INTO data_changes (layer, changed_at, rows) VALUES ('analysis_runs', clock_timestamp(), 1)", conn, tx))
        {
            change.ExecuteNonQuery();
        }

        tx.Commit();
        return names[0];
    }

    public static IReadOnlyList<StoredRun> List(string connectionString)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("SELECT id, name, method, created_at, feature_count, filters::text FROM analysis_runs ORDER BY id", conn);
        using var reader = cmd.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(new StoredRun(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetString(5)));
        }

        return runs;
    }

    private static DateTimeOffset? PeriodBound(DateOnly? date)
    {
        if (date is not { } d)
        {
            return null;
        }

        GeoTrygghet.Core.Time.StockholmTime.FromLocal(d.ToDateTime(TimeOnly.MinValue), string.Empty, out var utc, out _);
        return utc;
    }

    /// <summary>Gives the runs that have no organisation (stored before organisations were kept) to <paramref name="org"/>.</summary>
    public static int AssignUnowned(string connectionString, string org)
    {
        using var conn = Schema.SchemaManager.Open(connectionString);
        using var cmd = new NpgsqlCommand("UPDATE analysis_runs SET org_id = $1 WHERE org_id IS NULL", conn);
        cmd.Parameters.AddWithValue(org);
        return cmd.ExecuteNonQuery();
    }
}
